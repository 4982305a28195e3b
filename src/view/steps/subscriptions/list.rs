//! The offer list: a listbox that renders only the rows in view (the windowing is
//! [`use_windowed_list`]'s; the rows are [`Row`]s). Keyboard: Up/Down/Home/End/PageUp/PageDown
//! move the active option (`aria-activedescendant`), Enter or Space adds or removes it.

use std::sync::Arc;

use crate::state::reactive::{memo, Calc};
use leptos::prelude::*;

use super::row::Row;
use super::{toggle_offer, Ui};
use crate::domain::catalog::{Catalog, SearchResult};
use crate::domain::i18n::Key;
use crate::state::store::Wizard;
use crate::state::use_windowed_list::{use_windowed_list, UseWindowedListOptions};
use crate::view::components::tr;

#[component]
pub fn OfferList(catalog: Arc<Catalog>, results: Calc<SearchResult>) -> impl IntoView {
    let w = Wizard::from_context();
    let ui = expect_context::<Ui>();
    let list = use_windowed_list(UseWindowedListOptions::new(results, catalog.offers().len()));
    // The chosen offers' catalog indices, sorted (a row looks its offer up by binary search).
    let chosen = {
        let cat = catalog.clone();
        memo(move || {
            let mut v: Vec<u32> = w.draft.draft.with(|d| {
                d.lines
                    .iter()
                    .filter_map(|l| cat.index_of(&l.offer_id))
                    .collect()
            });
            v.sort_unstable();
            v
        })
    };
    let prefix = w.inst.el_id("offer");
    let toggle_at = {
        let cat = catalog.clone();
        move |p: usize| {
            if let Some(i) = results.with_untracked(|r| r.indices.get(p).copied()) {
                toggle_offer(w, ui, &cat, i);
            }
        }
    };
    // Shared by every row (an `Arc`, not leptos's `Callback`: no arena slot of its own type).
    let on_pick: Arc<dyn Fn(usize) + Send + Sync> = Arc::new({
        let toggle_at = toggle_at.clone();
        move |p: usize| toggle_at(p)
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = list.count.get_untracked();
        if n == 0 {
            return;
        }
        let a = list.active.get_untracked().min(n - 1);
        let next = match ev.key().as_str() {
            "ArrowDown" => (a + 1).min(n - 1),
            "ArrowUp" => a.saturating_sub(1),
            "Home" => 0,
            "End" => n - 1,
            // A page: the row one view height below (above) the active row's top.
            "PageDown" => list.page_from(a, true).max(a + 1).min(n - 1),
            "PageUp" => list.page_from(a, false).min(a.saturating_sub(1)),
            "Enter" | " " => {
                ev.prevent_default();
                toggle_at(a);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        list.active.set(next);
        list.reveal(next);
    };

    let label_id = w.inst.el_id("offers-label");
    let hint_id = w.inst.el_id("offers-hint");
    let activedescendant = {
        let prefix = prefix.clone();
        move || {
            let n = list.count.get();
            (n > 0).then(|| format!("{prefix}-{}", list.active.get().min(n - 1)))
        }
    };
    view! {
        <p class="cw-label" id=label_id.clone()>{tr(Key::OfferListLabel)}</p>
        <p class="cw-hint" id=hint_id.clone()>{tr(Key::OfferListHint)}</p>
        <div
            class="cw-offers"
            node_ref=list.viewport
            id=w.inst.el_id("offers")
            role="listbox"
            tabindex="0"
            aria-multiselectable="true"
            aria-labelledby=label_id
            aria-describedby=hint_id
            aria-activedescendant=activedescendant
            style:max-height=move || format!("{}px", list.max_height.get())
            on:scroll=move |_| list.on_scroll()
            on:keydown=on_key
        >
            <div
                class="cw-offers__spacer"
                node_ref=list.spacer
                style:height=move || format!("{}px", list.total_height())
            >
                <For each=move || 0..list.lanes.get() key=|s| *s let:lane>
                    <Row
                        lane=lane
                        list=list
                        catalog=catalog.clone()
                        results=results
                        chosen=chosen
                        option_prefix=prefix.clone()
                        on_pick=on_pick.clone()
                    />
                </For>
            </div>
        </div>
    }
}
