//! Step 1: Account info. Country first (it drives the address rules), then company, address,
//! primary contact, language, reseller (indirect providers), agreement and GDAP: one
//! component per section the user sees.

use crate::state::reactive::{derive, memo, Calc};
use leptos::prelude::*;

use super::account_agreement::AgreementSection;
use super::account_checks::{watch_domain, AddressCheckPanel, DomainStatus};
use super::account_reseller::ResellerPicker;
use super::StepHeading;
use crate::domain::i18n::Key;
use crate::domain::messages;
use crate::domain::model::{requires_registration_number, FieldId, PartnerType, Step, COUNTRIES};
use crate::domain::validate;
use crate::state::browser;
use crate::state::store::{use_checks, use_draft, use_instance, use_nav};
use crate::view::components::{tr, ChoiceField, ErrorSummary, TextField};

#[component]
pub fn AccountStep() -> impl IntoView {
    let checks = use_checks();
    watch_domain(use_instance(), use_draft().draft, checks.domain);
    view! {
        <StepHeading title=Key::StepAccount />
        <ErrorSummary step=Step::Account />
        <p class="cw-lead">{tr(Key::AccountIntro)}</p>
        <CompanySection />
        <AddressSection />
        <ContactSection />
        <Show when=move || checks.rules_ok().is_some()>
            <LanguageSection />
        </Show>
        <Show when=move || checks.partner_type() == PartnerType::IndirectProvider>
            <ResellerPicker />
        </Show>
        <AgreementSection />
        <GdapChoice />
    }
}

/// The customer's country as entered (tracked).
fn use_country() -> Calc<String> {
    let draft = use_draft().draft;
    memo(move || draft.with(|d| d.account.country.clone()))
}

/// Country, company name, domain prefix (with its live check) and, where the country
/// requires it, the registration number.
#[component]
fn CompanySection() -> impl IntoView {
    let (nav, draft) = (use_nav(), use_draft().draft);
    let country = use_country();
    let countries =
        memo(move || browser::country_names(COUNTRIES.split(' '), nav.locale.get().bcp47()));
    let company_warning = derive(move || {
        let l = nav.locale.get();
        draft.with(|d| {
            validate::company_name_warnings(&d.account.company_name)
                .first()
                .map(|wn| messages::field_warning(*wn, l).to_string())
        })
    });
    view! {
        <fieldset class="cw-fieldset">
            <legend class="cw-legend">{tr(Key::CompanySection)}</legend>
            <ChoiceField
                field=FieldId::Country
                label=Key::Country
                hint=Key::CountryHint
                autocomplete="country"
                placeholder=Key::CountryChoose
                options=countries
            />
            <TextField
                field=FieldId::CompanyName
                label=Key::CompanyName
                hint=Key::CompanyNameHint
                autocomplete="organization"
                warning=company_warning
            />
            <TextField
                field=FieldId::DomainPrefix
                label=Key::DomainPrefix
                hint=Key::DomainPrefixHint
                autocomplete="off"
                suffix=".onmicrosoft.com"
                width="cw-input--20"
            />
            <DomainStatus />
            <Show when=move || requires_registration_number(&country.get())>
                <TextField
                    field=FieldId::RegistrationNumber
                    label=Key::RegistrationNumber
                    hint=Key::RegistrationNumberHint
                    autocomplete="off"
                    width="cw-input--20"
                />
            </Show>
        </fieldset>
    }
}

/// The address, named as the country names its parts, with the address check's answer.
#[component]
fn AddressSection() -> impl IntoView {
    let checks = use_checks();
    let country = use_country();
    let states = memo(move || checks.rules_ok().map(|r| r.states).unwrap_or_default());
    let postal_optional = memo(move || {
        checks
            .rules_ok()
            .is_some_and(|r| !r.is_postal_code_required)
    });
    view! {
        <fieldset class="cw-fieldset">
            <legend class="cw-legend">{tr(Key::AddressSection)}</legend>
            <TextField field=FieldId::AddressLine1 label=Key::AddressLine1 autocomplete="address-line1" />
            <TextField
                field=FieldId::AddressLine2
                label=Key::AddressLine2
                optional=true
                autocomplete="address-line2"
            />
            <TextField field=FieldId::City label=Key::City autocomplete="address-level2" width="cw-input--20" />
            // A list where the country has one, else free text.
            {move || {
                if states.with(Vec::is_empty) {
                    view! {
                        <TextField
                            field=FieldId::State
                            label=derive(move || messages::state_label(&country.get()))
                            optional=!checks.rules_ok().is_some_and(|r| r.is_state_required)
                            autocomplete="address-level1"
                            width="cw-input--20"
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <ChoiceField
                            field=FieldId::State
                            label=derive(move || messages::state_label(&country.get()))
                            autocomplete="address-level1"
                            placeholder=derive(move || messages::state_label(&country.get()))
                            options=derive(move || {
                                states.get().into_iter().map(|s| (s.clone(), s)).collect()
                            })
                        />
                    }
                        .into_any()
                }
            }}
            // "(optional)" once the country's rules say so (as for the state above).
            {move || {
                let optional = postal_optional.get();
                view! {
                    <TextField
                        field=FieldId::PostalCode
                        label=derive(move || messages::postal_label(&country.get()))
                        optional=optional
                        autocomplete="postal-code"
                        width="cw-input--10"
                    />
                }
            }}
            <AddressCheckPanel />
        </fieldset>
    }
}

/// The primary contact; the phone is required where the registration number is.
#[component]
fn ContactSection() -> impl IntoView {
    let country = use_country();
    view! {
        <fieldset class="cw-fieldset">
            <legend class="cw-legend">{tr(Key::ContactSection)}</legend>
            <TextField field=FieldId::FirstName label=Key::FirstName autocomplete="given-name" />
            <TextField field=FieldId::LastName label=Key::LastName autocomplete="family-name" />
            <TextField field=FieldId::Email label=Key::Email input_type="email" autocomplete="email" />
            {move || {
                view! {
                    <TextField
                        field=FieldId::Phone
                        label=Key::Phone
                        optional=!requires_registration_number(&country.get())
                        input_type="tel"
                        autocomplete="tel"
                        width="cw-input--20"
                    />
                }
            }}
        </fieldset>
    }
}

/// Codes from the country's rules as (code, name) choices, named in the UI language.
fn named(codes: Vec<String>, name: fn(&str, &str) -> String, ui: &str) -> Vec<(String, String)> {
    codes
        .into_iter()
        .map(|code| {
            let n = name(&code, ui);
            (code, n)
        })
        .collect()
}

/// Culture and language of communications, from the country's rules (shown once loaded).
#[component]
fn LanguageSection() -> impl IntoView {
    let (nav, checks) = (use_nav(), use_checks());
    let rules_ok = move || checks.rules_ok();
    view! {
        <fieldset class="cw-fieldset">
            <legend class="cw-legend">{tr(Key::LanguageSection)}</legend>
            <ChoiceField
                field=FieldId::Culture
                label=Key::Culture
                hint=Key::CultureHint
                autocomplete="off"
                placeholder=Key::CultureChoose
                options=derive(move || {
                    named(rules_ok().map(|r| r.cultures).unwrap_or_default(), browser::culture_name, nav.locale.get().bcp47())
                })
                default_value=derive(move || rules_ok().map(|r| r.default_culture).unwrap_or_default())
            />
            <ChoiceField
                field=FieldId::Language
                label=Key::LanguageField
                autocomplete="off"
                placeholder=Key::LanguageChoose
                options=derive(move || {
                    named(rules_ok().map(|r| r.languages).unwrap_or_default(), browser::language_name, nav.locale.get().bcp47())
                })
                default_value=derive(move || {
                    rules_ok().and_then(|r| r.languages.first().cloned()).unwrap_or_default()
                })
            />
        </fieldset>
    }
}

/// The opt-in to a default GDAP relationship.
#[component]
fn GdapChoice() -> impl IntoView {
    let draft = use_draft().draft;
    let id = use_instance().el_id("gdap");
    view! {
        <div class="cw-checkbox">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || draft.with(|d| d.account.enable_gdap)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    draft.update(|d| d.account.enable_gdap = on);
                }
            />
            <label for=id>{tr(Key::GdapLabel)}</label>
        </div>
    }
}
