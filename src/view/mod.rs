//! The view: the shell, small components, one file per step, the mount entry, and the
//! build's prerender of the first screen.

pub mod app;
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod steps;
