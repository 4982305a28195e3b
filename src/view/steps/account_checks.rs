//! The Account info step's live checks: domain availability (debounced) with the
//! "request a relationship" path for existing customers, and the address check with
//! one-click suggestions.

use crate::state::reactive::{derive, effect, memo, Debounced, Keep, Var};
use leptos::prelude::*;

use send_wrapper::SendWrapper;

use crate::api::Cancel;
use crate::domain::i18n::Key;
use crate::domain::model::{Address, Draft, Step};
use crate::domain::validate;
use crate::state::store::{
    use_checks, use_draft, use_instance, use_nav, use_subs, AddressState, DomainState, Instance,
    Wizard,
};
use crate::view::components::{tr, CopyButton};

const DOMAIN_DEBOUNCE_MS: u64 = 400;

/// Watches the domain prefix and checks it once the user pauses typing. Runs while the
/// Account step is mounted; leaving the step cancels a pending or in-flight check.
pub fn watch_domain(inst: Instance, draft: Var<Draft>, domain: Var<Option<(String, DomainState)>>) {
    let prefix = memo(move || draft.with(|d| d.account.domain_prefix.trim().to_ascii_lowercase()));
    let cancel = Keep::new(SendWrapper::new(Cancel::default()));
    // Leaving the step drops a pending check (the debounce's own cleanup).
    let check = Debounced::new(DOMAIN_DEBOUNCE_MS, move |p: String| {
        let c = Cancel::default();
        cancel.set_value(SendWrapper::new(c.clone()));
        let api = inst.api.get_value();
        leptos::task::spawn_local(async move {
            let state = match api.domain_taken(&p, Some(&c)).await {
                Ok(true) => DomainState::Taken,
                Ok(false) => DomainState::Free,
                Err(crate::api::ApiError::Aborted) => return,
                Err(_) => DomainState::Unknown,
            };
            // Only if the user has not typed something else meanwhile.
            if draft.with_untracked(|d| d.account.domain_prefix.trim().to_ascii_lowercase()) == p {
                domain.set(Some((p, state)));
            }
        });
    });
    effect(move |_| {
        let p = prefix.get();
        check.cancel();
        cancel.with_value(|c| c.cancel());
        if validate::domain_prefix(&p).is_err() {
            domain.set(None);
            return;
        }
        if domain
            .with_untracked(|d| matches!(d, Some((q, s)) if *q == p && *s != DomainState::Unknown))
        {
            return;
        }
        domain.set(Some((p.clone(), DomainState::Checking)));
        check.call(p);
    });
    on_cleanup(move || {
        cancel.try_with_value(|c| c.cancel());
    });
}

/// The polite status line under the domain field.
#[component]
pub fn DomainStatus() -> impl IntoView {
    let (inst, nav, domain) = (use_instance(), use_nav(), use_checks().domain);
    let text = move || {
        let l = nav.locale.get();
        domain.get().map(|(p, s)| {
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
    let state = move || match domain.get() {
        Some((_, DomainState::Free)) => "free",
        Some((_, DomainState::Taken)) => "taken",
        Some((_, DomainState::Checking)) => "checking",
        Some((_, DomainState::Unknown)) => "unknown",
        None => "",
    };
    view! {
        <p class="cw-domain-status" id=inst.el_id("domain-status") data-state=state role="status" aria-live="polite">
            {text}
        </p>
        <Show when=move || matches!(domain.get(), Some((_, DomainState::Taken)))>
            <RelationshipRequest />
        </Show>
    }
}

/// The path for an existing customer: the invitation link, with copy buttons and an email text.
#[component]
fn RelationshipRequest() -> impl IntoView {
    let (inst, nav) = (use_instance(), use_nav());
    let url = Var::new(None::<Result<String, crate::api::ApiError>>);
    let fetch = move |_| {
        let api = inst.api.get_value();
        leptos::task::spawn_local(async move {
            url.set(Some(api.relationship_request_url().await));
        });
    };
    let link = derive(move || url.get().and_then(Result::ok).unwrap_or_default());
    let email =
        derive(move || Key::RelationshipEmailText.fmt(nav.locale.get(), &[("url", &link.get())]));
    view! {
        <div class="cw-panel" id=inst.el_id("relationship")>
            <h2 class="cw-panel__title">{tr(Key::RelationshipTitle)}</h2>
            <p>{tr(Key::RelationshipBody)}</p>
            <Show
                when=move || matches!(url.get(), Some(Ok(_)))
                fallback=move || view! {
                    <button type="button" class="cw-button cw-button--secondary" on:click=fetch>
                        {tr(Key::RelationshipGet)}
                    </button>
                    {move || url.get().and_then(|r| r.err()).map(|e| view! {
                        <p class="cw-error-message" role="alert">{crate::domain::messages::api_error(&e, nav.locale.get())}</p>
                    })}
                }
            >
                <label class="cw-label" for=inst.el_id("relationship-link")>{tr(Key::RelationshipLink)}</label>
                <input class="cw-input" id=inst.el_id("relationship-link") readonly prop:value=move || link.get() />
                <CopyButton label=Key::CopyLink text=link />
                <label class="cw-label" for=inst.el_id("relationship-email")>{tr(Key::RelationshipEmail)}</label>
                <textarea class="cw-textarea" id=inst.el_id("relationship-email") readonly rows="7" prop:value=move || email.get()></textarea>
                <CopyButton label=Key::CopyEmail text=email />
            </Show>
        </div>
    }
}

/// Checks the address before leaving Account info. Returns true when the user may go on now
/// (verified or kept before, or the check failed); false while checking or when suggestions
/// are shown.
pub fn address_gate(w: Wizard) -> bool {
    let (draft, address) = (w.draft.draft, w.checks.address);
    let current: Address = draft.with_untracked(|d| d.account.address());
    match address.get_untracked() {
        Some((a, AddressState::Confirmed | AddressState::Failed)) if a == current => return true,
        Some((a, AddressState::Checking)) if a == current => return false,
        _ => {}
    }
    address.set(Some((current.clone(), AddressState::Checking)));
    let api = w.inst.api.get_value();
    leptos::task::spawn_local(async move {
        let state = match api.validate_address(&current, None).await {
            Ok(check) if check.suggestions.iter().any(|s| *s != current) => {
                AddressState::Suggest(check)
            }
            Ok(_) => AddressState::Confirmed,
            Err(_) => AddressState::Failed,
        };
        let still = draft.with_untracked(|d| d.account.address()) == current;
        if !still {
            return;
        }
        let go_on = state == AddressState::Confirmed;
        address.set(Some((current, state)));
        if go_on {
            w.nav
                .continue_from(Step::Account, &w.checks, &w.subs, draft);
        } else {
            let id = w.inst.el_id("address-check");
            request_animation_frame(move || crate::state::browser::focus_id(&id));
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
    let (inst, nav, checks, subs) = (use_instance(), use_nav(), use_checks(), use_subs());
    let (draft, address) = (use_draft().draft, checks.address);
    // A kept or accepted address is confirmed: Continue goes on at once.
    let confirm = move |a: Address| {
        address.set(Some((a, AddressState::Confirmed)));
        nav.continue_from(Step::Account, &checks, &subs, draft);
    };
    let current = memo(move || draft.with(|d| d.account.address()));
    let state = move || {
        address
            .get()
            .filter(|(a, _)| *a == current.get())
            .map(|(_, s)| s)
    };
    view! {
        {move || match state() {
            Some(AddressState::Checking) => view! {
                <p class="cw-status" role="status" aria-live="polite">{nav.t(Key::AddressChecking)}</p>
            }.into_any(),
            Some(AddressState::Failed) => view! {
                <div class="cw-panel" id=inst.el_id("address-check") tabindex="-1" role="status">
                    <p>{nav.t(Key::AddressCheckFailed)}</p>
                </div>
            }.into_any(),
            Some(AddressState::Suggest(check)) => {
                let entered = one_line(&current.get_untracked());
                view! {
                    <div class="cw-panel cw-panel--attention" id=inst.el_id("address-check") tabindex="-1" role="group"
                        aria-labelledby=inst.el_id("address-check-title")>
                        <h2 class="cw-panel__title" id=inst.el_id("address-check-title")>{nav.t(Key::AddressSuggestTitle)}</h2>
                        <p>{nav.t(Key::AddressSuggestBody)}</p>
                        {check.message.clone().map(|m| view! { <p class="cw-hint">{m}</p> })}
                        {check.suggestions.into_iter().map(|s| {
                            let text = one_line(&s);
                            view! {
                                <div class="cw-suggestion">
                                    <p><strong>{nav.t(Key::AddressSuggested)}": "</strong>{text}</p>
                                    <button type="button" class="cw-button" on:click=move |_| {
                                        draft.update(|d| d.account.set_address(&s));
                                        confirm(draft.with_untracked(|d| d.account.address()));
                                    }>{nav.t(Key::AddressUseSuggested)}</button>
                                </div>
                            }
                        }).collect_view()}
                        <div class="cw-suggestion">
                            <p><strong>{nav.t(Key::AddressEntered)}": "</strong>{entered}</p>
                            <button type="button" class="cw-button cw-button--secondary" on:click=move |_| {
                                confirm(current.get_untracked());
                            }>{nav.t(Key::AddressKeep)}</button>
                        </div>
                    </div>
                }.into_any()
            }
            _ => ().into_any(),
        }}
    }
}
