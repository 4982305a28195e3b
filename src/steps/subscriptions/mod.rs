//! Step 2: Subscriptions. The country's offers (search, category, order) in a windowed list,
//! the chosen lines with their quantity, billing, term and friendly name, a summary bar that
//! stays visible, the add-on prerequisite prompt and the "continue without subscriptions?"
//! question.

mod lines;
mod list;

use std::sync::Arc;

use crate::reactive::{effect, memo, Calc, Keep, Var};
use leptos::prelude::*;

use super::StepHeading;
use crate::browser;
use crate::catalog::{
    has_prerequisite, new_line, parse_quantity, prerequisite_choices, Catalog, Query, Sort,
};
use crate::components::{tr, ErrorSummary};
use crate::i18n::{plural, Key};
use crate::messages;
use crate::model::{Draft, Offer, Step};
use crate::store::{use_draft, use_instance, use_nav, use_subs, Instance, NavState};

use lines::{OrderLines, PrereqPrompt};
use list::OfferList;

/// Shared by the pieces of the step (all `Copy`).
#[derive(Clone, Copy)]
struct Ui {
    query: Var<String>,
    category: Var<String>,
    sort: Var<Sort>,
    /// An add-on the user chose without any of its prerequisites (catalog index).
    pending_addon: Var<Option<u32>>,
    /// Polite announcement for screen readers ("Added ...").
    announce: Var<String>,
}

#[component]
pub fn SubscriptionsStep() -> impl IntoView {
    let (nav, subs) = (use_nav(), use_subs());
    let ui = Ui {
        query: Var::new(String::new()),
        category: Var::new(String::new()),
        sort: Var::new(Sort::NameAsc),
        pending_addon: Var::new(None),
        announce: Var::new(String::new()),
    };
    provide_context(ui);
    view! {
        <StepHeading title=Key::StepSubscriptions />
        <ErrorSummary step=Step::Subscriptions />
        <p class="cw-lead">{tr(Key::SubscriptionsIntro)}</p>
        <div class="cw-subs">
            {move || match subs.catalog.get() {
                None | Some(None) => {
                    view! { <p class="cw-status" role="status">{tr(Key::OffersLoading)}</p> }.into_any()
                }
                Some(Some(Err(e))) => {
                    view! {
                        <div class="cw-notice cw-notice--error" role="alert">
                            <p>
                                {move || {
                                    let l = nav.locale.get();
                                    format!(
                                        "{} {}",
                                        Key::ApiLoadFailed.fmt(l, &[("what", Key::WhatOffers.text(l))]),
                                        messages::api_error(&e, l),
                                    )
                                }}
                            </p>
                            <button type="button" class="cw-button" on:click=move |_| subs.catalog.refetch()>
                                {tr(Key::Retry)}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Some(Some(Ok(catalog))) => view! { <Loaded catalog=catalog /> }.into_any(),
            }}
            <OrderLines />
            <SummaryBar />
            <ConfirmEmpty />
            <div class="cw-visually-hidden" role="status" aria-live="polite">{move || ui.announce.get()}</div>
        </div>
    }
}

/// Search, filters and the list, once the catalog is here.
#[component]
fn Loaded(catalog: Arc<Catalog>) -> impl IntoView {
    let (inst, nav) = (use_instance(), use_nav());
    let ui = expect_context::<Ui>();
    let cat = catalog.clone();
    // The matching offers as catalog indices. A keystroke that only narrows the query filters
    // the previous result instead of the whole catalog; one that erases goes back to a
    // recent result.
    let recent = Keep::new(crate::catalog::Recent::default());
    let results = Calc::new(move |prev: Option<&crate::catalog::SearchResult>| {
        let q = Query {
            text: ui.query.get(),
            category: Some(ui.category.get()),
            sort: ui.sort.get(),
        };
        let mut r = None;
        recent.update_value(|recent| r = Some(recent.search(&cat, &q, prev)));
        r.unwrap_or_default()
    });
    let count = memo(move || results.with(|r| r.indices.len()));
    // The live region says the count only once typing pauses.
    let spoken = Var::new(String::new());
    let pending: Keep<Option<TimeoutHandle>> = Keep::new(None);
    effect(move |first| {
        let text = {
            let l = nav.locale.get();
            let n = count.get();
            if n == 0 {
                Key::OffersMatchNone.text(l).to_string()
            } else {
                plural(l, n, Key::OffersMatchOne, Key::OffersMatchOther)
            }
        };
        if first {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(
            set_timeout_with_handle(
                move || spoken.set(text),
                std::time::Duration::from_millis(700),
            )
            .ok(),
        );
    });
    on_cleanup(move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
    });

    let search_id = inst.el_id("offer-search");
    let hint_id = inst.el_id("offer-search-hint");
    let category_id = inst.el_id("offer-category");
    let sort_id = inst.el_id("offer-sort");
    let listbox_id = inst.el_id("offers");
    let categories = catalog.categories().to_vec();
    let on_search_key = {
        let listbox_id = listbox_id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "ArrowDown" {
                ev.prevent_default();
                browser::focus_id(&listbox_id);
            }
        }
    };
    view! {
        <div class="cw-offers__filters">
            <div class="cw-field cw-offers__search">
                <label class="cw-label" for=search_id.clone()>{tr(Key::SearchOffers)}</label>
                <p class="cw-hint" id=hint_id.clone()>{tr(Key::SearchOffersHint)}</p>
                <input
                    class="cw-input"
                    type="search"
                    id=search_id
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=hint_id
                    aria-controls=listbox_id.clone()
                    prop:value=move || ui.query.get()
                    on:input=move |ev| ui.query.set(event_target_value(&ev))
                    on:keydown=on_search_key
                    on:keypress=|ev: leptos::ev::KeyboardEvent| {
                        // Enter in the search box must not submit the step.
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                        }
                    }
                />
            </div>
            <div class="cw-field">
                <label class="cw-label" for=category_id.clone()>{tr(Key::CategoryLabel)}</label>
                <select
                    class="cw-select"
                    id=category_id
                    prop:value=move || ui.category.get()
                    on:change=move |ev| ui.category.set(event_target_value(&ev))
                >
                    <option value="">{tr(Key::CategoryAll)}</option>
                    {categories
                        .into_iter()
                        .map(|c| view! { <option value=c.id.clone()>{format!("{} ({})", c.name, c.count)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="cw-field">
                <label class="cw-label" for=sort_id.clone()>{tr(Key::SortLabel)}</label>
                <select
                    class="cw-select"
                    id=sort_id
                    on:change=move |ev| {
                        ui.sort.set(if event_target_value(&ev) == "desc" { Sort::NameDesc } else { Sort::NameAsc })
                    }
                >
                    <option value="asc" selected=move || ui.sort.get() == Sort::NameAsc>{tr(Key::SortNameAsc)}</option>
                    <option value="desc" selected=move || ui.sort.get() == Sort::NameDesc>{tr(Key::SortNameDesc)}</option>
                </select>
            </div>
        </div>
        <p class="cw-offers__count" id=inst.el_id("offer-count")>
            {move || {
                let l = nav.locale.get();
                let n = count.get();
                if n == 0 {
                    Key::OffersMatchNone.text(l).to_string()
                } else {
                    plural(l, n, Key::OffersMatchOne, Key::OffersMatchOther)
                }
            }}
        </p>
        <div class="cw-visually-hidden" role="status" aria-live="polite">{move || spoken.get()}</div>
        <PrereqPrompt catalog=catalog.clone() />
        <OfferList catalog=catalog results=results />
    }
}

/// Chooses or un-chooses an offer from the list. An add-on without a prerequisite in the
/// order opens the prerequisite prompt instead.
fn toggle_offer(
    inst: Instance,
    nav: NavState,
    draft: Var<Draft>,
    ui: Ui,
    catalog: &Catalog,
    index: u32,
) {
    let offer = catalog.offer(index);
    if !offer.available {
        return;
    }
    let l = nav.locale.get_untracked();
    let chosen = draft.with_untracked(|d| {
        d.lines
            .iter()
            .position(|x| x.offer_id.eq_ignore_ascii_case(&offer.id))
    });
    if let Some(pos) = chosen {
        draft.update(|d| {
            d.lines.remove(pos);
        });
        ui.announce
            .set(Key::AnnounceRemoved.fmt(l, &[("offer", &offer.name)]));
        return;
    }
    let ok = draft
        .with_untracked(|d| has_prerequisite(offer, d.lines.iter().map(|x| x.offer_id.as_str())));
    if !ok {
        ui.pending_addon.set(Some(index));
        let id = inst.el_id("prereq");
        request_animation_frame(move || browser::focus_id(&id));
        return;
    }
    add_line(nav, draft, ui, catalog, index);
}

/// Adds a line for an offer (billed like its prerequisite in the order, when it is an add-on).
fn add_line(nav: NavState, draft: Var<Draft>, ui: Ui, catalog: &Catalog, index: u32) {
    let offer = catalog.offer(index);
    let l = nav.locale.get_untracked();
    draft.update(|d| {
        if d.lines
            .iter()
            .any(|x| x.offer_id.eq_ignore_ascii_case(&offer.id))
        {
            return;
        }
        let prefer = offer.is_add_on.then(|| {
            d.lines
                .iter()
                .find(|x| {
                    offer
                        .prerequisites
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(&x.offer_id))
                })
                .map(|x| x.billing_cycle)
        });
        d.lines.push(new_line(offer, prefer.flatten()));
    });
    ui.announce
        .set(Key::AnnounceAdded.fmt(l, &[("offer", &offer.name)]));
}

/// The prerequisites to offer for an add-on.
fn choices(catalog: &Catalog, index: u32) -> Vec<u32> {
    prerequisite_choices(catalog, catalog.offer(index))
}

/// Count of lines and licenses; stays in view at the bottom while the step scrolls.
#[component]
fn SummaryBar() -> impl IntoView {
    let (inst, nav, draft, subs) = (use_instance(), use_nav(), use_draft().draft, use_subs());
    let totals = memo(move || {
        let catalog = subs.loaded();
        draft.with(|d| {
            // Licenses only: an Azure plan ("Subscription"), devices, capacity or units are
            // not licenses (counted while the catalog is not known yet).
            let licenses: u64 = d
                .lines
                .iter()
                .filter(|l| {
                    catalog
                        .as_ref()
                        .and_then(|c| c.get(&l.offer_id))
                        .is_none_or(Offer::per_license)
                })
                .filter_map(|l| parse_quantity(&l.quantity, 1, u32::MAX).ok())
                .map(u64::from)
                .sum();
            (d.lines.len(), licenses)
        })
    });
    let order_id = inst.el_id("order");
    view! {
        <div class="cw-subs-bar">
            <p class="cw-subs-bar__text">
                <strong>
                    {move || plural(nav.locale.get(), totals.get().0, Key::SubscriptionsChosenOne, Key::SubscriptionsChosenOther)}
                </strong>
                <span aria-hidden="true">" · "</span>
                <span>
                    {move || plural(nav.locale.get(), totals.get().1 as usize, Key::LicensesOne, Key::LicensesOther)}
                </span>
            </p>
            <Show when=move || { totals.get().0 > 0 }>
                <button
                    type="button"
                    class="cw-link-button"
                    on:click={
                        let order_id = order_id.clone();
                        move |_| browser::focus_id(&order_id)
                    }
                >
                    {tr(Key::SummaryView)}
                </button>
            </Show>
        </div>
    }
}

/// Asked when Continue is pressed with no lines.
#[component]
fn ConfirmEmpty() -> impl IntoView {
    let (inst, nav, draft, subs) = (use_instance(), use_nav(), use_draft().draft, use_subs());
    let id = inst.el_id("subs-confirm");
    let title_id = inst.el_id("subs-confirm-title");
    let body_id = inst.el_id("subs-confirm-body");
    // Adding a line answers the question.
    let asking = move || subs.confirming_empty.get() && draft.with(|d| d.lines.is_empty());
    // Leaving the step (Back, or on to Review) closes the question.
    on_cleanup(move || subs.confirming_empty.set(false));
    view! {
        <Show when=asking>
            <section
                class="cw-confirm"
                id=id.clone()
                tabindex="-1"
                role="alertdialog"
                aria-labelledby=title_id.clone()
                aria-describedby=body_id.clone()
            >
                <h2 class="cw-confirm__title" id=title_id.clone()>{tr(Key::ConfirmEmptyTitle)}</h2>
                <p id=body_id.clone()>{tr(Key::ConfirmEmptyBody)}</p>
                <div class="cw-confirm__actions">
                    <button
                        type="button"
                        class="cw-button"
                        on:click=move |_| {
                            subs.confirming_empty.set(false);
                            nav.advance(Step::Subscriptions);
                        }
                    >
                        {tr(Key::ConfirmEmptyYes)}
                    </button>
                    <button
                        type="button"
                        class="cw-button cw-button--secondary"
                        on:click=move |_| {
                            subs.confirming_empty.set(false);
                            browser::focus_id(&inst.el_id("offer-search"));
                        }
                    >
                        {tr(Key::ConfirmEmptyNo)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
