//! The fields of a chosen line: quantity (a stepper, or the fixed quantity as text), term,
//! billing frequency, friendly name. Each reads the line from its editor's [`LineCtx`].

use crate::state::reactive::{memo, Derived};
use leptos::prelude::*;

use super::lines::{has_error, LineCtx};
use crate::domain::catalog::{cycles_for, step_quantity, LineField};
use crate::domain::i18n::Key;
use crate::domain::messages;
use crate::domain::model::BillingCycle;
use crate::view::components::{tr, FieldMessage};

/// The quantity: a text input with - and + buttons, or, for an offer sold in one fixed
/// quantity (an Azure plan: 1), that quantity as text (a stepper from 1 to 1 only confuses).
#[component]
pub fn QuantityField(id: String) -> impl IntoView {
    let line = expect_context::<LineCtx>();
    let w = line.w;
    let label = move || {
        line.units(Key::Quantity, Key::QuantityUnits)
            .text(w.nav.locale.get())
    };
    // The quantity when the offer allows only one and the line has it.
    let fixed = memo(move || {
        let (min, max) = bounds(line);
        (min == max
            && line
                .line
                .get()
                .is_some_and(|l| l.quantity.trim() == min.to_string()))
        .then_some(min)
    });
    let err = line.error(LineField::Quantity);
    view! {
        <Show
            when=move || fixed.get().is_none()
            fallback=move || view! {
                <div class="cw-field">
                    <p class="cw-label">{label}</p>
                    <p class="cw-line__fixed">
                        {move || Key::QuantityFixed.fmt(w.nav.locale.get(), &[("count", &fixed.get().unwrap_or(1).to_string())])}
                    </p>
                </div>
            }
        >
            <div class="cw-field" class:cw-field--error=has_error(err)>
                <label class="cw-label" for=id.clone()>{label}</label>
                <p class="cw-hint" id=format!("{id}-hint")>
                    {move || {
                        let (min, max) = bounds(line);
                        Key::QuantityHint.fmt(w.nav.locale.get(), &[("min", &min.to_string()), ("max", &max.to_string())])
                    }}
                </p>
                <FieldMessage id=format!("{id}-error") message=err />
                <div class="cw-stepper-input">
                    <StepButton up=false controls=id.clone() />
                    <input
                        class="cw-input cw-input--qty"
                        id=id.clone()
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=invalid(err)
                        aria-describedby=describe(Some(format!("{id}-hint")), err, format!("{id}-error"))
                        prop:value=move || line.line.get().map(|l| l.quantity).unwrap_or_default()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            line.update(Box::new(move |l| l.quantity = v));
                        }
                    />
                    <StepButton up=true controls=id.clone() />
                </div>
            </div>
        </Show>
    }
}

/// The - (one fewer) or + (one more) button of the quantity, named with the offer.
#[component]
fn StepButton(up: bool, controls: String) -> impl IntoView {
    let line = expect_context::<LineCtx>();
    let w = line.w;
    let (key, other, sign) = if up {
        (Key::QuantityIncrease, Key::QuantityIncreaseUnits, "+")
    } else {
        (Key::QuantityDecrease, Key::QuantityDecreaseUnits, "−")
    };
    let step = move |_| {
        let (min, max) = bounds(line);
        line.update(Box::new(move |l| {
            l.quantity = step_quantity(&l.quantity, min, max, up).to_string()
        }));
    };
    view! {
        <button
            type="button"
            class="cw-button cw-button--secondary cw-stepper-input__btn"
            aria-label=move || line.units(key, other).fmt(w.nav.locale.get(), &[("offer", &line.name.get())])
            aria-controls=controls
            on:click=step
        >
            {sign}
        </button>
    }
}

/// The term (shown when the offer has terms); a new term keeps a billing frequency it allows.
#[component]
pub fn TermField(id: String) -> impl IntoView {
    let line = expect_context::<LineCtx>();
    let w = line.w;
    let terms = memo(move || {
        line.offer
            .get()
            .map(|o| o.term_durations)
            .unwrap_or_default()
    });
    let err = line.error(LineField::Term);
    view! {
        <Show when=move || !terms.with(Vec::is_empty)>
            <div class="cw-field" class:cw-field--error=has_error(err)>
                <label class="cw-label" for=id.clone()>{tr(Key::TermLabel)}</label>
                <FieldMessage id=format!("{id}-error") message=err />
                <select
                    class="cw-select cw-select--auto"
                    id=id.clone()
                    aria-invalid=invalid(err)
                    aria-describedby=describe(None, err, format!("{id}-error"))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let o = line.offer.get_untracked();
                        line.update(Box::new(move |l| {
                            l.term_duration = (!v.is_empty()).then_some(v);
                            // Keep the billing frequency one the new term allows.
                            if let Some(o) = o {
                                let ok = cycles_for(&o, l.term_duration.as_deref());
                                if !ok.contains(&l.billing_cycle) {
                                    if let Some(c) = ok.first() {
                                        l.billing_cycle = *c;
                                    }
                                }
                            }
                        }));
                    }
                >
                    {move || {
                        let current = line.line.get().and_then(|l| l.term_duration).unwrap_or_default();
                        let l = w.nav.locale.get();
                        terms
                            .get()
                            .into_iter()
                            .map(|t| {
                                let sel = t == current;
                                let label = messages::term(&t, l);
                                view! { <option value=t selected=sel>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
    }
}

/// The billing frequency: the ones the offer allows with the line's term (and the line's own,
/// if it is not one of them, so that the select shows what the line has).
#[component]
pub fn BillingField(id: String) -> impl IntoView {
    let line = expect_context::<LineCtx>();
    let cycles = memo(move || {
        let term = line.line.get().and_then(|l| l.term_duration);
        line.offer
            .get()
            .map(|o| cycles_for(&o, term.as_deref()))
            .unwrap_or_default()
    });
    let err = line.error(LineField::BillingCycle);
    view! {
        <div class="cw-field" class:cw-field--error=has_error(err)>
            <label class="cw-label" for=id.clone()>{tr(Key::BillingCycleLabel)}</label>
            <FieldMessage id=format!("{id}-error") message=err />
            <select
                class="cw-select cw-select--auto"
                id=id.clone()
                aria-invalid=invalid(err)
                aria-describedby=describe(None, err, format!("{id}-error"))
                on:change=move |ev| {
                    if let Some(c) = BillingCycle::parse(&event_target_value(&ev)) {
                        line.update(Box::new(move |l| l.billing_cycle = c));
                    }
                }
            >
                {move || {
                    let current = line.line.get().map(|l| l.billing_cycle);
                    let mut list = cycles.get();
                    if let Some(c) = current {
                        if !list.contains(&c) {
                            list.insert(0, c);
                        }
                    }
                    list.into_iter()
                        .map(|c| {
                            let sel = Some(c) == current;
                            view! { <option value=c.wire() selected=sel>{tr(messages::billing_cycle(c))}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The subscription's friendly name (optional, one line).
#[component]
pub fn FriendlyNameField(id: String) -> impl IntoView {
    let line = expect_context::<LineCtx>();
    let err = line.error(LineField::FriendlyName);
    view! {
        <div class="cw-field" class:cw-field--error=has_error(err)>
            <label class="cw-label" for=id.clone()>
                {tr(Key::FriendlyName)}
                " "
                <span class="cw-optional">{tr(Key::Optional)}</span>
            </label>
            <p class="cw-hint" id=format!("{id}-hint")>{tr(Key::FriendlyNameHint)}</p>
            <FieldMessage id=format!("{id}-error") message=err />
            <input
                class="cw-input"
                id=id.clone()
                type="text"
                autocomplete="off"
                aria-invalid=invalid(err)
                aria-describedby=describe(Some(format!("{id}-hint")), err, format!("{id}-error"))
                prop:value=move || line.line.get().map(|l| l.friendly_name).unwrap_or_default()
                on:input=move |ev| {
                    let v = crate::domain::validate::single_line(&event_target_value(&ev));
                    line.update(Box::new(move |l| l.friendly_name = v));
                }
            />
        </div>
    }
}

/// The offer's quantity bounds (tracked), any quantity until the catalog is here.
fn bounds(line: LineCtx) -> (u32, u32) {
    line.offer
        .get()
        .map_or((1, u32::MAX), |o| (o.min_quantity, o.max_quantity))
}

/// `aria-invalid` of a line field.
fn invalid(
    err: Derived<Option<String>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || err.get().map(|_| "true")
}

/// `aria-describedby` of a line field: its hint, and its message while it shows one.
fn describe(
    hint: Option<String>,
    err: Derived<Option<String>>,
    err_id: String,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut v: Vec<String> = hint.iter().cloned().collect();
        if err.get().is_some() {
            v.push(err_id.clone());
        }
        (!v.is_empty()).then(|| v.join(" "))
    }
}
