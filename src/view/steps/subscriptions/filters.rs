//! Once the catalog is here: the search box, the category and sort filters, the count of
//! matching offers (said by the live region once typing pauses), and the offer list.

use std::sync::Arc;

use crate::state::reactive::{effect, memo, Calc, Debounced, Keep, Var};
use leptos::prelude::*;

use super::list::OfferList;
use super::prereq::PrereqPrompt;
use super::Ui;
use crate::domain::catalog::{Catalog, Category, Query, Recent, SearchResult, Sort};
use crate::domain::i18n::{plural, Key, Locale};
use crate::state::browser;
use crate::state::store::{use_instance, use_nav};
use crate::view::components::tr;

/// Search, filters and the list, once the catalog is here.
#[component]
pub fn Loaded(catalog: Arc<Catalog>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let cat = catalog.clone();
    // The matching offers as catalog indices. A keystroke that only narrows the query filters
    // the previous result instead of the whole catalog; one that erases goes back to a
    // recent result.
    let recent = Keep::new(Recent::default());
    let results = Calc::new(move |prev: Option<&SearchResult>| {
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
    view! {
        <div class="cw-offers__filters">
            <SearchBox />
            <CategorySelect categories=catalog.categories().to_vec() />
            <SortSelect />
        </div>
        <MatchCount count=count />
        <PrereqPrompt catalog=catalog.clone() />
        <OfferList catalog=catalog results=results />
    }
}

/// The search box; Down moves to the list, Enter does not submit the step.
#[component]
fn SearchBox() -> impl IntoView {
    let inst = use_instance();
    let ui = expect_context::<Ui>();
    let search_id = inst.el_id("offer-search");
    let hint_id = inst.el_id("offer-search-hint");
    let listbox_id = inst.el_id("offers");
    let on_key = {
        let listbox_id = listbox_id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "ArrowDown" {
                ev.prevent_default();
                browser::focus_id(&listbox_id);
            }
        }
    };
    view! {
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
                aria-controls=listbox_id
                prop:value=move || ui.query.get()
                on:input=move |ev| ui.query.set(event_target_value(&ev))
                on:keydown=on_key
                on:keypress=|ev: leptos::ev::KeyboardEvent| {
                    // Enter in the search box must not submit the step.
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
            />
        </div>
    }
}

/// The category filter, with each category's number of offers.
#[component]
fn CategorySelect(categories: Vec<Category>) -> impl IntoView {
    let inst = use_instance();
    let ui = expect_context::<Ui>();
    let id = inst.el_id("offer-category");
    view! {
        <div class="cw-field">
            <label class="cw-label" for=id.clone()>{tr(Key::CategoryLabel)}</label>
            <select
                class="cw-select"
                id=id
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
    }
}

/// The order of the list: by name, A to Z or Z to A.
#[component]
fn SortSelect() -> impl IntoView {
    let inst = use_instance();
    let ui = expect_context::<Ui>();
    let id = inst.el_id("offer-sort");
    view! {
        <div class="cw-field">
            <label class="cw-label" for=id.clone()>{tr(Key::SortLabel)}</label>
            <select
                class="cw-select"
                id=id
                on:change=move |ev| {
                    ui.sort.set(if event_target_value(&ev) == "desc" { Sort::NameDesc } else { Sort::NameAsc })
                }
            >
                <option value="asc" selected=move || ui.sort.get() == Sort::NameAsc>{tr(Key::SortNameAsc)}</option>
                <option value="desc" selected=move || ui.sort.get() == Sort::NameDesc>{tr(Key::SortNameDesc)}</option>
            </select>
        </div>
    }
}

/// "N offers match": shown at once, said by the polite live region only once typing pauses.
#[component]
fn MatchCount(count: Calc<usize>) -> impl IntoView {
    let (inst, nav) = (use_instance(), use_nav());
    let spoken = Var::new(String::new());
    let speak = Debounced::new(700, move |text: String| spoken.set(text));
    effect(move |first| {
        let text = match_text(nav.locale.get(), count.get());
        if !first {
            speak.call(text);
        }
    });
    view! {
        <p class="cw-offers__count" id=inst.el_id("offer-count")>
            {move || match_text(nav.locale.get(), count.get())}
        </p>
        <div class="cw-visually-hidden" role="status" aria-live="polite">{move || spoken.get()}</div>
    }
}

fn match_text(l: Locale, n: usize) -> String {
    if n == 0 {
        Key::OffersMatchNone.text(l).to_string()
    } else {
        plural(l, n, Key::OffersMatchOne, Key::OffersMatchOther)
    }
}
