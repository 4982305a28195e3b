//! customer-wizard: add a new customer as a CSP partner. A Leptos (csr) WebAssembly app that
//! speaks a subset of the Partner Center REST API v1, standalone or embedded in a portal.

pub mod api;
pub mod catalog;
pub mod config;
pub mod examples;
pub mod i18n;
pub mod json;
pub mod messages;
pub mod model;
pub mod reactive;
pub mod sort;
pub mod submit;
pub mod validate;
pub mod windowing;

// The view layer is the wasm's; natively it is compiled only for the build's prerender
// (`--features ssr`), which renders the first screen to HTML.
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod browser;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod steps;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod store;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod subs;
