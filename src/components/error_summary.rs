//! The error summary at the top of a step: focused after a failed Continue, one link per
//! problem that moves focus to the field.

use leptos::prelude::*;

use super::tr;

use crate::browser;
use crate::i18n::Key;
use crate::model::Step;
use crate::store::use_wizard;

#[component]
pub fn ErrorSummary(step: Step) -> impl IntoView {
    let w = use_wizard();
    let id = w.el_id("error-summary");
    let title_id = w.el_id("error-summary-title");
    let issues = move || w.error_links(step);
    view! {
        <Show when=move || !issues().is_empty()>
            <div
                class="cw-error-summary"
                id=id.clone()
                tabindex="-1"
                role="alert"
                aria-labelledby=title_id.clone()
            >
                <h2 class="cw-error-summary__title" id=title_id.clone()>
                    {tr(Key::ErrorSummaryTitle)}
                </h2>
                <ul class="cw-error-summary__list">
                    {move || {
                        issues()
                            .into_iter()
                            .map(|(target, message)| {
                                let href = format!("#{target}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                // Focus the field without changing the URL (the
                                                // hash is the step in standalone mode).
                                                ev.prevent_default();
                                                browser::focus_id(&target);
                                            }
                                        >
                                            {message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
