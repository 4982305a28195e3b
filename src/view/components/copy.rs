//! A copy-to-clipboard button that says whether it worked (in a polite live region).

use crate::state::reactive::{Derived, Var};
use leptos::prelude::*;

use super::tr;
use wasm_bindgen_futures::JsFuture;

use crate::domain::i18n::Key;
use crate::state::store::use_nav;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

async fn copy(text: String) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    JsFuture::from(w.navigator().clipboard().write_text(&text))
        .await
        .is_ok()
}

#[component]
pub fn CopyButton(label: Key, #[prop(into)] text: Derived<String>) -> impl IntoView {
    let nav = use_nav();
    let outcome = Var::new(Outcome::Idle);
    view! {
        <span class="cw-copy">
            <button
                type="button"
                class="cw-button cw-button--secondary cw-button--small"
                on:click=move |_| {
                    let t = text.get_untracked();
                    leptos::task::spawn_local(async move {
                        let ok = copy(t).await;
                        outcome.set(if ok { Outcome::Copied } else { Outcome::Failed });
                    });
                }
            >
                {tr(label)}
            </button>
            <span class="cw-copy__status" role="status" aria-live="polite">
                {move || match outcome.get() {
                    Outcome::Idle => "",
                    Outcome::Copied => nav.t(Key::Copied),
                    Outcome::Failed => nav.t(Key::CopyFailed),
                }}
            </span>
        </span>
    }
}
