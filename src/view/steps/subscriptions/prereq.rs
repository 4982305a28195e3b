//! An add-on's prerequisite: the prompt when an add-on is chosen without one in the order,
//! and the fix on a line whose prerequisite was removed.

use std::sync::Arc;

use crate::state::reactive::{memo, Var};
use leptos::prelude::*;

use super::lines::LineCtx;
use super::{add_line, choices, Ui};
use crate::domain::catalog::{Catalog, LineError};
use crate::domain::i18n::Key;
use crate::state::browser;
use crate::state::store::Wizard;
use crate::view::components::tr;

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
    let w = Wizard::from_context();
    let ui = expect_context::<Ui>();
    let id = w.inst.el_id("prereq");
    let select_id = w.inst.el_id("prereq-choice");
    let title_id = w.inst.el_id("prereq-title");
    let picked = Var::new(0usize);
    let back_to_list = move || browser::focus_id(&w.inst.el_id("offers"));
    let cancel = move || {
        ui.pending_addon.set(None);
        back_to_list();
    };
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
                        add_line(w, ui, &cat_add, pre);
                        add_line(w, ui, &cat_add, addon);
                        let l = w.nav.locale.get_untracked();
                        ui.announce.set(Key::AnnounceAdded.fmt(l, &[
                            ("offer", &format!("{}, {}", cat_add.offer(pre).name, cat_add.offer(addon).name)),
                        ]));
                    }
                    ui.pending_addon.set(None);
                    back_to_list();
                };
                view! {
                    // Escape answers "cancel", as in Cancel's "delete everything?" question.
                    <section
                        class="cw-prereq"
                        id=id.clone()
                        tabindex="-1"
                        role="group"
                        aria-labelledby=title_id.clone()
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Escape" {
                                ev.prevent_default();
                                cancel();
                            }
                        }
                    >
                        <h2 class="cw-prereq__title" id=title_id.clone()>
                            {move || Key::PrereqTitle.fmt(w.nav.locale.get(), &[("offer", &name)])}
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
                                on:click=move |_| cancel()
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

/// On a line of an add-on whose prerequisite is no longer in the order: pick one to add.
#[component]
pub fn LinePrereqFix(id: String) -> impl IntoView {
    let w = Wizard::from_context();
    let ui = expect_context::<Ui>();
    let line = expect_context::<LineCtx>();
    let missing = memo(move || {
        line.index.get().is_some_and(|i| {
            w.subs.issues.with(|all| {
                all.iter()
                    .any(|x| x.line == i && x.error == LineError::MissingPrerequisite)
            })
        })
    });
    let picked = Var::new(0usize);
    view! {
        <Show when=move || missing.get()>
            {
                let id = id.clone();
                move || {
                    let cat = line.catalog.get()?.0;
                    let addon = cat.index_of(&line.line.get_untracked()?.offer_id)?;
                    let options = choices(&cat, addon);
                    if options.is_empty() {
                        return None;
                    }
                    let opts = options.clone();
                    let cat_add = cat.clone();
                    Some(view! {
                        <div class="cw-line__fix">
                            <PrereqSelect id=id.clone() options=options catalog=cat picked=picked />
                            <button
                                type="button"
                                class="cw-button cw-button--secondary"
                                on:click=move |_| {
                                    if let Some(&p) = opts.get(picked.get_untracked()) {
                                        add_line(w, ui, &cat_add, p);
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
    }
}
