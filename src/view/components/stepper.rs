//! "Step N of 3" and the list of steps.

use leptos::prelude::*;

use super::{tr, tx};
use crate::domain::i18n::Key;
use crate::domain::model::Step;
use crate::state::store::use_nav;

pub fn step_title(step: Step) -> Key {
    match step {
        Step::Account => Key::StepAccount,
        Step::Subscriptions => Key::StepSubscriptions,
        Step::Review => Key::StepReview,
        Step::Done => Key::StepDone,
    }
}

#[component]
pub fn Stepper() -> impl IntoView {
    let nav = use_nav();
    let current = nav.step;
    view! {
        <nav class="cw-stepper" aria-label=tx(Key::StepsNav)>
            <p class="cw-stepper__count">
                {move || {
                    current
                        .get()
                        .number()
                        .map(|n| {
                            Key::StepOf
                                .fmt(nav.locale.get(), &[("n", &n.to_string()), ("total", "3")])
                        })
                }}
            </p>
            <ol class="cw-stepper__list">
                {Step::COUNTED
                    .into_iter()
                    .map(|s| {
                        let state = move || {
                            let c = current.get();
                            if c == s {
                                "current"
                            } else if c > s {
                                "complete"
                            } else {
                                "upcoming"
                            }
                        };
                        view! {
                            <li
                                class="cw-stepper__item"
                                data-state=state
                                aria-current=move || (current.get() == s).then_some("step")
                            >
                                <span class="cw-stepper__num" aria-hidden="true">
                                    {s.number().unwrap_or_default()}
                                </span>
                                <span class="cw-stepper__label">{tr(step_title(s))}</span>
                                <span class="cw-visually-hidden">
                                    {move || match state() {
                                        "complete" => format!(" ({})", nav.t(Key::StepCompleted)),
                                        _ => String::new(),
                                    }}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
