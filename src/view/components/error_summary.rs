//! The error summary at the top of a step: focused after a failed Continue, one link per
//! problem that moves focus to the field.

use leptos::prelude::*;

use super::tr;

use crate::domain::i18n::Key;
use crate::domain::model::{FieldId, Step};
use crate::state::browser;
use crate::state::store::{field_message, use_checks, use_draft, use_instance, use_nav, use_subs};

/// The error summary's entries for a step: (id of the element to focus, message); none
/// before the step's first Continue.
pub fn use_error_links() -> impl Fn(Step) -> Vec<(String, String)> + Copy + 'static {
    let (inst, nav, checks, subs) = (use_instance(), use_nav(), use_checks(), use_subs());
    let draft = use_draft().draft;
    move |step| {
        if !nav.show_errors(step) {
            return Vec::new();
        }
        let l = nav.locale.get();
        match step {
            Step::Subscriptions => subs.error_links(&inst.id.get_value(), draft, l),
            Step::Account => {
                let mut links: Vec<(String, String)> = checks.account_issues.with(|issues| {
                    issues
                        .iter()
                        .map(|i| (inst.field_id(i.field), field_message(&i.error, l, draft)))
                        .collect()
                });
                // What Partner Center refused without a field to point at, while the account
                // info is as it was: linked to the first field (the whole form is to be
                // checked). It does not block Continue: the user may find nothing to change
                // and submit again.
                let first = inst.field_id(FieldId::Country);
                checks.refused.with(|r| {
                    let Some((account, props)) = r else { return };
                    if !draft.with(|d| d.account == *account) {
                        return;
                    }
                    if props.is_empty() {
                        links.push((first.clone(), Key::ErrAccountRefused.text(l).into()));
                    }
                    for p in props {
                        links.push((
                            first.clone(),
                            Key::ErrPropertyRefused.fmt(l, &[("property", p)]),
                        ));
                    }
                });
                links
            }
            Step::Review | Step::Done => Vec::new(),
        }
    }
}

#[component]
pub fn ErrorSummary(step: Step) -> impl IntoView {
    let inst = use_instance();
    let id = inst.el_id("error-summary");
    let title_id = inst.el_id("error-summary-title");
    let error_links = use_error_links();
    let issues = move || error_links(step);
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
