//! The Account info step's live checks: domain availability (debounced) with the
//! "request a relationship" path for existing customers, and the address check with
//! one-click suggestions.

use crate::reactive::{derive, effect, memo, Debounced, Keep, Var};
use leptos::prelude::*;

use send_wrapper::SendWrapper;

use crate::api::Cancel;
use crate::components::{tr, CopyButton};
use crate::i18n::Key;
use crate::model::Address;
use crate::store::{use_wizard, AddressState, DomainState, Wizard};
use crate::validate;

const DOMAIN_DEBOUNCE_MS: u64 = 400;

/// Watches the domain prefix and checks it once the user pauses typing. Runs while the
/// Account step is mounted; leaving the step cancels a pending or in-flight check.
pub fn watch_domain(w: Wizard) {
    let prefix = memo(move || {
        w.draft
            .with(|d| d.account.domain_prefix.trim().to_ascii_lowercase())
    });
    let cancel = Keep::new(SendWrapper::new(Cancel::default()));
    // Leaving the step drops a pending check (the debounce's own cleanup).
    let check = Debounced::new(DOMAIN_DEBOUNCE_MS, move |p: String| {
        let c = Cancel::default();
        cancel.set_value(SendWrapper::new(c.clone()));
        let api = w.api.get_value();
        leptos::task::spawn_local(async move {
            let state = match api.domain_taken(&p, Some(&c)).await {
                Ok(true) => DomainState::Taken,
                Ok(false) => DomainState::Free,
                Err(crate::api::ApiError::Aborted) => return,
                Err(_) => DomainState::Unknown,
            };
            // Only if the user has not typed something else meanwhile.
            if w.draft
                .with_untracked(|d| d.account.domain_prefix.trim().to_ascii_lowercase())
                == p
            {
                w.domain.set(Some((p, state)));
            }
        });
    });
    effect(move |_| {
        let p = prefix.get();
        check.cancel();
        cancel.with_value(|c| c.cancel());
        if validate::domain_prefix(&p).is_err() {
            w.domain.set(None);
            return;
        }
        if w.domain
            .with_untracked(|d| matches!(d, Some((q, s)) if *q == p && *s != DomainState::Unknown))
        {
            return;
        }
        w.domain.set(Some((p.clone(), DomainState::Checking)));
        check.call(p);
    });
    on_cleanup(move || {
        cancel.try_with_value(|c| c.cancel());
    });
}

/// The polite status line under the domain field.
#[component]
pub fn DomainStatus() -> impl IntoView {
    let w = use_wizard();
    let text = move || {
        let l = w.locale.get();
        w.domain.get().map(|(p, s)| {
            let domain = format!("{p}.onmicrosoft.com");
            let args = [("domain", domain.as_str())];
            match s {
                DomainState::Checking => Key::DomainChecking.fmt(l, &args),
                DomainState::Free => Key::DomainFree.fmt(l, &args),
                DomainState::Taken => Key::DomainTakenStatus.fmt(l, &args),
                DomainState::Unknown => Key::DomainUnknown.text(l).to_string(),
            }
        })
    };
    let state = move || match w.domain.get() {
        Some((_, DomainState::Free)) => "free",
        Some((_, DomainState::Taken)) => "taken",
        Some((_, DomainState::Checking)) => "checking",
        Some((_, DomainState::Unknown)) => "unknown",
        None => "",
    };
    view! {
        <p class="cw-domain-status" id=w.el_id("domain-status") data-state=state role="status" aria-live="polite">
            {text}
        </p>
        <Show when=move || matches!(w.domain.get(), Some((_, DomainState::Taken)))>
            <RelationshipRequest />
        </Show>
    }
}

/// The path for an existing customer: the invitation link, with copy buttons and an email text.
#[component]
fn RelationshipRequest() -> impl IntoView {
    let w = use_wizard();
    let url = Var::new(None::<Result<String, crate::api::ApiError>>);
    let fetch = move |_| {
        let api = w.api.get_value();
        leptos::task::spawn_local(async move {
            url.set(Some(api.relationship_request_url().await));
        });
    };
    let link = derive(move || url.get().and_then(Result::ok).unwrap_or_default());
    let email =
        derive(move || Key::RelationshipEmailText.fmt(w.locale.get(), &[("url", &link.get())]));
    view! {
        <div class="cw-panel" id=w.el_id("relationship")>
            <h2 class="cw-panel__title">{tr(Key::RelationshipTitle)}</h2>
            <p>{tr(Key::RelationshipBody)}</p>
            <Show
                when=move || matches!(url.get(), Some(Ok(_)))
                fallback=move || view! {
                    <button type="button" class="cw-button cw-button--secondary" on:click=fetch>
                        {tr(Key::RelationshipGet)}
                    </button>
                    {move || url.get().and_then(|r| r.err()).map(|e| view! {
                        <p class="cw-error-message" role="alert">{crate::messages::api_error(&e, w.locale.get())}</p>
                    })}
                }
            >
                <label class="cw-label" for=w.el_id("relationship-link")>{tr(Key::RelationshipLink)}</label>
                <input class="cw-input" id=w.el_id("relationship-link") readonly prop:value=move || link.get() />
                <CopyButton label=Key::CopyLink text=link />
                <label class="cw-label" for=w.el_id("relationship-email")>{tr(Key::RelationshipEmail)}</label>
                <textarea class="cw-textarea" id=w.el_id("relationship-email") readonly rows="7" prop:value=move || email.get()></textarea>
                <CopyButton label=Key::CopyEmail text=email />
            </Show>
        </div>
    }
}

/// Checks the address before leaving Account info. Returns true when the user may go on now
/// (verified or kept before, or the check failed); false while checking or when suggestions
/// are shown.
pub fn address_gate(w: Wizard) -> bool {
    let current: Address = w.draft.with_untracked(|d| d.account.address());
    match w.address.get_untracked() {
        Some((a, AddressState::Confirmed | AddressState::Failed)) if a == current => return true,
        Some((a, AddressState::Checking)) if a == current => return false,
        _ => {}
    }
    w.address
        .set(Some((current.clone(), AddressState::Checking)));
    let api = w.api.get_value();
    leptos::task::spawn_local(async move {
        let state = match api.validate_address(&current, None).await {
            Ok(check) if check.suggestions.iter().any(|s| *s != current) => {
                AddressState::Suggest(check)
            }
            Ok(_) => AddressState::Confirmed,
            Err(_) => AddressState::Failed,
        };
        let still = w.draft.with_untracked(|d| d.account.address()) == current;
        if !still {
            return;
        }
        let go_on = state == AddressState::Confirmed;
        w.address.set(Some((current, state)));
        if go_on {
            w.continue_from(crate::model::Step::Account);
        } else {
            let id = w.el_id("address-check");
            request_animation_frame(move || crate::browser::focus_id(&id));
        }
    });
    false
}

fn one_line(a: &Address) -> String {
    [
        &a.line1,
        &a.line2,
        &a.city,
        &a.state,
        &a.postal_code,
        &a.country,
    ]
    .iter()
    .map(|s| s.trim())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// The address check's outcome: checking, suggestions to accept with one click, or failure.
#[component]
pub fn AddressCheckPanel() -> impl IntoView {
    let w = use_wizard();
    let current = memo(move || w.draft.with(|d| d.account.address()));
    let state = move || {
        w.address
            .get()
            .filter(|(a, _)| *a == current.get())
            .map(|(_, s)| s)
    };
    view! {
        {move || match state() {
            Some(AddressState::Checking) => view! {
                <p class="cw-status" role="status" aria-live="polite">{w.t(Key::AddressChecking)}</p>
            }.into_any(),
            Some(AddressState::Failed) => view! {
                <div class="cw-panel" id=w.el_id("address-check") tabindex="-1" role="status">
                    <p>{w.t(Key::AddressCheckFailed)}</p>
                </div>
            }.into_any(),
            Some(AddressState::Suggest(check)) => {
                let entered = one_line(&current.get_untracked());
                view! {
                    <div class="cw-panel cw-panel--attention" id=w.el_id("address-check") tabindex="-1" role="group"
                        aria-labelledby=w.el_id("address-check-title")>
                        <h2 class="cw-panel__title" id=w.el_id("address-check-title")>{w.t(Key::AddressSuggestTitle)}</h2>
                        <p>{w.t(Key::AddressSuggestBody)}</p>
                        {check.message.clone().map(|m| view! { <p class="cw-hint">{m}</p> })}
                        {check.suggestions.into_iter().map(|s| {
                            let text = one_line(&s);
                            view! {
                                <div class="cw-suggestion">
                                    <p><strong>{w.t(Key::AddressSuggested)}": "</strong>{text}</p>
                                    <button type="button" class="cw-button" on:click=move |_| {
                                        w.draft.update(|d| d.account.set_address(&s));
                                        let accepted = w.draft.with_untracked(|d| d.account.address());
                                        w.address.set(Some((accepted, AddressState::Confirmed)));
                                        w.continue_from(crate::model::Step::Account);
                                    }>{w.t(Key::AddressUseSuggested)}</button>
                                </div>
                            }
                        }).collect_view()}
                        <div class="cw-suggestion">
                            <p><strong>{w.t(Key::AddressEntered)}": "</strong>{entered}</p>
                            <button type="button" class="cw-button cw-button--secondary" on:click=move |_| {
                                w.address.set(Some((current.get_untracked(), AddressState::Confirmed)));
                                w.continue_from(crate::model::Step::Account);
                            }>{w.t(Key::AddressKeep)}</button>
                        </div>
                    </div>
                }.into_any()
            }
            _ => ().into_any(),
        }}
    }
}
