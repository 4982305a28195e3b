//! The offer list: a listbox that renders only the rows in view (plus a few either side).
//! Rows are recycled: row lane `s` always shows the position `p` of the window with
//! `p % slots == s`, so scrolling by one row changes one slot and a keystroke changes only
//! text. Keyboard: Up/Down/Home/End/PageUp/PageDown move the active option
//! (`aria-activedescendant`), Enter or Space adds or removes it.
//!
//! Offer text wraps, never truncated, and every row is as tall as its own content
//! (variable-height windowing). The height of an offer's row is known once the row has been
//! rendered: rendered rows are measured in the animation frame after they change (offer,
//! size), before paint, and the height is stored by offer index. Rows not measured yet count as
//! the most common measured height. The rows' offsets are a prefix sum over the current result
//! (recomputed when the result or a height changes); the first row in view is found by
//! binary search. When heights change, the row at the top of the view stays where it is,
//! and the active option stays in view if it was. A measured row that changes height (other
//! width, text size or language) drops every stored height: they are measured again.

use std::rc::Rc;
use std::sync::Arc;

use crate::reactive::{effect, memo, Calc, ElementRef, Keep, Var};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use super::{toggle_offer, Ui};
use crate::catalog::{Catalog, SearchResult};
use crate::components::tr;
use crate::i18n::Key;
use crate::store::{use_draft, use_instance, use_nav};
use crate::windowing::{layout, row_at, Heights, ROW_PX};

/// Rows rendered beyond each edge of the view. Every keystroke that changes the result
/// rewrites and lays out every rendered row: two rows each side instead of four took about
/// 1 ms off the main thread's p95 per keystroke (`tools/trace-keystrokes.mjs`). A fast fling
/// scrolled by the compositor may show the edge of the list empty for a frame either way.
const OVERSCAN: usize = 2;

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

/// What the list keeps between frames.
struct State {
    heights: Heights,
    /// The most rows rendered so far (the number of lanes only grows).
    most: usize,
    /// A measurement is scheduled for the next animation frame.
    pending: bool,
}

#[component]
pub fn OfferList(catalog: Arc<Catalog>, results: Calc<SearchResult>) -> impl IntoView {
    let (inst, nav, draft) = (use_instance(), use_nav(), use_draft().draft);
    let ui = expect_context::<Ui>();
    let viewport = ElementRef::new();
    let spacer = ElementRef::new();
    let scroll_top = Var::new(0usize);
    let view_h = Var::new(456usize);
    let active = Var::new(0usize);
    let count = memo(move || results.with(|r| r.indices.len()));
    // Measured row heights by offer index (0: not measured), and a change of them.
    let state = Keep::new(State {
        heights: Heights::new(catalog.offers().len()),
        most: 0,
        pending: false,
    });
    let remeasured = Trigger::new();
    let offsets = memo(move || {
        remeasured.track();
        results.with(|r| state.with_value(|s| layout(&s.heights, &r.indices)))
    });
    let total = move || offsets.with(|o| o.last().copied().unwrap_or(0));
    // The list shrinks to a short result (its CSS height is at most about 29 lines). Capped, so
    // that the value, and the list's style, change only while the result is that short, not
    // with every keystroke's count.
    let max_height = memo(move || total().clamp(ROW_PX, 4000) + 4);
    // A new result starts at the top.
    effect(move |first| {
        results.track();
        // Only what changes: setting a signal notifies its readers even when the value is the
        // same, and setting `scrollTop` makes the browser lay out the page there and then.
        if !first {
            if active.get_untracked() != 0 {
                active.set(0);
            }
            if scroll_top.get_untracked() != 0 {
                scroll_top.set(0);
                if let Some(el) = viewport.get_untracked() {
                    el.set_scroll_top(0);
                }
            }
        }
    });

    // The first rendered position, and how many rows are rendered: enough to fill the view
    // plus the overscan. The number only grows (a lane count that changes re-maps every row).
    let first = memo(move || {
        offsets
            .with(|o| row_at(o, scroll_top.get() as u32))
            .saturating_sub(OVERSCAN)
    });
    let slots = memo(move || {
        let top = scroll_top.get() as u32;
        let need = offsets
            .with(|o| o.partition_point(|&y| y < top + view_h.get() as u32) - row_at(o, top))
            + 2 * OVERSCAN;
        let n = need
            .min(count.get())
            .max(state.with_value(|s| s.most))
            .max(1);
        state.update_value(|s| s.most = n);
        n
    });

    // Keeps the active option in view (it must be in the DOM for aria-activedescendant).
    let reveal = move |p: usize| {
        let Some(el) = viewport.get_untracked() else {
            return;
        };
        let Some((top, bottom)) = offsets.with_untracked(|o| Some((*o.get(p)?, *o.get(p + 1)?)))
        else {
            return;
        };
        let h = el.client_height().max(0) as u32;
        let cur = el.scroll_top().max(0) as u32;
        // A row taller than the view (large text) shows its top.
        let next = if top < cur || bottom - top > h {
            top
        } else if bottom > cur + h {
            bottom - h
        } else {
            return;
        };
        el.set_scroll_top(next as i32);
        scroll_top.set(el.scroll_top().max(0) as usize);
    };

    // After layout, before paint: the view's height, and the height of every rendered row.
    let measure = move || {
        let (Some(el), Some(sp)) = (viewport.get_untracked(), spacer.get_untracked()) else {
            return;
        };
        // The list shrinks to a short result: keep the tallest height seen, so that enough
        // rows exist when it grows again.
        let vh = el.client_height().max(0) as u32;
        if vh as usize > view_h.get_untracked() {
            view_h.set(vh as usize);
        }
        let rows = results.with_untracked(|r| rendered(&sp, r));
        let mut changed = false;
        state.update_value(|State { heights: hs, .. }| {
            // Only a height other than the one the layout assumed (the guess, for a row not
            // measured before) moves rows: otherwise the list is not laid out again.
            let guess = hs.guess();
            // A second pass after a measured row changed height and every height was dropped.
            'pass: for again in [false, true] {
                for &(i, h) in &rows {
                    let Some(old) = hs.get(i) else {
                        continue;
                    };
                    if h != old {
                        if old != 0 && !again {
                            hs.clear();
                            changed = true;
                            continue 'pass;
                        }
                        hs.set(i, h);
                        changed |= h != if old == 0 { guess } else { old };
                    }
                }
                break;
            }
            // The average moved: every row not measured yet moves with it.
            changed |= hs.guess() != guess;
        });
        if !changed {
            return;
        }
        // The row at the top of the view keeps its place; the active one stays in view.
        let top = el.scroll_top().max(0) as u32;
        let a = active.get_untracked();
        let (anchor, shown) = offsets.with_untracked(|o| {
            let shown = matches!((o.get(a), o.get(a + 1)), (Some(&t), Some(&b)) if t >= top && b <= top + vh);
            (row_at(o, top), shown)
        });
        let into = top - offsets.with_untracked(|o| o.get(anchor).copied().unwrap_or(0));
        remeasured.notify();
        let (at, all) = offsets.with_untracked(|o| {
            (
                o.get(anchor).copied().unwrap_or(0),
                o.last().copied().unwrap_or(0),
            )
        });
        // The spacer's new height first, or the new scroll position could be clamped.
        let _ = web_sys::HtmlElement::style(&sp).set_property("height", &format!("{all}px"));
        // Setting `scrollTop` lays the page out there and then: only when the anchor moved.
        if at + into != top {
            el.set_scroll_top((at + into) as i32);
            let now = el.scroll_top().max(0) as usize;
            if now != scroll_top.get_untracked() {
                scroll_top.set(now);
            }
        }
        if shown {
            reveal(a);
        }
    };
    // Measuring waits for the next animation frame: by then every change of the rows' DOM
    // has been made (measuring from a `ResizeObserver` callback instead would change rows
    // there, and the browser reports a "ResizeObserver loop" error). When a scroll moves the
    // window, that frame is the one that paints it.
    let schedule = move || {
        if !state.with_value(|s| s.pending) {
            state.update_value(|s| s.pending = true);
            request_animation_frame(move || {
                state.update_value(|s| s.pending = false);
                measure();
            });
        }
    };
    // Whether measuring would change anything: the view grew, or a rendered row is not
    // measured yet or measures other than stored. Read where layout is up to date (in a
    // `ResizeObserver` callback), this costs no layout.
    let stale = move || {
        let (Some(el), Some(sp)) = (viewport.get_untracked(), spacer.get_untracked()) else {
            return false;
        };
        if el.client_height().max(0) as usize > view_h.get_untracked() {
            return true;
        }
        let rows = results.with_untracked(|r| rendered(&sp, r));
        state.with_value(|s| rows.iter().any(|&(i, h)| s.heights.get(i) != Some(h)))
    };
    // The observer reports the list and the rows when their size changes (width, text size,
    // language, a badge); the effect, when the rows show other offers. A keystroke's new rows
    // are measured in the frame that shows them, before the observer reports their new sizes
    // in that same frame: then nothing is stale, and no further frame is asked for (it was
    // one more frame of work after every keystroke that changed the rows).
    let observer = {
        let cb = Closure::<dyn FnMut()>::new(move || {
            if stale() {
                schedule();
            }
        });
        let ro = ResizeObserver::new(cb.as_ref().unchecked_ref());
        Rc::new((ro, cb))
    };
    effect({
        let observer = observer.clone();
        move |_| {
            first.track();
            slots.track();
            results.track();
            if let (Some(el), Some(sp)) = (viewport.get(), spacer.get()) {
                let ro = &observer.0;
                ro.observe(&el);
                let rows = sp.children();
                for k in 0..rows.length() {
                    if let Some(row) = rows.item(k) {
                        ro.observe(&row);
                    }
                }
            }
            schedule();
        }
    });
    let held = SendWrapper::new(observer);
    on_cleanup(move || held.0.disconnect());

    let chosen = {
        let cat = catalog.clone();
        memo(move || {
            let mut v: Vec<u32> = draft.with(|d| {
                d.lines
                    .iter()
                    .filter_map(|l| cat.index_of(&l.offer_id))
                    .collect()
            });
            v.sort_unstable();
            v
        })
    };
    let prefix = inst.el_id("offer");
    let option_id = {
        let prefix = prefix.clone();
        move |p: usize| format!("{prefix}-{p}")
    };

    let toggle_at = {
        let cat = catalog.clone();
        move |p: usize| {
            if let Some(i) = results.with_untracked(|r| r.indices.get(p).copied()) {
                toggle_offer(inst, nav, draft, ui, &cat, i);
            }
        }
    };
    // Shared by every row (an `Arc`, not leptos's `Callback`: no arena slot of its own type).
    let on_pick: Arc<dyn Fn(usize) + Send + Sync> = Arc::new({
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
            // A page: the row one view height below (above) the active row's top.
            let h = viewport
                .get_untracked()
                .map_or(0, |el| el.client_height().max(0) as u32);
            let page = |down: bool| {
                offsets.with_untracked(|o| {
                    let y = o[a];
                    row_at(o, if down { y + h } else { y.saturating_sub(h) })
                })
            };
            let next = match ev.key().as_str() {
                "ArrowDown" => (a + 1).min(n - 1),
                "ArrowUp" => a.saturating_sub(1),
                "Home" => 0,
                "End" => n - 1,
                "PageDown" => page(true).max(a + 1).min(n - 1),
                "PageUp" => page(false).min(a.saturating_sub(1)),
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

    let listbox_id = inst.el_id("offers");
    let label_id = inst.el_id("offers-label");
    let hint_id = inst.el_id("offers-hint");
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
            style:max-height=move || format!("{}px", max_height.get())
            on:scroll=move |_| {
                if let Some(el) = viewport.get_untracked() {
                    scroll_top.set(el.scroll_top().max(0) as usize);
                }
            }
            on:keydown=on_key
        >
            <div class="cw-offers__spacer" node_ref=spacer style:height=move || format!("{}px", total())>
                <For each=move || 0..slots.get() key=|s| *s let:lane>
                    <Row
                        lane=lane
                        catalog=catalog.clone()
                        results=results
                        first=first
                        slots=slots
                        count=count
                        active=active
                        offsets=offsets
                        chosen=chosen
                        option_prefix=prefix.clone()
                        on_pick=on_pick.clone()
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
    results: Calc<SearchResult>,
    first: Calc<usize>,
    slots: Calc<usize>,
    count: Calc<usize>,
    active: Var<usize>,
    offsets: Calc<Vec<u32>>,
    chosen: Calc<Vec<u32>>,
    option_prefix: String,
    on_pick: Arc<dyn Fn(usize) + Send + Sync>,
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
        let p = pos.get();
        let i = item.get();
        let now = RowState {
            pos: p,
            item: i,
            selected: i.is_some_and(|i| chosen.with(|c| c.binary_search(&i).is_ok())),
            active: p.is_some_and(|p| p == active.get()),
            y: p.and_then(|p| offsets.with(|o| o.get(p).copied()))
                .unwrap_or(0),
            size: count.get(),
            written: true,
        };
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
            attr("id", p.map(|p| format!("{option_prefix}-{p}")).as_deref());
            attr("aria-posinset", p.map(|p| (p + 1).to_string()).as_deref());
            let _ = row.toggle_attribute_with_force("hidden", p.is_none());
        }
        if all || now.item != shown.item {
            // Only the text and badges that differ from the offer shown before: neighbouring
            // offers often share a category, and most have no badge. Every write crosses
            // into JS and makes the browser restyle or lay out that element again.
            let offer = i.map(|i| catalog.offer(i));
            let before = shown.item.filter(|_| !all).map(|i| catalog.offer(i));
            let text = |e: &web_sys::Text, f: fn(&crate::model::Offer) -> &str| {
                let t = offer.map_or("", f);
                if all || before.map_or("", f) != t {
                    e.set_data(t);
                }
            };
            text(&parts.name, |o| &o.name);
            text(&parts.category, |o| &o.category_name);
            text(&parts.desc, |o| &o.description);
            let flag = |f: fn(&crate::model::Offer) -> bool| {
                let on = offer.is_some_and(f);
                (on, all || before.is_some_and(f) != on)
            };
            let (unavailable, changed) = flag(|o| !o.available);
            if changed {
                hide(&parts.unavailable, !unavailable);
                class("cw-offer--unavailable", unavailable);
                attr("aria-disabled", unavailable.then_some("true"));
            }
            for (part, f) in [
                (
                    &parts.add_on,
                    (|o| o.is_add_on) as fn(&crate::model::Offer) -> bool,
                ),
                (&parts.trial, |o| o.is_trial),
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
            hide(&parts.chosen, !now.selected);
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
                    active.set(p);
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
}

fn hide(e: &web_sys::Element, hidden: bool) {
    let _ = e.toggle_attribute_with_force("hidden", hidden);
}

/// The rendered rows of the list: for each row showing an offer, the offer's index and the
/// row's height. `offsetHeight` is rounded: one pixel more, so that rows never overlap.
fn rendered(spacer: &web_sys::Element, result: &SearchResult) -> Vec<(u32, u32)> {
    let rows = spacer.children();
    (0..rows.length())
        .filter_map(|k| {
            let row: web_sys::HtmlElement = rows.item(k)?.dyn_into().ok()?;
            // The position the row shows, as the DOM says.
            let p: usize = row.get_attribute("aria-posinset")?.parse().ok()?;
            let &i = result.indices.get(p.wrapping_sub(1))?;
            Some((i, row.offset_height().max(0) as u32 + 1))
        })
        .collect()
}
