//! customer-wizard: add a new customer as a CSP partner. A Leptos (csr) WebAssembly app that
//! speaks a subset of the Partner Center REST API v1, standalone or embedded in a portal.

// No `unsafe` in the app: checked downcasts, checked JS casts (`dyn_into`).
#![forbid(unsafe_code)]

pub mod api;
pub mod catalog;
pub mod config;
pub mod examples;
pub mod i18n;
pub mod messages;
pub mod model;
pub mod reactive;
pub mod submit;
pub mod validate;
pub mod windowing;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
pub mod steps;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod subs;
