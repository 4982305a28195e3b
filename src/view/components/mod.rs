//! Reusable pieces of the wizard's UI.

use leptos::prelude::Get;

mod copy;
mod error_summary;
mod field;
mod stepper;

pub use copy::CopyButton;
pub use error_summary::{use_error_links, ErrorSummary};
pub use field::{field_error, ChoiceField, FieldMessage, TextField};
pub use stepper::{step_title, Stepper};

/// Id of the current step's `<h1>`.
pub fn step_heading_id(inst: &crate::state::store::Instance) -> String {
    inst.el_id("heading")
}

/// Translated text that follows the language switch. Every text uses this one closure type,
/// so the renderer is compiled once instead of once per text (a measurable share of the wasm).
pub fn tr(key: crate::domain::i18n::Key) -> impl leptos::prelude::IntoView {
    tx(key)
}

/// [`tr`] as a plain closure, for attributes (`aria-label=tx(..)`); the same closure type.
pub fn tx(
    key: crate::domain::i18n::Key,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = crate::state::store::use_nav().locale;
    move || key.text(locale.get())
}

/// Text for a summary list's value; `address` (a domain or an email address): a narrow screen
/// wraps it after a dot or the `@`, not in the middle of a name (`overflow-wrap: anywhere`,
/// the root's, then breaks only a part longer than the line). `<wbr>`, not a zero-width
/// space: copying the text copies the address. One view type for both kinds of text.
pub fn wrap_at_dots(text: &str, address: bool) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let parts: Vec<&str> = if address {
        text.split_inclusive(['.', '@']).collect()
    } else {
        vec![text]
    };
    parts
        .into_iter()
        .map(|part| view! { {part.to_string()}<wbr /> })
        .collect_view()
}
