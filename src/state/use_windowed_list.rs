//! `use_windowed_list`: a scrolling list that renders only the rows in view (plus a few either
//! side), in the shape of leptos-use's hooks: [`use_windowed_list`] takes
//! [`UseWindowedListOptions`] and gives a [`UseWindowedListReturn`] of signals, node refs and
//! methods. The arithmetic is `crate::domain::windowing`'s (natively tested); this is what needs the
//! browser: the scroll position, the view's height, measuring rows, and keeping the view
//! steady while rows change height.
//!
//! Rows are recycled: the component renders [`UseWindowedListReturn::lanes`] row elements,
//! and lane `s` shows the position [`UseWindowedListReturn::position_of_lane`]. Scrolling by
//! one row moves one lane; a new result changes only what the lanes show.
//!
//! Rows are as tall as their content (variable-height windowing). A row's height is known
//! once it has been rendered: rendered rows are measured in the animation frame after they
//! change (other item, other size), before paint, and the height is stored by key. Rows not
//! measured yet count as the most common measured height. The offsets are a prefix sum over
//! the current keys (a memo, recomputed when the keys or a height change); the first row in
//! view is found by binary search. When heights change, the row at the top of the view stays
//! where it is, and the active row stays in view if it was. A measured row that changes
//! height (other width, text size or language) drops every stored height.
//!
//! The markup it expects: `node_ref=viewport` on the scrolling element (`on:scroll` calls
//! [`UseWindowedListReturn::on_scroll`]), `node_ref=spacer` on its only child, whose children
//! are the lanes, each with `aria-posinset` (the 1-based position it shows) while it shows one.

use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::domain::windowing::{self, Heights, ROW_PX};
use crate::state::reactive::{effect, memo, Calc, ElementRef, Keep, Var};

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

/// What [`use_windowed_list`] needs: the keys of the rows in order, and how many keys exist.
pub struct UseWindowedListOptions<K> {
    /// The rows' keys in list order, read with `.with()` (a memo of a search result):
    /// heights are stored by key, so an item measured once keeps its height in every result.
    pub keys: K,
    /// How many distinct keys there are (keys are `0..key_count`).
    pub key_count: usize,
    /// Rows rendered beyond each edge of the view. Default 2: every keystroke that changes
    /// the result rewrites and lays out every rendered row, and two each side instead of four
    /// took about 1 ms off the main thread's p95 per keystroke (`tools/trace-keystrokes.mjs`).
    /// A fast fling scrolled by the compositor may show the edge empty for a frame either way.
    pub overscan: usize,
    /// The view's height assumed until it is measured, in CSS pixels. Default 456.
    pub initial_view_height: usize,
}

impl<K> UseWindowedListOptions<K> {
    pub fn new(keys: K, key_count: usize) -> Self {
        UseWindowedListOptions {
            keys,
            key_count,
            overscan: 2,
            initial_view_height: 456,
        }
    }

    pub fn overscan(self, overscan: usize) -> Self {
        UseWindowedListOptions { overscan, ..self }
    }

    pub fn initial_view_height(self, initial_view_height: usize) -> Self {
        UseWindowedListOptions {
            initial_view_height,
            ..self
        }
    }
}

/// What [`use_windowed_list`] gives the component (`Copy`: pass it to the rows as a prop).
#[derive(Clone, Copy)]
pub struct UseWindowedListReturn {
    /// `node_ref` of the scrolling element.
    pub viewport: ElementRef,
    /// `node_ref` of the element that holds the lanes (as tall as every row together).
    pub spacer: ElementRef,
    /// The number of rows.
    pub count: Calc<usize>,
    /// The rows' offsets: `offsets[p]` is the top of position `p`, the last the total height.
    pub offsets: Calc<Vec<u32>>,
    /// The first rendered position.
    pub first: Calc<usize>,
    /// How many lanes (row elements) to render; only grows.
    pub lanes: Calc<usize>,
    /// The scrolling element's CSS `max-height` in pixels: the list shrinks to a short result.
    pub max_height: Calc<u32>,
    /// The active row (a listbox's `aria-activedescendant`): back to 0 with new keys, kept in
    /// view while rows are measured.
    pub active: Var<usize>,
    /// The scroll position, as the list last saw it.
    pub scroll_top: Var<usize>,
}

/// What the list keeps between frames.
struct State {
    heights: Heights,
    /// The most lanes rendered so far.
    most: usize,
    /// A measurement is scheduled for the next animation frame.
    pending: bool,
}

pub fn use_windowed_list<K, V>(options: UseWindowedListOptions<K>) -> UseWindowedListReturn
where
    K: With<Value = V> + WithUntracked<Value = V> + Track + Copy + Send + Sync + 'static,
    V: AsRef<[u32]> + ?Sized + 'static,
{
    let UseWindowedListOptions {
        keys,
        key_count,
        overscan,
        initial_view_height,
    } = options;
    let viewport = ElementRef::new();
    let spacer = ElementRef::new();
    let scroll_top = Var::new(0usize);
    let view_h = Var::new(initial_view_height);
    let active = Var::new(0usize);
    let count = memo(move || keys.with(|k| k.as_ref().len()));
    let state = Keep::new(State {
        heights: Heights::new(key_count),
        most: 0,
        pending: false,
    });
    // A change of the stored heights.
    let remeasured = Trigger::new();
    let offsets = memo(move || {
        remeasured.track();
        keys.with(|k| state.with_value(|s| windowing::layout(&s.heights, k.as_ref())))
    });
    // Capped, so that the value, and the list's style, change only while the result is that
    // short (its CSS height is at most about 29 lines), not with every keystroke's count.
    let max_height = memo(move || total(offsets).clamp(ROW_PX, 4000) + 4);
    // New keys start at the top.
    effect(move |first| {
        keys.track();
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
    let first = memo(move || {
        offsets.with(|o| windowing::first_rendered(o, scroll_top.get() as u32, overscan))
    });
    let lanes = memo(move || {
        let n = offsets.with(|o| {
            windowing::lanes_needed(
                o,
                scroll_top.get() as u32,
                view_h.get() as u32,
                overscan,
                count.get(),
                state.with_value(|s| s.most),
            )
        });
        state.update_value(|s| s.most = n);
        n
    });
    let list = UseWindowedListReturn {
        viewport,
        spacer,
        count,
        offsets,
        first,
        lanes,
        max_height,
        active,
        scroll_top,
    };

    // After layout, before paint: the view's height, and the height of every rendered row.
    let measure = move || {
        let (Some(el), Some(sp)) = (viewport.get_untracked(), spacer.get_untracked()) else {
            return;
        };
        // The list shrinks to a short result: keep the tallest height seen, so that enough
        // lanes exist when it grows again.
        let vh = el.client_height().max(0) as u32;
        if vh as usize > view_h.get_untracked() {
            view_h.set(vh as usize);
        }
        let rows = keys.with_untracked(|k| rendered(&sp, k.as_ref()));
        if !state
            .try_update_value(|s| s.heights.remeasure(&rows))
            .unwrap_or(false)
        {
            return;
        }
        // The row at the top of the view keeps its place; the active one stays in view.
        let top = el.scroll_top().max(0) as u32;
        let a = active.get_untracked();
        let ((anchor, into), shown) = offsets
            .with_untracked(|o| (windowing::anchor(o, top), windowing::in_view(o, a, top, vh)));
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
            list.reveal(a);
        }
    };
    // Measuring waits for the next animation frame: by then every change of the rows' DOM
    // has been made (measuring from a `ResizeObserver` callback instead would change rows
    // there, and the browser reports a "ResizeObserver loop" error). When a scroll moves the
    // window, that frame is the one that paints it.
    let schedule = move || {
        if state.try_with_value(|s| s.pending) == Some(false) {
            state.update_value(|s| s.pending = true);
            request_animation_frame(move || {
                state.try_update_value(|s| s.pending = false);
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
        let rows = keys.with_untracked(|k| rendered(&sp, k.as_ref()));
        state.with_value(|s| s.heights.stale(&rows))
    };
    // The observer reports the list and the rows when their size changes (width, text size,
    // language, a badge); the effect, when the rows show other items. New rows are measured
    // in the frame that shows them, before the observer reports their new sizes in that same
    // frame: then nothing is stale, and no further frame is asked for (it was one more frame
    // of work after every keystroke that changed the rows).
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
            lanes.track();
            keys.track();
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
    list
}

impl UseWindowedListReturn {
    /// The position lane `lane` shows, `None` past the last row (tracked).
    pub fn position_of_lane(&self, lane: usize) -> Option<usize> {
        let p = windowing::lane_position(self.first.get(), self.lanes.get(), lane);
        (p < self.count.get()).then_some(p)
    }

    /// The total height of the rows (tracked).
    pub fn total_height(&self) -> u32 {
        total(self.offsets)
    }

    /// `on:scroll` of the scrolling element.
    pub fn on_scroll(&self) {
        if let Some(el) = self.viewport.get_untracked() {
            self.scroll_top.set(el.scroll_top().max(0) as usize);
        }
    }

    /// Scrolls as little as needed to show row `p` (the active row must be in the DOM for
    /// `aria-activedescendant`).
    pub fn reveal(&self, p: usize) {
        let Some(el) = self.viewport.get_untracked() else {
            return;
        };
        let (top, view) = (
            el.scroll_top().max(0) as u32,
            el.client_height().max(0) as u32,
        );
        let Some(next) = self
            .offsets
            .with_untracked(|o| windowing::reveal_scroll(o, p, top, view))
        else {
            return;
        };
        el.set_scroll_top(next as i32);
        self.scroll_top.set(el.scroll_top().max(0) as usize);
    }

    /// The row one view height below (`down`) or above row `from` (PageDown/PageUp).
    pub fn page_from(&self, from: usize, down: bool) -> usize {
        let view = self
            .viewport
            .get_untracked()
            .map_or(0, |el| el.client_height().max(0) as u32);
        self.offsets
            .with_untracked(|o| windowing::page_from(o, from, view, down))
    }
}

fn total(offsets: Calc<Vec<u32>>) -> u32 {
    offsets.with(|o| o.last().copied().unwrap_or(0))
}

/// The rendered rows: for each lane showing a row, the row's key and height. `offsetHeight`
/// is rounded: one pixel more, so that rows never overlap.
fn rendered(spacer: &web_sys::Element, keys: &[u32]) -> Vec<(u32, u32)> {
    let rows = spacer.children();
    (0..rows.length())
        .filter_map(|k| {
            let row: web_sys::HtmlElement = rows.item(k)?.dyn_into().ok()?;
            // The position the row shows, as the DOM says.
            let p: usize = row.get_attribute("aria-posinset")?.parse().ok()?;
            let &i = keys.get(p.wrapping_sub(1))?;
            Some((i, row.offset_height().max(0) as u32 + 1))
        })
        .collect()
}
