//! customer-wizard: add a new customer as a CSP partner. A Leptos (csr) WebAssembly app that
//! speaks a subset of the Partner Center REST API v1, standalone or embedded in a portal.
//!
//! The modules in their layers, each using only the ones above it here (docs/architecture.md).

// No `unsafe` in the app: checked downcasts, checked JS casts (`dyn_into`).
#![forbid(unsafe_code)]
// The prerender builds the views natively without `--cfg erase_components` (the wasm's, in
// .cargo/config.toml), so the Account step's nested view types need a deeper type layout.
#![recursion_limit = "512"]

// ---- domain: plain data and rules, no web; natively tested -----------------------------
pub mod domain;

// ---- api: the wire (JSON, HTTP, the demo backend) ---------------------------------------
pub mod api;

// The state and view layers are the wasm's; natively they are compiled only for the build's
// prerender (`--features ssr`), which renders the first screen to HTML with the same
// components.

// ---- state: reactive values, the wizard's state in context, the browser and host page -----
pub mod state;

// ---- view: components, one file per step, the shell, the mount entry and the prerender ---
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;
