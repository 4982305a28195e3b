//! One lane of the offer list: a row element that shows whichever offer its lane is at (see
//! `use_windowed_list`). A keystroke changes only the text and state a row writes to its DOM.

use std::sync::Arc;

use crate::state::reactive::{effect, memo, Calc, ElementRef};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::catalog::{Catalog, SearchResult};
use crate::domain::i18n::Key;
use crate::domain::model::Offer;
use crate::state::use_windowed_list::UseWindowedListReturn;
use crate::view::components::tr;

#[component]
pub fn Row(
    lane: usize,
    list: UseWindowedListReturn,
    catalog: Arc<Catalog>,
    results: Calc<SearchResult>,
    chosen: Calc<Vec<u32>>,
    option_prefix: String,
    on_pick: Arc<dyn Fn(usize) + Send + Sync>,
) -> impl IntoView {
    // The position in the result this lane shows, if any, and its offer.
    let pos = memo(move || list.position_of_lane(lane));
    let item = memo(move || {
        pos.get()
            .and_then(|p| results.with(|r| r.indices.get(p).copied()))
    });
    // Everything else a row shows is written to its DOM by this one effect, only what
    // changed: one effect per row instead of one reactive node per attribute and text (some
    // thirty per row) keeps a keystroke's reactive work small (measured with `make profile`).
    let el = ElementRef::new();
    let mut parts: Option<RowParts> = None;
    let mut shown = RowState::default();
    effect(move |_| {
        let Some(row) = el.get() else {
            return;
        };
        let parts = parts.get_or_insert_with(|| RowParts::of(&row));
        let (p, i) = (pos.get(), item.get());
        let now = RowState {
            pos: p,
            item: i,
            selected: i.is_some_and(|i| chosen.with(|c| c.binary_search(&i).is_ok())),
            active: p.is_some_and(|p| p == list.active.get()),
            y: p.and_then(|p| list.offsets.with(|o| o.get(p).copied()))
                .unwrap_or(0),
            size: list.count.get(),
            written: true,
        };
        parts.write(&row, &shown, &now, &catalog, &option_prefix);
        shown = now;
    });
    view! {
        <div
            class="cw-offer"
            role="option"
            hidden
            node_ref=el
            on:click=move |_| {
                if let Some(p) = pos.get_untracked() {
                    list.active.set(p);
                    on_pick(p);
                }
            }
        >
            <span class="cw-offer__check" aria-hidden="true"></span>
            <span class="cw-offer__body">
                <span class="cw-offer__name"></span>
                <span class="cw-offer__meta">
                    <span class="cw-offer__category"></span>
                    <span class="cw-badge" hidden>{tr(Key::BadgeAddOn)}</span>
                    <span class="cw-badge cw-badge--trial" hidden>{tr(Key::BadgeTrial)}</span>
                    <span class="cw-badge cw-badge--unavailable" hidden>{tr(Key::BadgeUnavailable)}</span>
                    <span class="cw-badge cw-badge--chosen" hidden>{tr(Key::BadgeChosen)}</span>
                </span>
                <span class="cw-offer__desc"></span>
            </span>
        </div>
    }
}

/// What a row last wrote to its DOM.
#[derive(Default)]
struct RowState {
    pos: Option<usize>,
    item: Option<u32>,
    selected: bool,
    active: bool,
    y: u32,
    size: usize,
    /// Nothing was written yet.
    written: bool,
}

/// The nodes of a row whose text or visibility changes with the offer it shows. Texts are
/// changed in their text node (`data`) instead of replacing the node (`textContent`): the
/// browser keeps the text's layout object and lays out its new text, instead of removing one
/// node and attaching another. (No gain stood out from the noise in a trace, but it is never
/// more work.)
struct RowParts {
    name: web_sys::Text,
    category: web_sys::Text,
    desc: web_sys::Text,
    add_on: web_sys::Element,
    trial: web_sys::Element,
    unavailable: web_sys::Element,
    chosen: web_sys::Element,
}

impl RowParts {
    fn of(row: &web_sys::HtmlElement) -> RowParts {
        let one = |sel: &str| {
            let span = row
                .query_selector(sel)
                .ok()
                .flatten()
                .expect("the row's markup has this element");
            let text = web_sys::Text::new().expect("a text node");
            let _ = span.append_child(&text);
            text
        };
        let badges = row.query_selector_all(".cw-badge").ok();
        let badge = |k: u32| {
            badges
                .as_ref()
                .and_then(|b| b.item(k))
                .and_then(|n| n.dyn_into().ok())
                .expect("the row's markup has four badges")
        };
        RowParts {
            name: one(".cw-offer__name"),
            category: one(".cw-offer__category"),
            desc: one(".cw-offer__desc"),
            add_on: badge(0),
            trial: badge(1),
            unavailable: badge(2),
            chosen: badge(3),
        }
    }

    /// Writes to the row what differs between `shown` (what it shows) and `now`.
    fn write(
        &self,
        row: &web_sys::HtmlElement,
        shown: &RowState,
        now: &RowState,
        catalog: &Catalog,
        option_prefix: &str,
    ) {
        let all = !shown.written;
        let attr = |name: &str, value: Option<&str>| {
            let _ = match value {
                Some(v) => row.set_attribute(name, v),
                None => row.remove_attribute(name),
            };
        };
        let class = |name: &str, on: bool| {
            let _ = row.class_list().toggle_with_force(name, on);
        };
        if all || now.pos != shown.pos {
            let p = now.pos;
            attr("id", p.map(|p| format!("{option_prefix}-{p}")).as_deref());
            attr("aria-posinset", p.map(|p| (p + 1).to_string()).as_deref());
            let _ = row.toggle_attribute_with_force("hidden", p.is_none());
        }
        if all || now.item != shown.item {
            // Only the text and badges that differ from the offer shown before: neighbouring
            // offers often share a category, and most have no badge. Every write crosses
            // into JS and makes the browser restyle or lay out that element again.
            let offer = now.item.map(|i| catalog.offer(i));
            let before = shown.item.filter(|_| !all).map(|i| catalog.offer(i));
            let text = |e: &web_sys::Text, f: fn(&Offer) -> &str| {
                let t = offer.map_or("", f);
                if all || before.map_or("", f) != t {
                    e.set_data(t);
                }
            };
            text(&self.name, |o| &o.name);
            text(&self.category, |o| &o.category_name);
            text(&self.desc, |o| &o.description);
            let flag = |f: fn(&Offer) -> bool| {
                let on = offer.is_some_and(f);
                (on, all || before.is_some_and(f) != on)
            };
            let (unavailable, changed) = flag(|o| !o.available);
            if changed {
                hide(&self.unavailable, !unavailable);
                class("cw-offer--unavailable", unavailable);
                attr("aria-disabled", unavailable.then_some("true"));
            }
            for (part, f) in [
                (&self.add_on, (|o| o.is_add_on) as fn(&Offer) -> bool),
                (&self.trial, |o| o.is_trial),
            ] {
                if let (on, true) = flag(f) {
                    hide(part, !on);
                }
            }
        }
        if all || now.selected != shown.selected {
            class("cw-offer--chosen", now.selected);
            attr(
                "aria-selected",
                Some(if now.selected { "true" } else { "false" }),
            );
            hide(&self.chosen, !now.selected);
        }
        if all || now.active != shown.active {
            class("cw-offer--active", now.active);
        }
        if all || now.y != shown.y {
            let _ = row
                .style()
                .set_property("transform", &format!("translateY({}px)", now.y));
        }
        if all || now.size != shown.size {
            attr("aria-setsize", Some(&now.size.to_string()));
        }
    }
}

fn hide(e: &web_sys::Element, hidden: bool) {
    let _ = e.toggle_attribute_with_force("hidden", hidden);
}
