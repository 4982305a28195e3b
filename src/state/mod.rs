//! The state: the project's reactive values, the wizard's state in context split by concern
//! (instance, draft, navigation, checks, submission, offers), the list-windowing hook, and the
//! browser and the host page. Provided above the steps, so a step that unmounts loses nothing.

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod browser;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod events;
pub mod reactive;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod store;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod subs;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod use_windowed_list;
