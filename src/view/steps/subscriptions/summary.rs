//! The summary bar (lines and licenses, always in view) and the question asked when
//! Continue is pressed with no line.

use crate::state::reactive::memo;
use leptos::prelude::*;

use crate::domain::catalog::license_count;
use crate::domain::i18n::{plural, Key};
use crate::domain::model::Step;
use crate::state::browser;
use crate::state::store::{use_draft, use_instance, use_nav, use_subs};
use crate::view::components::tr;

/// Count of lines and licenses; stays in view at the bottom while the step scrolls.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let (inst, draft, nav, subs) = (use_instance(), use_draft(), use_nav(), use_subs());
    let totals = memo(move || {
        let catalog = subs.loaded();
        draft.draft.with(|d| {
            let licenses = license_count(&d.lines, catalog.as_deref());
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
pub fn ConfirmEmpty() -> impl IntoView {
    let (inst, draft, nav, subs) = (use_instance(), use_draft(), use_nav(), use_subs());
    let id = inst.el_id("subs-confirm");
    let title_id = inst.el_id("subs-confirm-title");
    let body_id = inst.el_id("subs-confirm-body");
    // Adding a line answers the question.
    let asking = move || subs.confirming_empty.get() && draft.draft.with(|d| d.lines.is_empty());
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
