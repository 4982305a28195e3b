//! Step 3: Review. Every answer as a summary list per section, an "Update" control per
//! section that returns here after Continue, and the submit button that names its action.

use leptos::prelude::*;

use crate::state::reactive::{derive, memo, Derived};

use crate::view::components::{tr, tx, wrap_at_dots};

use super::review_lines::SubscriptionsCard;
use super::submitting::SubmitProgress;
use super::StepHeading;
use crate::domain::i18n::Key;
use crate::domain::model::{Account, AgreementChoice, FieldId, PartnerType, Step};
use crate::state::browser;
use crate::state::store::{use_checks, use_draft, use_instance, use_nav, use_submit, NavState};

/// One answer. `address`: a domain or an email address, wrapped at its dots on a phone.
#[component]
pub(super) fn Row(
    label: Key,
    #[prop(into)] value: Derived<String>,
    #[prop(optional)] address: bool,
) -> impl IntoView {
    let nav = use_nav();
    view! {
        <div class="cw-summary-list__row">
            <dt class="cw-summary-list__key">{tr(label)}</dt>
            <dd class="cw-summary-list__value">
                {move || {
                    let v = value.get();
                    if v.trim().is_empty() {
                        wrap_at_dots(nav.t(Key::NotProvided), false)
                    } else {
                        wrap_at_dots(&v, address)
                    }
                }}
            </dd>
        </div>
    }
}

/// A section with its "Update" control. Its accessible name says what is updated ("Update
/// agreement"), as one phrase per language: Turkish puts the verb last ("Sözleşmeyi
/// güncelle"), so a hidden suffix after the visible "Update" cannot be translated. `focus`
/// is the element that the control lands on (the step's heading when `None`).
#[component]
pub(super) fn Section(
    title: Key,
    name: Key,
    target: Step,
    #[prop(optional)] focus: Option<String>,
    /// What the created customer already holds (its account details): fixed once it exists.
    #[prop(optional)]
    customer_details: bool,
    children: Children,
) -> impl IntoView {
    let (nav, submit) = (use_nav(), use_submit());
    // Nothing changes under a submission in flight; the customer's own details not once it
    // is created (a change would not reach it, and Done would show the customer as created).
    let created = move || submit.customer_created();
    let locked = move || submit.run.with(|r| r.busy) || (customer_details && created());
    view! {
        <section class="cw-summary-card">
            <div class="cw-summary-card__head">
                <h2 class="cw-summary-card__title">{tr(title)}</h2>
                <button
                    type="button"
                    class="cw-link-button"
                    aria-label=tx(name)
                    disabled=locked
                    on:click=move |_| {
                        nav.return_to_review.set(true);
                        nav.land_on.set_value(focus.clone());
                        nav.go(target);
                    }
                >
                    {tr(Key::Update)}
                </button>
            </div>
            <Show when=move || customer_details && created()>
                <p class="cw-hint">{tr(Key::CustomerCreatedFixed)}</p>
            </Show>
            <dl class="cw-summary-list">{children()}</dl>
        </section>
    }
}

#[component]
pub fn ReviewStep() -> impl IntoView {
    // Leaving Review forgets a failure shown here: what is left to do is named by the button
    // on return (`submit_label`), not by a panel about subscriptions since changed.
    let run = use_submit().run;
    on_cleanup(move || {
        let _ = run.try_update(|r| {
            if !r.busy {
                r.failed = None;
            }
        });
    });
    view! {
        <StepHeading title=Key::StepReview />
        <p class="cw-lead">{tr(Key::ReviewIntro)}</p>
        <AccountCard />
        <ResellerCard />
        <AgreementCard />
        <SubscriptionsCard />
        <SubmitProgress />
    }
}

/// "Loading…" in a row whose name is still on its way (right after a reload here): never
/// an id in its place. Create waits for it (`Wizard::review_ready`).
pub(super) fn loading(nav: NavState) -> String {
    nav.t(Key::Loading).to_string()
}

#[component]
fn AccountCard() -> impl IntoView {
    let (nav, checks) = (use_nav(), use_checks());
    let draft = use_draft().draft;
    let a = move |f: fn(&Account) -> String| derive(move || draft.with(|d| f(&d.account)));
    let country = derive(move || {
        let c = draft.with(|d| d.account.country.clone());
        if c.is_empty() {
            c
        } else {
            browser::country_name(&c, nav.locale.get().bcp47())
        }
    });
    // Culture and language of communications as they will be sent: chosen, else the
    // country's defaults.
    let sent = memo(move || {
        let rules = checks.rules_ok();
        draft.with(|d| crate::api::map::culture_and_language(&d.account, rules.as_ref()))
    });
    view! {
        <Section title=Key::ReviewAccountSection name=Key::UpdateAccountName target=Step::Account customer_details=true>
            <Row label=Key::CompanyName value=a(|a| a.company_name.trim().to_string()) />
            <Row label=Key::DomainPrefix value=a(|a| format!("{}.onmicrosoft.com", a.domain_prefix.trim().to_ascii_lowercase())) address=true />
            <Row label=Key::Country value=country />
            <Show when=move || draft.with(|d| crate::domain::model::requires_registration_number(&d.account.country))>
                <Row label=Key::RegistrationNumberShort value=a(|a| a.registration_number.trim().to_string()) />
            </Show>
            <Row
                label=Key::ReviewAddress
                value=a(|a| {
                    [&a.address_line1, &a.address_line2, &a.city, &a.state, &a.postal_code]
                        .iter()
                        .map(|s| s.trim())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            />
            <Row label=Key::ReviewContact value=a(|a| format!("{} {}", a.first_name.trim(), a.last_name.trim())) />
            <Row label=Key::Email value=a(|a| a.email.trim().to_string()) address=true />
            <Row label=Key::Phone value=a(|a| a.phone.trim().to_string()) />
            <Row label=Key::LanguageField value=derive(move || {
                browser::language_name(&sent.with(|s| s.1.clone()), nav.locale.get().bcp47())
            }) />
            <Row label=Key::Culture value=derive(move || {
                browser::culture_name(&sent.with(|s| s.0.clone()), nav.locale.get().bcp47())
            }) />
            <Row
                label=Key::ReviewGdap
                value=derive(move || {
                    nav.t(if draft.with(|d| d.account.enable_gdap) { Key::Yes } else { Key::No }).to_string()
                })
            />
        </Section>
    }
}

#[component]
fn ResellerCard() -> impl IntoView {
    let (inst, nav, checks) = (use_instance(), use_nav(), use_checks());
    let draft = use_draft().draft;
    let reseller = derive(move || {
        let id = draft.with(|d| d.reseller.clone());
        if checks.resellers.with(|r| !matches!(r, Some(Some(_)))) {
            return id.map(|_| loading(nav)).unwrap_or_default();
        }
        let list = checks.resellers_ok();
        id.map(|id| match list.into_iter().find(|r| r.id == id) {
            Some(r) => format!("{} · {} · {}", r.name, r.location, r.mpn_id.0),
            None => id.0,
        })
        .unwrap_or_default()
    });
    // Until the profile says who the partner is, a chosen reseller shows its section (only
    // an indirect provider can have chosen one): no section popping in later.
    view! {
        <Show when=move || {
            checks.partner_type() == PartnerType::IndirectProvider
                || (!checks.partner_type_known() && draft.with(|d| d.reseller.is_some()))
        }>
            <Section title=Key::ReviewReseller name=Key::UpdateResellerName target=Step::Account focus=inst.field_id(FieldId::Reseller) customer_details=true>
                <Row label=Key::ReviewReseller value=reseller />
            </Section>
        </Show>
    }
}

#[component]
fn AgreementCard() -> impl IntoView {
    let (inst, nav) = (use_instance(), use_nav());
    let draft = use_draft().draft;
    // "Update agreement" lands on the answer given (a radio group is entered at its checked
    // radio), the first radio when none is.
    let focus = {
        let id = inst.field_id(FieldId::Agreement);
        match draft.with_untracked(|d| d.account.agreement) {
            AgreementChoice::AcceptLater => format!("{id}-later"),
            _ => id,
        }
    };
    let agreement = derive(move || {
        let (choice, who, email, date) = draft.with(|d| {
            (
                d.account.agreement,
                format!(
                    "{} {}",
                    d.account.signer_first_name.trim(),
                    d.account.signer_last_name.trim()
                ),
                d.account.signer_email.trim().to_string(),
                crate::domain::validate::parse_date(&d.account.date_agreed)
                    .unwrap_or_else(|| d.account.date_agreed.clone()),
            )
        });
        match choice {
            AgreementChoice::Accepted => format!(
                "{}: {who}, {email}, {}",
                nav.t(Key::AgreementAccepted),
                browser::format_date(&date, nav.locale.get().bcp47()),
            ),
            AgreementChoice::AcceptLater => nav.t(Key::AgreementLater).to_string(),
            AgreementChoice::Unset => String::new(),
        }
    });
    view! {
        <Section title=Key::ReviewAgreement name=Key::UpdateAgreementName target=Step::Account focus=focus>
            <Row label=Key::ReviewAgreement value=agreement />
        </Section>
    }
}
