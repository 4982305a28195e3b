//! The offer list: a listbox that renders only the rows in view (plus a few either side) in a
//! scroll container of uniform row height. Rows are recycled: row lane `s` always shows the
//! position `p` of the window with `p % slots == s`, so scrolling by one row changes one slot
//! and a keystroke changes only text. Keyboard: Up/Down/Home/End/PageUp/PageDown move the
//! active option (`aria-activedescendant`), Enter or Space adds or removes it.
//!
//! Offer text wraps, never truncated: the row height is the height of a hidden probe row that
//! holds the catalog's longest names, descriptions and category with every badge (each
//! field's candidates stacked in one grid cell, so the probe is as tall as the tallest of
//! them), laid out at the list's width. A `ResizeObserver` on the probe re-measures it when the
//! width, the text size (zoom) or the language changes.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::reactive::memo;

use super::{toggle_offer, Ui};
use crate::catalog::{Catalog, SearchResult};
use crate::components::tr;
use crate::i18n::Key;
use crate::store::use_wizard;

/// Row height in CSS pixels until the probe row is measured. Heights are integers: CSS lengths
/// are formatted from integers (no float formatting in the wasm).
const ROW_PX: usize = 76;
/// Rows rendered beyond each edge of the view.
const OVERSCAN: usize = 4;
/// How many of the longest names and descriptions the probe row holds.
const PROBES: usize = 8;

#[wasm_bindgen]
extern "C" {
    type ResizeObserver;
    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> ResizeObserver;
    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);
    #[wasm_bindgen(method)]
    fn disconnect(this: &ResizeObserver);
}

/// The `PROBES` longest distinct values of one offer field, in characters, longest first.
fn longest(catalog: &Catalog, field: fn(&crate::model::Offer) -> &str) -> Vec<&str> {
    let mut top: Vec<(usize, &str)> = Vec::with_capacity(PROBES + 1);
    for o in catalog.offers() {
        let t = field(o);
        let n = t.chars().count();
        if (top.len() == PROBES && n <= top[PROBES - 1].0) || top.iter().any(|x| x.1 == t) {
            continue;
        }
        let at = top.iter().position(|x| x.0 < n).unwrap_or(top.len());
        top.insert(at, (n, t));
        top.truncate(PROBES);
    }
    top.into_iter().map(|x| x.1).collect()
}

#[component]
pub fn OfferList(catalog: Arc<Catalog>, results: Memo<SearchResult>) -> impl IntoView {
    let w = use_wizard();
    let ui = expect_context::<Ui>();
    let viewport: NodeRef<Div> = NodeRef::new();
    let probe: NodeRef<Div> = NodeRef::new();
    let scroll_top = RwSignal::new(0.0f64);
    let view_h = RwSignal::new(456.0f64);
    let row_h = RwSignal::new(ROW_PX);
    let active = RwSignal::new(0usize);
    let count = memo(move || results.with(|r| r.indices.len()));
    // A new result starts at the top.
    Effect::new(move |prev: Option<()>| {
        results.track();
        if prev.is_some() {
            active.set(0);
            scroll_top.set(0.0);
            if let Some(el) = viewport.get_untracked() {
                el.set_scroll_top(0);
            }
        }
    });
    let measure = move || {
        if let Some(el) = viewport.get_untracked() {
            // The list shrinks to a short result: keep the tallest height seen, so that
            // enough rows exist when it grows again.
            let h = f64::from(el.client_height());
            if h > view_h.get_untracked() {
                view_h.set(h);
            }
            // Every row is as tall as the probe (+1: offsetHeight is rounded).
            let old = row_h.get_untracked();
            let new = probe
                .get_untracked()
                .map_or(old, |p| p.offset_height().max(0) as usize + 1);
            if new != old && new > 1 {
                // The row at the top of the view stays there once the rows have their new
                // height (the DOM follows the signal after this function returns).
                let top_row = el.scroll_top().max(0) as usize / old;
                row_h.set(new);
                if top_row > 0 {
                    request_animation_frame(move || {
                        if let Some(el) = viewport.get_untracked() {
                            el.set_scroll_top((top_row * new) as i32);
                            scroll_top.set(f64::from(el.scroll_top()));
                        }
                    });
                }
            }
        }
    };
    // The probe's content, as plain DOM (no view code for it), again when the language changes.
    let cat = catalog.clone();
    Effect::new(move |_| {
        let l = w.locale.get();
        let (Some(p), Some(doc)) = (probe.get(), crate::browser::document()) else {
            return;
        };
        p.set_text_content(None);
        let add = |parent: &web_sys::Node, class: &str, text: &str| -> web_sys::Node {
            let el = doc.create_element("span").unwrap_throw();
            el.set_class_name(class);
            el.set_text_content(Some(text));
            parent.append_child(&el).unwrap_throw()
        };
        add(&p, "cw-offer__check", "");
        let body = add(&p, "cw-offer__body", "");
        let name = add(&body, "cw-offer__name cw-offer__stack", "");
        let meta = add(&body, "cw-offer__meta", "");
        let desc = add(&body, "cw-offer__desc cw-offer__stack", "");
        for t in longest(&cat, |o| &o.name) {
            add(&name, "", t);
        }
        for t in longest(&cat, |o| &o.category_name).into_iter().take(1) {
            add(&meta, "", t);
        }
        for k in [Key::BadgeAddOn, Key::BadgeTrial, Key::BadgeUnavailable] {
            add(&meta, "cw-badge", k.text(l));
        }
        for t in longest(&cat, |o| &o.description) {
            add(&desc, "", t);
        }
    });
    // The observer reports the probe's size when observation starts and at every change.
    Effect::new(move |_| {
        if let Some(p) = probe.get() {
            let cb = Closure::<dyn FnMut()>::new(measure);
            let ro = ResizeObserver::new(cb.as_ref().unchecked_ref());
            ro.observe(&p);
            let held = SendWrapper::new((ro, cb));
            on_cleanup(move || held.0.disconnect());
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let visible_rows = memo(move || (view_h.get() / row_h.get() as f64).ceil().max(1.0) as usize);
    let slots = memo(move || visible_rows.get() + 2 * OVERSCAN);
    let first = memo(move || {
        ((scroll_top.get() / row_h.get() as f64).floor() as usize).saturating_sub(OVERSCAN)
    });
    let chosen = {
        let cat = catalog.clone();
        memo(move || {
            let mut v: Vec<u32> = w.draft.with(|d| {
                d.lines
                    .iter()
                    .filter_map(|l| cat.index_of(&l.offer_id))
                    .collect()
            });
            crate::sort::sort_by(&mut v, u32::cmp);
            v
        })
    };
    let prefix = w.el_id("offer");
    let option_id = {
        let prefix = prefix.clone();
        move |p: usize| format!("{prefix}-{p}")
    };

    // Keeps the active option in view (it must be in the DOM for aria-activedescendant).
    let reveal = move |p: usize| {
        let Some(el) = viewport.get_untracked() else {
            return;
        };
        let rh = row_h.get_untracked() as i32;
        let top = p as i32 * rh;
        let h = el.client_height();
        let cur = el.scroll_top();
        // A row taller than the view (large text) shows its top.
        let next = if top < cur || rh > h {
            top
        } else if top + rh > cur + h {
            top + rh - h
        } else {
            return;
        };
        el.set_scroll_top(next);
        scroll_top.set(f64::from(el.scroll_top()));
    };
    let toggle_at = {
        let cat = catalog.clone();
        move |p: usize| {
            if let Some(i) = results.with_untracked(|r| r.indices.get(p).copied()) {
                toggle_offer(w, ui, &cat, i);
            }
        }
    };
    let on_pick = Callback::new({
        let toggle_at = toggle_at.clone();
        move |p: usize| toggle_at(p)
    });
    let on_key = {
        let toggle_at = toggle_at.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let n = count.get_untracked();
            if n == 0 {
                return;
            }
            let a = active.get_untracked().min(n - 1);
            let page = visible_rows.get_untracked().saturating_sub(1).max(1);
            let next = match ev.key().as_str() {
                "ArrowDown" => (a + 1).min(n - 1),
                "ArrowUp" => a.saturating_sub(1),
                "Home" => 0,
                "End" => n - 1,
                "PageDown" => (a + page).min(n - 1),
                "PageUp" => a.saturating_sub(page),
                "Enter" | " " => {
                    ev.prevent_default();
                    toggle_at(a);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            active.set(next);
            reveal(next);
        }
    };

    let listbox_id = w.el_id("offers");
    let label_id = w.el_id("offers-label");
    let hint_id = w.el_id("offers-hint");
    let activedescendant = {
        let option_id = option_id.clone();
        move || {
            (count.get() > 0).then(|| option_id(active.get().min(count.get().saturating_sub(1))))
        }
    };

    view! {
        <p class="cw-label" id=label_id.clone()>{tr(Key::OfferListLabel)}</p>
        <p class="cw-hint" id=hint_id.clone()>{tr(Key::OfferListHint)}</p>
        <div
            class="cw-offers"
            node_ref=viewport
            id=listbox_id
            role="listbox"
            tabindex="0"
            aria-multiselectable="true"
            aria-labelledby=label_id
            aria-describedby=hint_id
            aria-activedescendant=activedescendant
            style:max-height=move || format!("{}px", count.get().max(1) * row_h.get() + 4)
            on:scroll=move |_| {
                if let Some(el) = viewport.get_untracked() {
                    scroll_top.set(f64::from(el.scroll_top()));
                }
            }
            on:keydown=on_key
        >
            <div class="cw-offers__spacer" style:height=move || format!("{}px", count.get() * row_h.get())>
                <div class="cw-offer-probe" node_ref=probe aria-hidden="true"></div>
                <For each=move || 0..slots.get() key=|s| *s let:lane>
                    <Row
                        lane=lane
                        catalog=catalog.clone()
                        results=results
                        first=first
                        slots=slots
                        count=count
                        active=active
                        row_h=row_h
                        chosen=chosen
                        option_prefix=prefix.clone()
                        on_pick=on_pick
                    />
                </For>
            </div>
        </div>
    }
}

#[component]
fn Row(
    lane: usize,
    catalog: Arc<Catalog>,
    results: Memo<SearchResult>,
    first: Memo<usize>,
    slots: Memo<usize>,
    count: Memo<usize>,
    active: RwSignal<usize>,
    row_h: RwSignal<usize>,
    chosen: Memo<Vec<u32>>,
    option_prefix: String,
    on_pick: Callback<usize>,
) -> impl IntoView {
    // The position in the result this slot shows, if any.
    let pos = memo(move || {
        let (f, n) = (first.get(), slots.get());
        let p = f + (lane + n - f % n) % n;
        (p < count.get()).then_some(p)
    });
    let item = memo(move || {
        pos.get()
            .and_then(|p| results.with(|r| r.indices.get(p).copied()))
    });
    let field = {
        let cat = catalog.clone();
        move |f: fn(&crate::model::Offer) -> String| {
            let cat = cat.clone();
            move || item.get().map(|i| f(cat.offer(i))).unwrap_or_default()
        }
    };
    let flag = {
        let cat = catalog.clone();
        move |f: fn(&crate::model::Offer) -> bool| {
            let cat = cat.clone();
            memo(move || item.get().is_some_and(|i| f(cat.offer(i))))
        }
    };
    let add_on = flag(|o| o.is_add_on);
    let trial = flag(|o| o.is_trial);
    let unavailable = flag(|o| !o.available);
    let selected = memo(move || {
        item.get()
            .is_some_and(|i| chosen.with(|c| c.binary_search(&i).is_ok()))
    });
    let is_active = memo(move || pos.get().is_some_and(|p| p == active.get()));
    view! {
        <div
            class="cw-offer"
            class:cw-offer--active=is_active
            class:cw-offer--chosen=selected
            class:cw-offer--unavailable=unavailable
            role="option"
            id=move || pos.get().map(|p| format!("{option_prefix}-{p}"))
            hidden=move || pos.get().is_none()
            aria-selected=move || if selected.get() { "true" } else { "false" }
            aria-disabled=move || unavailable.get().then_some("true")
            aria-setsize=move || count.get().to_string()
            aria-posinset=move || pos.get().map(|p| (p + 1).to_string())
            style:height=move || format!("{}px", row_h.get())
            style:transform=move || format!("translateY({}px)", pos.get().unwrap_or(0) * row_h.get())
            on:click=move |_| {
                if let Some(p) = pos.get_untracked() {
                    active.set(p);
                    on_pick.run(p);
                }
            }
        >
            <span class="cw-offer__check" aria-hidden="true"></span>
            <span class="cw-offer__body">
                <span class="cw-offer__name">{field(|o| o.name.clone())}</span>
                <span class="cw-offer__meta">
                    <span class="cw-offer__category">{field(|o| o.category_name.clone())}</span>
                    <span class="cw-badge" hidden=unless(add_on)>{tr(Key::BadgeAddOn)}</span>
                    <span class="cw-badge cw-badge--trial" hidden=unless(trial)>{tr(Key::BadgeTrial)}</span>
                    <span class="cw-badge cw-badge--unavailable" hidden=unless(unavailable)>
                        {tr(Key::BadgeUnavailable)}
                    </span>
                    <span class="cw-badge cw-badge--chosen" hidden=unless(selected)>{tr(Key::BadgeChosen)}</span>
                </span>
                <span class="cw-offer__desc">{field(|o| o.description.clone())}</span>
            </span>
        </div>
    }
}

/// `hidden` of a badge: one closure type for all four.
fn unless(flag: Memo<bool>) -> impl Fn() -> bool + Send + Sync + 'static {
    move || !flag.get()
}
