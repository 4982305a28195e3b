//! Step 2: Subscriptions. The country's offers (search, category, order) in a windowed list,
//! the chosen lines with their quantity, billing, term and friendly name, a summary bar that
//! stays visible, the add-on prerequisite prompt and the "continue without subscriptions?"
//! question.

mod filters;
mod line_fields;
mod lines;
mod list;
mod prereq;
mod row;
mod summary;

use crate::state::reactive::Var;
use leptos::prelude::*;

use super::StepHeading;
use crate::domain::catalog::{has_prerequisite, new_line, prerequisite_choices, Catalog, Sort};
use crate::domain::i18n::Key;
use crate::domain::messages;
use crate::domain::model::Step;
use crate::state::browser;
use crate::state::store::{use_nav, use_subs, Wizard};
use crate::view::components::{tr, ErrorSummary};

use filters::Loaded;
use lines::OrderLines;
use summary::{ConfirmEmpty, SummaryBar};

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

/// Chooses or un-chooses an offer from the list. An add-on without a prerequisite in the
/// order opens the prerequisite prompt instead.
fn toggle_offer(w: Wizard, ui: Ui, catalog: &Catalog, index: u32) {
    let offer = catalog.offer(index);
    if !offer.available {
        return;
    }
    let l = w.nav.locale.get_untracked();
    let chosen = w.draft.draft.with_untracked(|d| {
        d.lines
            .iter()
            .position(|x| x.offer_id.eq_ignore_ascii_case(&offer.id))
    });
    if let Some(pos) = chosen {
        w.draft.draft.update(|d| {
            d.lines.remove(pos);
        });
        ui.announce
            .set(Key::AnnounceRemoved.fmt(l, &[("offer", &offer.name)]));
        return;
    }
    let ok = w
        .draft
        .draft
        .with_untracked(|d| has_prerequisite(offer, d.lines.iter().map(|x| x.offer_id.as_str())));
    if !ok {
        ui.pending_addon.set(Some(index));
        let id = w.inst.el_id("prereq");
        request_animation_frame(move || browser::focus_id(&id));
        return;
    }
    add_line(w, ui, catalog, index);
}

/// Adds a line for an offer (billed like its prerequisite in the order, when it is an add-on).
fn add_line(w: Wizard, ui: Ui, catalog: &Catalog, index: u32) {
    let offer = catalog.offer(index);
    let l = w.nav.locale.get_untracked();
    w.draft.draft.update(|d| {
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
