//! Account info's reseller section: the indirect reseller, for indirect providers.

use crate::state::reactive::{memo, Var};
use leptos::prelude::*;

use crate::domain::i18n::Key;
use crate::domain::model::{FieldId, ResellerId};
use crate::domain::validate;
use crate::state::store::{use_checks, use_draft, use_instance};
use crate::view::components::{field_error, tr, FieldMessage};

/// The indirect reseller, for indirect providers.
#[component]
pub fn ResellerPicker() -> impl IntoView {
    let (inst, draft, checks) = (use_instance(), use_draft().draft, use_checks());
    // The list is read once per page; one that failed is asked for again each time the
    // picker shows (as the picker's own read did), not left empty for good.
    if checks
        .resellers
        .with_untracked(|r| matches!(r, Some(Some(Err(_)))))
    {
        checks.resellers.refetch();
    }
    let id = inst.field_id(FieldId::Reseller);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = field_error(FieldId::Reseller);
    let selected =
        memo(move || draft.with(|d| d.reseller.clone().map(|r| r.0).unwrap_or_default()));
    // Filters the list by name, location or partner ID (case, accents and Turkish i folded);
    // the chosen reseller always stays in the list.
    let query = Var::new(String::new());
    let search_id = inst.el_id("reseller-search");
    view! {
        <fieldset class="cw-fieldset">
            <legend class="cw-legend">{tr(Key::ResellerSection)}</legend>
            <div class="cw-field">
                <label class="cw-label" for=search_id.clone()>
                    {tr(Key::ResellerSearch)} " " <span class="cw-optional">{tr(Key::Optional)}</span>
                </label>
                <input
                    class="cw-input cw-input--20"
                    type="search"
                    id=search_id.clone()
                    autocomplete="off"
                    aria-controls=id.clone()
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <div class="cw-field" class:cw-field--error=move || error.get().is_some()>
                <label class="cw-label" for=id.clone()>{tr(Key::ResellerSection)}</label>
                <p class="cw-hint" id=hint_id.clone()>{tr(Key::ResellerHint)}</p>
                <FieldMessage id=error_id.clone() message=error />
                <select
                    class="cw-select"
                    id=id.clone()
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby={
                        let (h, e) = (hint_id.clone(), error_id.clone());
                        move || if error.get().is_some() { format!("{h} {e}") } else { h.clone() }
                    }
                    prop:value=move || selected.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.reseller = (!v.is_empty()).then_some(ResellerId(v)));
                    }
                >
                    <option value="">{tr(Key::ResellerChoose)}</option>
                    {move || {
                        let current = selected.get();
                        let q = validate::fold(query.get().trim());
                        checks
                            .resellers_ok()
                            .into_iter()
                            .filter(|r| r.active)
                            .filter(|r| {
                                r.id.0 == current
                                    || q.is_empty()
                                    || validate::fold(&format!("{} {} {}", r.name, r.location, r.mpn_id.0))
                                        .contains(&q)
                            })
                            .map(|r| {
                                let is = r.id.0 == current;
                                let label = format!("{} · {} · {}", r.name, r.location, r.mpn_id.0);
                                view! { <option value=r.id.0 selected=is>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </fieldset>
    }
}
