//! "Your order": the chosen lines, each in a [`LineEditor`] whose parts (head, prerequisite
//! fix, fields) share the line's state through a [`LineCtx`] in context.

use std::sync::Arc;

use crate::state::reactive::{derive, memo, Calc, Derived, Keep};
use leptos::prelude::*;

use super::line_fields::{BillingField, FriendlyNameField, QuantityField, TermField};
use super::prereq::LinePrereqFix;
use super::Ui;
use crate::domain::catalog::{Catalog, LineField};
use crate::domain::i18n::Key;
use crate::domain::messages;
use crate::domain::model::{Line, Offer, Step};
use crate::state::browser;
use crate::state::store::{use_draft, use_instance, use_nav, Wizard};
use crate::state::subs::line_el_id;
use crate::view::components::{tr, FieldMessage};

/// "Your order": one editable block per chosen line.
#[component]
pub fn OrderLines() -> impl IntoView {
    let (inst, draft) = (use_instance(), use_draft());
    let ids = memo(move || {
        draft.draft.with(|d| {
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

/// One chosen line's state, provided in context by its [`LineEditor`] to the editor's parts.
#[derive(Clone, Copy)]
pub struct LineCtx {
    pub w: Wizard,
    /// The line's place in the draft's lines.
    pub index: Calc<Option<usize>>,
    pub line: Calc<Option<Line>>,
    pub catalog: Calc<Option<ArcCatalog>>,
    /// The line's offer, once the catalog is here.
    pub offer: Calc<Option<Offer>>,
    /// Licenses, or some other unit (devices, capacity): labels and messages say which.
    pub per_license: Calc<bool>,
    /// The offer's name (its id until the catalog is here).
    pub name: Calc<String>,
}

impl LineCtx {
    fn new(w: Wizard, offer_id: String) -> LineCtx {
        let key = offer_id.clone();
        let index = memo(move || {
            w.draft
                .draft
                .with(|d| d.lines.iter().position(|l| l.offer_id == key))
        });
        let line = memo(move || {
            index
                .get()
                .and_then(|i| w.draft.draft.with(|d| d.lines.get(i).cloned()))
        });
        let catalog = memo(move || w.subs.loaded().map(ArcCatalog));
        let key = offer_id.clone();
        let offer = memo(move || catalog.get().and_then(|c| c.0.get(&key).cloned()));
        let per_license = memo(move || offer.with(|o| o.as_ref().is_none_or(|o| o.per_license())));
        let name = memo(move || offer.get().map_or_else(|| offer_id.clone(), |o| o.name));
        LineCtx {
            w,
            index,
            line,
            catalog,
            offer,
            per_license,
            name,
        }
    }

    /// `license` for an offer sold per license, else `other`.
    pub fn units(&self, license: Key, other: Key) -> Key {
        if self.per_license.get() {
            license
        } else {
            other
        }
    }

    /// The message of a field of this line: offer-level problems at once, the others after
    /// the step's first Continue.
    pub fn error(&self, field: LineField) -> Derived<Option<String>> {
        let LineCtx {
            w,
            index,
            per_license,
            ..
        } = *self;
        derive(move || {
            let i = index.get()?;
            let show = field == LineField::Offer || w.nav.show_errors(Step::Subscriptions);
            if !show {
                return None;
            }
            let l = w.nav.locale.get();
            w.subs.issues.with(|all| {
                all.iter()
                    .find(|x| x.line == i && x.field == field)
                    .map(|x| messages::line_error(&x.error, l, per_license.get()))
            })
        })
    }

    /// Changes the line in the draft (boxed: one copy of the draft update for every field).
    pub fn update(&self, f: Box<dyn FnOnce(&mut Line)>) {
        if let Some(i) = self.index.get_untracked() {
            self.w.draft.draft.update(|d| {
                if let Some(l) = d.lines.get_mut(i) {
                    f(l);
                }
            });
        }
    }
}

#[component]
fn LineEditor(offer_id: String) -> impl IntoView {
    let w = Wizard::from_context();
    let line = LineCtx::new(w, offer_id.clone());
    provide_context(line);
    let prefix = w.inst.id.get_value();
    let el = |field: LineField| line_el_id(&prefix, &offer_id, field);
    let line_id = el(LineField::Offer);
    let title_id = format!("{line_id}-title");
    let o_err = line.error(LineField::Offer);
    view! {
        <section
            class="cw-line"
            class:cw-line--error=has_error(o_err)
            id=line_id.clone()
            tabindex="-1"
            aria-labelledby=title_id.clone()
        >
            <LineHead title_id=title_id.clone() offer_id=offer_id.clone() />
            <FieldMessage id=format!("{line_id}-error") message=o_err />
            <LinePrereqFix id=format!("{line_id}-prereq") />
            <div class="cw-line__fields">
                <QuantityField id=el(LineField::Quantity) />
                <TermField id=el(LineField::Term) />
                <BillingField id=el(LineField::BillingCycle) />
                <FriendlyNameField id=el(LineField::FriendlyName) />
            </div>
        </section>
    }
}

/// The line's title, its Remove button, and the offer id with its badges.
#[component]
fn LineHead(title_id: String, offer_id: String) -> impl IntoView {
    let (inst, draft, nav) = (use_instance(), use_draft(), use_nav());
    let ui = expect_context::<Ui>();
    let line = expect_context::<LineCtx>();
    let name = line.name;
    let remove = move |_| {
        let l = nav.locale.get_untracked();
        let n = name.get_untracked();
        if let Some(i) = line.index.get_untracked() {
            draft.draft.update(|d| {
                d.lines.remove(i);
            });
        }
        ui.announce
            .set(Key::AnnounceRemoved.fmt(l, &[("offer", &n)]));
        browser::focus_id(&inst.el_id("order"));
    };
    view! {
        <div class="cw-line__head">
            <h3 class="cw-line__title" id=title_id>{move || name.get()}</h3>
            <button type="button" class="cw-link-button cw-line__remove" on:click=remove>
                {tr(Key::RemoveLine)}
                <span class="cw-visually-hidden">" " {move || name.get()}</span>
            </button>
        </div>
        <p class="cw-line__meta">
            {offer_id}
            {meta_badge(line.offer, |o| o.is_add_on, Key::BadgeAddOn)}
            {meta_badge(line.offer, |o| o.is_trial, Key::BadgeTrial)}
        </p>
    }
}

/// `true` while a line field shows an error (one closure type for every field).
pub fn has_error(err: Derived<Option<String>>) -> impl Fn() -> bool + Send + Sync + 'static {
    move || err.get().is_some()
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
pub struct ArcCatalog(pub Arc<Catalog>);

impl PartialEq for ArcCatalog {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
