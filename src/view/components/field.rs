//! Form fields in the GOV.UK pattern: label, hint, error message, then the control, with
//! `aria-describedby` naming the hint and the error and `aria-invalid` while there is one.

use crate::state::reactive::{derive, memo, Derived};
use leptos::prelude::*;

use super::tr;

use crate::domain::i18n::Key;
use crate::domain::model::{FieldId, Step};
use crate::state::store::{field_message, use_checks, use_draft, use_instance, use_nav};

/// The error to show at a field of Account info (only after the step's first Continue).
pub fn field_error(field: FieldId) -> Derived<Option<String>> {
    let (nav, checks, draft) = (use_nav(), use_checks(), use_draft().draft);
    derive(move || {
        if !nav.show_errors(Step::Account) {
            return None;
        }
        checks.account_issues.with(|issues| {
            issues
                .iter()
                .find(|i| i.field == field)
                .map(|i| field_message(&i.error, nav.locale.get(), draft))
        })
    })
}

fn described_by(hint: Option<String>, error: Option<String>) -> Option<String> {
    let ids: Vec<String> = hint.into_iter().chain(error).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

// The field components end in `.into_any()`: they are used dozens of times inside other
// views, and a type-erased view is built by one shared function instead of being inlined
// into every parent (measured: smaller wasm).

/// The inline error line (with a visually hidden "Error:" for screen readers).
#[component]
pub fn FieldMessage(id: String, #[prop(into)] message: Derived<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <p class="cw-error-message" id=id.clone()>
                <span class="cw-visually-hidden">{tr(Key::ErrorTitlePrefix)}</span>
                {move || message.get()}
            </p>
        </Show>
    }
    .into_any()
}

/// A text input bound to one field of the draft.
#[component]
pub fn TextField(
    field: FieldId,
    #[prop(into)] label: Derived<Key>,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] optional: bool,
    autocomplete: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] width: Option<&'static str>,
    #[prop(optional)] suffix: Option<&'static str>,
    #[prop(optional)] spellcheck: bool,
    /// Messages that do not block (e.g. company name warnings).
    #[prop(optional, into)]
    warning: Option<Derived<Option<String>>>,
) -> impl IntoView {
    let (nav, draft) = (use_nav(), use_draft().draft);
    let id = use_instance().field_id(field);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let warn_id = format!("{id}-warning");
    let error = field_error(field);
    let value = memo(move || draft.with(|d| field.get(&d.account).unwrap_or_default().to_string()));
    let warning = warning.unwrap_or_else(|| derive(|| None));
    let describedby = {
        let (hint_id, error_id, warn_id) = (hint_id.clone(), error_id.clone(), warn_id.clone());
        move || {
            let mut ids: Vec<String> = hint_id.iter().cloned().collect();
            if warning.get().is_some() {
                ids.push(warn_id.clone());
            }
            described_by(
                (!ids.is_empty()).then(|| ids.join(" ")),
                error.get().map(|_| error_id.clone()),
            )
        }
    };
    let class = format!("cw-input {}", width.unwrap_or(""));
    view! {
        <div class="cw-field" class:cw-field--error=move || error.get().is_some()>
            <label class="cw-label" for=id.clone()>
                {move || nav.t(label.get())}
                {optional.then(|| view! { " " <span class="cw-optional">{tr(Key::Optional)}</span> })}
            </label>
            {hint.map(|h| view! { <p class="cw-hint" id=hint_id.clone()>{tr(h)}</p> })}
            <FieldMessage id=error_id.clone() message=error />
            <Show when=move || warning.get().is_some()>
                <p class="cw-warning-message" id=warn_id.clone()>{move || warning.get()}</p>
            </Show>
            <div class="cw-input-wrap">
                <input
                    class=class.clone()
                    id=id.clone()
                    name=field.slug()
                    type=input_type
                    inputmode=inputmode
                    autocomplete=autocomplete
                    spellcheck=if spellcheck { "true" } else { "false" }
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=describedby
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        // A pasted tab or line break becomes a space (the draft then differs
                        // from the input, which shows the draft again).
                        let v = crate::domain::validate::single_line(&event_target_value(&ev));
                        draft.update(|d| field.set(&mut d.account, v));
                    }
                />
                {suffix.map(|s| view! { <span class="cw-input-suffix" aria-hidden="true">{s}</span> })}
            </div>
        </div>
    }
    .into_any()
}

/// A `<select>` bound to one field; options are (value, label) pairs.
#[component]
pub fn ChoiceField(
    field: FieldId,
    #[prop(into)] label: Derived<Key>,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] optional: bool,
    autocomplete: &'static str,
    #[prop(into)] placeholder: Derived<Key>,
    #[prop(into)] options: Derived<Vec<(String, String)>>,
    /// Shown as selected while the field is empty (e.g. the country's default culture).
    #[prop(optional, into)]
    default_value: Option<Derived<String>>,
) -> impl IntoView {
    let (nav, draft) = (use_nav(), use_draft().draft);
    let id = use_instance().field_id(field);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let error = field_error(field);
    let value = memo(move || {
        let v = draft.with(|d| field.get(&d.account).unwrap_or_default().to_string());
        match default_value {
            Some(d) if v.is_empty() => d.get(),
            _ => v,
        }
    });
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(hint_id.clone(), error.get().map(|_| error_id.clone()))
    };
    view! {
        <div class="cw-field" class:cw-field--error=move || error.get().is_some()>
            <label class="cw-label" for=id.clone()>
                {move || nav.t(label.get())}
                {optional.then(|| view! { " " <span class="cw-optional">{tr(Key::Optional)}</span> })}
            </label>
            {hint.map(|h| view! { <p class="cw-hint" id=hint_id.clone()>{tr(h)}</p> })}
            <FieldMessage id=error_id.clone() message=error />
            <select
                class="cw-select"
                id=id.clone()
                name=field.slug()
                autocomplete=autocomplete
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=describedby
                prop:value=move || value.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|d| field.set(&mut d.account, v));
                }
            >
                <option value="">{move || nav.t(placeholder.get())}</option>
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
    .into_any()
}
