//! The chosen lines ("Your order") and the prompt for an add-on's prerequisite.

use std::sync::Arc;

use crate::reactive::{derive, memo, Calc, Derived, Keep, Var};
use leptos::prelude::*;

use super::{add_line, choices, Ui};
use crate::browser;
use crate::catalog::{cycles_for, step_quantity, Catalog, LineError, LineField};
use crate::components::{tr, FieldMessage};
use crate::i18n::Key;
use crate::messages;
use crate::model::{BillingCycle, Line, Offer, Step};
use crate::store::{use_draft, use_instance, use_nav, use_subs};
use crate::subs::line_el_id;

/// The choice among an add-on's prerequisites (by position in `options`), used by the prompt
/// and by a line whose prerequisite was removed.
#[component]
fn PrereqSelect(
    id: String,
    options: Vec<u32>,
    catalog: Arc<Catalog>,
    picked: Var<usize>,
) -> impl IntoView {
    view! {
        <div class="cw-field">
            <label class="cw-label" for=id.clone()>{tr(Key::PrereqChoose)}</label>
            <select
                class="cw-select"
                id=id
                on:change=move |ev| picked.set(event_target_value(&ev).parse().unwrap_or(0))
            >
                {options
                    .iter()
                    .enumerate()
                    .map(|(k, &i)| view! { <option value=k.to_string()>{catalog.offer(i).name.clone()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Shown when an add-on is chosen without any of its prerequisites in the order: pick one of
/// them to add with it, or cancel.
#[component]
pub fn PrereqPrompt(catalog: Arc<Catalog>) -> impl IntoView {
    let (inst, nav, draft) = (use_instance(), use_nav(), use_draft().draft);
    let ui = expect_context::<Ui>();
    let id = inst.el_id("prereq");
    let select_id = inst.el_id("prereq-choice");
    let title_id = inst.el_id("prereq-title");
    let picked = Var::new(0usize);
    let back_to_list = move || browser::focus_id(&inst.el_id("offers"));
    view! {
        {move || {
            let cat = catalog.clone();
            ui.pending_addon.get().map(|addon| {
                let options = choices(&cat, addon);
                picked.set(0);
                let name = cat.offer(addon).name.clone();
                let has_options = !options.is_empty();
                let cat_add = cat.clone();
                let opts_add = options.clone();
                let add_both = move |_| {
                    if let Some(&pre) = opts_add.get(picked.get_untracked()) {
                        add_line(nav, draft, ui, &cat_add, pre);
                        add_line(nav, draft, ui, &cat_add, addon);
                        let l = nav.locale.get_untracked();
                        ui.announce.set(Key::AnnounceAdded.fmt(l, &[
                            ("offer", &format!("{}, {}", cat_add.offer(pre).name, cat_add.offer(addon).name)),
                        ]));
                    }
                    ui.pending_addon.set(None);
                    back_to_list();
                };
                view! {
                    <section class="cw-prereq" id=id.clone() tabindex="-1" role="group" aria-labelledby=title_id.clone()>
                        <h2 class="cw-prereq__title" id=title_id.clone()>
                            {move || Key::PrereqTitle.fmt(nav.locale.get(), &[("offer", &name)])}
                        </h2>
                        <p>
                            {tr(if has_options { Key::PrereqBody } else { Key::PrereqNone })}
                        </p>
                        {has_options.then(|| view! {
                            <PrereqSelect id=select_id.clone() options=options.clone() catalog=cat.clone() picked=picked />
                        })}
                        <div class="cw-prereq__actions">
                            {has_options.then(|| view! {
                                <button type="button" class="cw-button" on:click=add_both>
                                    {tr(Key::PrereqAddBoth)}
                                </button>
                            })}
                            <button
                                type="button"
                                class="cw-button cw-button--secondary"
                                on:click=move |_| {
                                    ui.pending_addon.set(None);
                                    back_to_list();
                                }
                            >
                                {tr(Key::Cancel)}
                            </button>
                        </div>
                    </section>
                }
            })
        }}
    }
}

/// "Your order": one editable block per chosen line.
#[component]
pub fn OrderLines() -> impl IntoView {
    let (inst, draft) = (use_instance(), use_draft().draft);
    let ids = memo(move || {
        draft.with(|d| {
            d.lines
                .iter()
                .map(|l| l.offer_id.clone())
                .collect::<Vec<_>>()
        })
    });
    // Lines are keyed by a number given to each offer id the first time it is seen here, so
    // that this list and the offer list share one keyed-list implementation (measured:
    // smaller wasm than a second one keyed by strings).
    let seen: Keep<Vec<String>> = Keep::new(Vec::new());
    let keyed = move || {
        let ids = ids.get();
        seen.update_value(|seen| {
            for id in &ids {
                if !seen.contains(id) {
                    seen.push(id.clone());
                }
            }
        });
        seen.with_value(|seen| {
            ids.into_iter()
                .map(|id| (seen.iter().position(|s| *s == id).unwrap_or(0), id))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="cw-order" aria-labelledby=inst.el_id("order")>
            <h2 class="cw-order__title" id=inst.el_id("order") tabindex="-1">{tr(Key::OrderHeading)}</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="cw-hint">{tr(Key::OrderEmpty)}</p>
            </Show>
            <For each=keyed key=|(n, _)| *n let:line>
                <LineEditor offer_id=line.1 />
            </For>
        </section>
    }
}

#[component]
fn LineEditor(offer_id: String) -> impl IntoView {
    let (inst, nav, draft, subs) = (use_instance(), use_nav(), use_draft().draft, use_subs());
    let ui = expect_context::<Ui>();
    let key = offer_id.clone();
    let index = memo(move || draft.with(|d| d.lines.iter().position(|l| l.offer_id == key)));
    let line = memo(move || {
        index
            .get()
            .and_then(|i| draft.with(|d| d.lines.get(i).cloned()))
    });
    let catalog = memo(move || subs.loaded().map(ArcCatalog));
    let key = offer_id.clone();
    let offer = move || catalog.get().and_then(|c| c.0.get(&key).cloned());
    let offer = memo(offer);
    // Licenses, or some other unit (devices, capacity): the label, the +/- buttons and the
    // messages say which.
    let per_license = memo(move || offer.with(|o| o.as_ref().is_none_or(|o| o.per_license())));
    let units = move |license: Key, other: Key| if per_license.get() { license } else { other };
    let qty_label = move || units(Key::Quantity, Key::QuantityUnits).text(nav.locale.get());
    let prefix = inst.id.get_value();
    let el = |field: LineField| line_el_id(&prefix, &offer_id, field);
    // Offer-level problems show at once; the others after the step's first Continue.
    let error = move |field: LineField| {
        derive(move || {
            let i = index.get()?;
            let show = field == LineField::Offer || nav.show_errors(Step::Subscriptions);
            if !show {
                return None;
            }
            let l = nav.locale.get();
            subs.issues.with(|all| {
                all.iter()
                    .find(|x| x.line == i && x.field == field)
                    .map(|x| messages::line_error(&x.error, l, per_license.get()))
            })
        })
    };
    let missing_prereq = memo(move || {
        index.get().is_some_and(|i| {
            subs.issues.with(|all| {
                all.iter()
                    .any(|x| x.line == i && x.error == LineError::MissingPrerequisite)
            })
        })
    });
    let update = move |f: Box<dyn FnOnce(&mut Line)>| {
        if let Some(i) = index.get_untracked() {
            draft.update(|d| {
                if let Some(l) = d.lines.get_mut(i) {
                    f(l);
                }
            });
        }
    };
    let bounds = move || {
        offer
            .get()
            .map_or((1, u32::MAX), |o| (o.min_quantity, o.max_quantity))
    };
    let name = {
        let id = offer_id.clone();
        move || offer.get().map_or_else(|| id.clone(), |o| o.name)
    };
    let name = memo(name);
    let name_text = move || name.get();

    let q_err = error(LineField::Quantity);
    let c_err = error(LineField::BillingCycle);
    let t_err = error(LineField::Term);
    let n_err = error(LineField::FriendlyName);
    let o_err = error(LineField::Offer);
    let q_id = el(LineField::Quantity);
    let c_id = el(LineField::BillingCycle);
    let t_id = el(LineField::Term);
    let n_id = el(LineField::FriendlyName);
    let line_id = el(LineField::Offer);
    let describe = |base: Option<String>, err: Derived<Option<String>>, err_id: String| {
        move || {
            let mut v: Vec<String> = base.iter().cloned().collect();
            if err.get().is_some() {
                v.push(err_id.clone());
            }
            (!v.is_empty()).then(|| v.join(" "))
        }
    };
    let (q_id_s, c_id_s, t_id_s, n_id_s, line_id_s) = (q_id, c_id, t_id, n_id, line_id);
    let title_id = format!("{line_id_s}-title");
    let step_by = move |up: bool| {
        let (min, max) = bounds();
        update(Box::new(move |l| {
            l.quantity = step_quantity(&l.quantity, min, max, up).to_string()
        }));
    };
    // The quantity when the offer allows only one and the line has it.
    let fixed = memo(move || {
        let (min, max) = bounds();
        (min == max
            && line
                .get()
                .is_some_and(|l| l.quantity.trim() == min.to_string()))
        .then_some(min)
    });
    let cycles = memo(move || {
        let term = line.get().and_then(|l| l.term_duration);
        offer
            .get()
            .map(|o| cycles_for(&o, term.as_deref()))
            .unwrap_or_default()
    });
    let terms = memo(move || offer.get().map(|o| o.term_durations).unwrap_or_default());
    let remove = {
        move |_| {
            let l = nav.locale.get_untracked();
            let n = name.get_untracked();
            if let Some(i) = index.get_untracked() {
                draft.update(|d| {
                    d.lines.remove(i);
                });
            }
            ui.announce
                .set(Key::AnnounceRemoved.fmt(l, &[("offer", &n)]));
            browser::focus_id(&inst.el_id("order"));
        }
    };
    let prereq_pick = Var::new(0usize);
    let prereq_select_id = format!("{line_id_s}-prereq");
    view! {
        <section
            class="cw-line"
            class:cw-line--error=has_error(o_err)
            id=line_id_s.clone()
            tabindex="-1"
            aria-labelledby=title_id.clone()
        >
            <div class="cw-line__head">
                <h3 class="cw-line__title" id=title_id.clone()>{name_text}</h3>
                <button type="button" class="cw-link-button cw-line__remove" on:click=remove>
                    {tr(Key::RemoveLine)}
                    <span class="cw-visually-hidden">" " {name_text}</span>
                </button>
            </div>
            <p class="cw-line__meta">
                {offer_id.clone()}
                {meta_badge(offer, |o| o.is_add_on, Key::BadgeAddOn)}
                {meta_badge(offer, |o| o.is_trial, Key::BadgeTrial)}
            </p>
            <FieldMessage id=format!("{line_id_s}-error") message=o_err />
            <Show when=move || missing_prereq.get()>
                {
                    let sel = prereq_select_id.clone();
                    move || {
                        let cat = catalog.get()?.0;
                        let addon = cat.index_of(&line.get_untracked()?.offer_id)?;
                        let options = super::choices(&cat, addon);
                        if options.is_empty() {
                            return None;
                        }
                        let opts = options.clone();
                        let cat_add = cat.clone();
                        Some(view! {
                            <div class="cw-line__fix">
                                <PrereqSelect id=sel.clone() options=options.clone() catalog=cat.clone() picked=prereq_pick />
                                <button
                                    type="button"
                                    class="cw-button cw-button--secondary"
                                    on:click=move |_| {
                                        if let Some(&p) = opts.get(prereq_pick.get_untracked()) {
                                            add_line(nav, draft, ui, &cat_add, p);
                                        }
                                    }
                                >
                                    {tr(Key::PrereqAddOne)}
                                </button>
                            </div>
                        })
                    }
                }
            </Show>
            <div class="cw-line__fields">
                // An offer sold in one fixed quantity (an Azure plan: 1) shows it as text: a
                // stepper from 1 to 1 only confuses.
                <Show
                    when=move || fixed.get().is_none()
                    fallback=move || view! {
                        <div class="cw-field">
                            <p class="cw-label">{qty_label}</p>
                            <p class="cw-line__fixed">
                                {move || Key::QuantityFixed.fmt(nav.locale.get(), &[("count", &fixed.get().unwrap_or(1).to_string())])}
                            </p>
                        </div>
                    }
                >
                    {
                        let q_id_s = q_id_s.clone();
                        // The - and + buttons (one fewer, one more), named with the offer.
                        let stepper = {
                            let q_id_s = q_id_s.clone();
                            move |up: bool| {
                                let (key, other, sign) = if up {
                                    (Key::QuantityIncrease, Key::QuantityIncreaseUnits, "+")
                                } else {
                                    (Key::QuantityDecrease, Key::QuantityDecreaseUnits, "−")
                                };
                                view! {
                                    <button
                                        type="button"
                                        class="cw-button cw-button--secondary cw-stepper-input__btn"
                                        aria-label=move || units(key, other).fmt(nav.locale.get(), &[("offer", &name.get())])
                                        aria-controls=q_id_s.clone()
                                        on:click=move |_| step_by(up)
                                    >
                                        {sign}
                                    </button>
                                }
                            }
                        };
                        view! {
                        <div class="cw-field" class:cw-field--error=has_error(q_err)>
                            <label class="cw-label" for=q_id_s.clone()>{qty_label}</label>
                            <p class="cw-hint" id=format!("{q_id_s}-hint")>
                                {move || {
                                    let (min, max) = bounds();
                                    Key::QuantityHint.fmt(nav.locale.get(), &[("min", &min.to_string()), ("max", &max.to_string())])
                                }}
                            </p>
                            <FieldMessage id=format!("{q_id_s}-error") message=q_err />
                            <div class="cw-stepper-input">
                                {stepper(false)}
                                <input
                                    class="cw-input cw-input--qty"
                                    id=q_id_s.clone()
                                    type="text"
                                    inputmode="numeric"
                                    autocomplete="off"
                                    spellcheck="false"
                                    aria-invalid=invalid(q_err)
                                    aria-describedby=describe(Some(format!("{q_id_s}-hint")), q_err, format!("{q_id_s}-error"))
                                    prop:value=move || line.get().map(|l| l.quantity).unwrap_or_default()
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        update(Box::new(move |l| l.quantity = v));
                                    }
                                />
                                {stepper(true)}
                            </div>
                        </div>
                        }
                    }
                </Show>
                <Show when=move || !terms.with(Vec::is_empty)>
                    <div class="cw-field" class:cw-field--error=has_error(t_err)>
                        <label class="cw-label" for=t_id_s.clone()>{tr(Key::TermLabel)}</label>
                        <FieldMessage id=format!("{t_id_s}-error") message=t_err />
                        <select
                            class="cw-select cw-select--auto"
                            id=t_id_s.clone()
                            aria-invalid=invalid(t_err)
                            aria-describedby=describe(None, t_err, format!("{t_id_s}-error"))
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let o = offer.get_untracked();
                                update(Box::new(move |l| {
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
                                let current = line.get().and_then(|l| l.term_duration).unwrap_or_default();
                                let l = nav.locale.get();
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
                <div class="cw-field" class:cw-field--error=has_error(c_err)>
                    <label class="cw-label" for=c_id_s.clone()>{tr(Key::BillingCycleLabel)}</label>
                    <FieldMessage id=format!("{c_id_s}-error") message=c_err />
                    <select
                        class="cw-select cw-select--auto"
                        id=c_id_s.clone()
                        aria-invalid=invalid(c_err)
                        aria-describedby=describe(None, c_err, format!("{c_id_s}-error"))
                        on:change=move |ev| {
                            if let Some(c) = BillingCycle::parse(&event_target_value(&ev)) {
                                update(Box::new(move |l| l.billing_cycle = c));
                            }
                        }
                    >
                        {move || {
                            let current = line.get().map(|l| l.billing_cycle);
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
                <div class="cw-field" class:cw-field--error=has_error(n_err)>
                    <label class="cw-label" for=n_id_s.clone()>
                        {tr(Key::FriendlyName)}
                        " "
                        <span class="cw-optional">{tr(Key::Optional)}</span>
                    </label>
                    <p class="cw-hint" id=format!("{n_id_s}-hint")>{tr(Key::FriendlyNameHint)}</p>
                    <FieldMessage id=format!("{n_id_s}-error") message=n_err />
                    <input
                        class="cw-input"
                        id=n_id_s.clone()
                        type="text"
                        autocomplete="off"
                        aria-invalid=invalid(n_err)
                        aria-describedby=describe(Some(format!("{n_id_s}-hint")), n_err, format!("{n_id_s}-error"))
                        prop:value=move || line.get().map(|l| l.friendly_name).unwrap_or_default()
                        on:input=move |ev| {
                            let v = crate::validate::single_line(&event_target_value(&ev));
                            update(Box::new(move |l| l.friendly_name = v));
                        }
                    />
                </div>
            </div>
        </section>
    }
}

/// `true` while a line field shows an error (one closure type for every field).
fn has_error(err: Derived<Option<String>>) -> impl Fn() -> bool + Send + Sync + 'static {
    move || err.get().is_some()
}

/// `aria-invalid` of a line field.
fn invalid(
    err: Derived<Option<String>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || err.get().map(|_| "true")
}

/// " · Add-on" / " · Trial" after the offer id, while the offer has the flag.
fn meta_badge(offer: Calc<Option<Offer>>, flag: fn(&Offer) -> bool, key: Key) -> impl IntoView {
    let nav = use_nav();
    move || {
        offer
            .get()
            .filter(flag)
            .map(|_| view! { " · " <span>{nav.t(key)}</span> })
    }
}

/// An `Arc<Catalog>` compared by identity, for memos.
#[derive(Clone)]
struct ArcCatalog(Arc<Catalog>);

impl PartialEq for ArcCatalog {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
