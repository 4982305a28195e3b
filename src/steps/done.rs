//! Done: the result of submitting.

use leptos::prelude::*;

use super::StepHeading;
use crate::i18n::Key;
use crate::store::use_wizard;

#[component]
pub fn DoneStep() -> impl IntoView {
    let w = use_wizard();
    view! {
        <StepHeading title=Key::StepDone />
        <p class="cw-lead">{move || w.t(Key::DoneShellNote)}</p>
        <button type="button" class="cw-button cw-button--secondary" on:click=move |_| {
            w.discard_draft();
            w.submitted.set(false);
            w.go(crate::model::Step::Account);
        }>{move || w.t(Key::AddAnother)}</button>
    }
}
