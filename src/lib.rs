//! customer-wizard: add a new customer as a CSP partner. A Leptos (csr) WebAssembly app that
//! speaks a subset of the Partner Center REST API v1, standalone or embedded in a portal.
//!
//! The modules in their layers, each using only the ones above it here (docs/architecture.md).

// No `unsafe` in the app: checked downcasts, checked JS casts (`dyn_into`).
#![forbid(unsafe_code)]

// ---- domain: plain data and rules, no web; natively tested -----------------------------
pub mod catalog;
pub mod config;
pub mod examples;
pub mod i18n;
pub mod messages;
pub mod model;
pub mod submit;
pub mod validate;
pub mod windowing;

// ---- api: the wire (JSON, HTTP, the demo backend) ---------------------------------------
pub mod api;

// ---- state: reactive values, the wizard store in context, the browser and host page ------
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod events;
pub mod reactive;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod subs;

// ---- view: components, one file per step, the shell and the mount entry -----------------
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
pub mod steps;
