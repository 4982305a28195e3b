//! The wizard shell: header, stepper, the current step, Back / Continue.

use leptos::prelude::*;

use crate::browser;
use crate::components::{step_heading_id, step_title, Stepper};
use crate::config::Routing;
use crate::i18n::{Key, Locale};
use crate::messages;
use crate::model::Step;
use crate::steps::{AccountStep, DoneStep, ReviewStep, SubscriptionsStep};
use crate::store::{use_wizard, Wizard};

#[component]
pub fn App(wizard: Wizard) -> impl IntoView {
    provide_context(wizard);
    let w = wizard;

    // Step changes move focus to the new step's heading (not on first load: an embedded
    // wizard must not steal focus from the host page).
    Effect::new(move |prev: Option<Step>| {
        let step = w.step.get();
        if prev.is_some_and(|p| p != step) {
            let id = step_heading_id(&w);
            request_animation_frame(move || browser::focus_id(&id));
        }
        step
    });
    // The title names the step, with "Error: " while the step shows errors.
    Effect::new(move |_| {
        let step = w.step.get();
        let l = w.locale.get();
        let failing = !w.error_links(step).is_empty();
        browser::set_title(&format!(
            "{}{} – {}",
            if failing {
                Key::ErrorTitlePrefix.text(l)
            } else {
                ""
            },
            step_title(step).text(l),
            Key::AppTitle.text(l)
        ));
    });
    // Standalone: the browser's Back and Forward move between steps.
    if w.config.with_value(|c| c.routing) == Routing::Hash {
        let initial = browser::location_hash();
        w.follow_url(initial.trim_start_matches('#'));
        browser::push_hash(w.step.get_untracked().slug(), true);
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            w.follow_url(browser::location_hash().trim_start_matches('#'));
        });
        on_cleanup(move || handle.remove());
    }

    let may_add = move || {
        w.profile
            .get()
            .and_then(Result::ok)
            .is_none_or(|p| p.may_add_customers())
    };

    view! {
        <div class="cw-root" lang=move || w.locale.get().tag()>
            <header class="cw-header">
                <p class="cw-header__title">{move || w.t(Key::AppTitle)}</p>
                <LanguageSwitch />
            </header>
            <Show when=move || w.api.with_value(|a| a.is_demo())>
                <p class="cw-demo-banner">{move || w.t(Key::DemoBanner)}</p>
            </Show>
            <Show when=move || w.restored.get()>
                <div class="cw-notice" role="status">
                    <p>{move || w.t(Key::DraftRestored)}</p>
                    <button type="button" class="cw-link-button" on:click=move |_| w.discard_draft()>
                        {move || w.t(Key::DiscardDraft)}
                    </button>
                </div>
            </Show>
            <Show when=move || matches!(w.profile.get(), Some(Err(_)))>
                <div class="cw-notice cw-notice--error" role="alert">
                    <p>
                        {move || {
                            let l = w.locale.get();
                            w.profile
                                .get()
                                .and_then(|r| r.err())
                                .map(|e| {
                                    format!(
                                        "{} {}",
                                        Key::ApiLoadFailed.fmt(l, &[("what", Key::WhatProfile.text(l))]),
                                        messages::api_error(&e, l),
                                    )
                                })
                        }}
                    </p>
                    <button type="button" class="cw-button" on:click=move |_| w.profile.refetch()>
                        {move || w.t(Key::Retry)}
                    </button>
                </div>
            </Show>
            <Show when=may_add fallback=move || view! { <NoRole /> }>
                <Stepper />
                <WizardForm />
            </Show>
        </div>
    }
}

#[component]
fn NoRole() -> impl IntoView {
    let w = use_wizard();
    view! {
        <h1 class="cw-heading" id=step_heading_id(&w) tabindex="-1">{move || w.t(Key::NoRoleTitle)}</h1>
        <p class="cw-lead">{move || w.t(Key::NoRoleBody)}</p>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let w = use_wizard();
    let id = w.el_id("language");
    view! {
        <div class="cw-language">
            <label for=id.clone() class="cw-language__label">{move || w.t(Key::LanguageLabel)}</label>
            <select
                id=id
                class="cw-select cw-select--compact"
                prop:value=move || w.locale.get().tag()
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        w.locale.set(l);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.endonym()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The current step inside one `<form novalidate>` so that Enter submits the step.
#[component]
fn WizardForm() -> impl IntoView {
    let w = use_wizard();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let step = w.step.get_untracked();
        if step == Step::Review {
            // Submitting arrives with the submit work; until then Done says nothing was sent.
            w.submitted.set(true);
            w.go(Step::Done);
            return;
        }
        if !w.continue_from(step) {
            let id = w.blocked_focus_id();
            request_animation_frame(move || browser::focus_id(&id));
        }
    };
    let primary = move || match w.step.get() {
        Step::Account => Key::NextSubscriptions,
        Step::Subscriptions => Key::NextReview,
        _ => Key::CreateCustomer,
    };
    view! {
        <form class="cw-form" novalidate on:submit=on_submit>
            <div class="cw-step">
                {move || match w.step.get() {
                    Step::Account => view! { <AccountStep /> }.into_any(),
                    Step::Subscriptions => view! { <SubscriptionsStep /> }.into_any(),
                    Step::Review => view! { <ReviewStep /> }.into_any(),
                    Step::Done => view! { <DoneStep /> }.into_any(),
                }}
            </div>
            <Show when=move || w.step.get() != Step::Done>
                <div class="cw-nav">
                    <button type="submit" class="cw-button">{move || w.t(primary())}</button>
                    <Show when=move || w.step.get().prev().is_some()>
                        <button
                            type="button"
                            class="cw-button cw-button--secondary"
                            on:click=move |_| w.back_from(w.step.get_untracked())
                        >
                            {move || w.t(Key::Back)}
                        </button>
                    </Show>
                </div>
            </Show>
        </form>
    }
}
