//! Account info's agreement section: the customer accepted the Microsoft Customer Agreement
//! (with who accepted it and when), or will accept it in the Microsoft 365 admin center.

use crate::state::reactive::memo;
use leptos::prelude::*;

use crate::domain::i18n::Key;
use crate::domain::model::{AgreementChoice, FieldId};
use crate::state::store::{use_checks, use_draft, use_instance};
use crate::view::components::{field_error, tr, FieldMessage, TextField};

#[component]
pub fn AgreementSection() -> impl IntoView {
    let (checks, draft) = (use_checks(), use_draft().draft);
    let choice = memo(move || draft.with(|d| d.account.agreement));
    let name = use_instance().field_id(FieldId::Agreement);
    let error_id = format!("{name}-error");
    let error = field_error(FieldId::Agreement);
    let may_attest = move || checks.may_attest();
    let radio_name = name.clone();
    let radio = move |value: AgreementChoice, suffix: &'static str, label: Key, first: bool| {
        let id = if first {
            radio_name.clone()
        } else {
            format!("{radio_name}-{suffix}")
        };
        let name = radio_name.clone();
        view! {
            <div class="cw-radio">
                <input
                    type="radio"
                    id=id.clone()
                    name=name
                    disabled=move || value == AgreementChoice::Accepted && !may_attest()
                    prop:checked=move || choice.get() == value
                    on:change=move |_| draft.update(|d| d.account.agreement = value)
                />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <fieldset
            class="cw-fieldset"
            class:cw-field--error=move || error.get().is_some()
            aria-describedby=move || error.get().map(|_| error_id.clone())
        >
            <legend class="cw-legend">{tr(Key::AgreementSection)}</legend>
            <FieldMessage id=format!("{name}-error") message=error />
            <Show when=move || !may_attest()>
                <p class="cw-hint">{tr(Key::MayNotAttest)}</p>
            </Show>
            {radio(AgreementChoice::Accepted, "accepted", Key::AgreementAccepted, true)}
            <Show when=move || choice.get() == AgreementChoice::Accepted>
                <SignerFields />
            </Show>
            {radio(AgreementChoice::AcceptLater, "later", Key::AgreementLater, false)}
        </fieldset>
    }
}

/// Who accepted the agreement, and when.
#[component]
fn SignerFields() -> impl IntoView {
    view! {
        <div class="cw-conditional">
            <TextField field=FieldId::SignerFirstName label=Key::SignerFirstName autocomplete="off" />
            <TextField field=FieldId::SignerLastName label=Key::SignerLastName autocomplete="off" />
            <TextField field=FieldId::SignerEmail label=Key::SignerEmail input_type="email" autocomplete="off" />
            <TextField
                field=FieldId::SignerPhone
                label=Key::SignerPhone
                optional=true
                input_type="tel"
                autocomplete="off"
                width="cw-input--20"
            />
            // Text, not type="date": that one shows the browser's format (mm/dd/yyyy on
            // a Turkish page in an American browser). Read day first in both languages.
            <TextField
                field=FieldId::DateAgreed
                label=Key::DateAgreed
                hint=Key::DateAgreedHint
                autocomplete="off"
                width="cw-input--10"
            />
        </div>
    }
}
