//! Step 1: Account info. Country first (it drives the address rules), then company, address,
//! primary contact, reseller (indirect providers), agreement and GDAP.

use crate::reactive::{derive, memo, Load, Var};
use leptos::prelude::*;

use super::account_checks::{watch_domain, AddressCheckPanel, DomainStatus};
use super::StepHeading;
use crate::browser;
use crate::components::{field_error, tr, ChoiceField, ErrorSummary, FieldMessage, TextField};
use crate::i18n::Key;
use crate::messages;
use crate::model::{
    requires_registration_number, AgreementChoice, FieldId, PartnerType, ResellerId, Step,
    COUNTRIES,
};
use crate::store::use_wizard;
use crate::validate;

#[component]
pub fn AccountStep() -> impl IntoView {
    let w = use_wizard();
    watch_domain(w);
    let country = memo(move || w.draft.with(|d| d.account.country.clone()));
    let countries =
        memo(move || browser::country_names(COUNTRIES.split(' '), w.locale.get().bcp47()));
    let states = memo(move || {
        w.rules
            .get()
            .flatten()
            .and_then(Result::ok)
            .map(|r| r.states)
            .unwrap_or_default()
    });
    let needs_registration = move || requires_registration_number(&country.get());
    let rules_ok = move || w.rules.get().flatten().and_then(Result::ok);
    let company_warning = derive(move || {
        let l = w.locale.get();
        w.draft.with(|d| {
            validate::company_name_warnings(&d.account.company_name)
                .first()
                .map(|wn| messages::field_warning(*wn, l).to_string())
        })
    });

    view! {
        <StepHeading title=Key::StepAccount />
        <ErrorSummary step=Step::Account />
        <p class="cw-lead">{tr(Key::AccountIntro)}</p>

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
            <Show when=needs_registration>
                <TextField
                    field=FieldId::RegistrationNumber
                    label=Key::RegistrationNumber
                    hint=Key::RegistrationNumberHint
                    autocomplete="off"
                    width="cw-input--20"
                />
            </Show>
        </fieldset>

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
            {move || {
                if states.with(Vec::is_empty) {
                    view! {
                        <TextField
                            field=FieldId::State
                            label=derive(move || messages::state_label(&country.get()))
                            optional=!w.rules.get().flatten().and_then(Result::ok).is_some_and(|r| r.is_state_required)
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
            <TextField
                field=FieldId::PostalCode
                label=derive(move || messages::postal_label(&country.get()))
                autocomplete="postal-code"
                width="cw-input--10"
            />
            <AddressCheckPanel />
        </fieldset>

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
                        optional=!needs_registration()
                        input_type="tel"
                        autocomplete="tel"
                        width="cw-input--20"
                    />
                }
            }}
        </fieldset>

        <Show when=move || rules_ok().is_some()>
            <fieldset class="cw-fieldset">
                <legend class="cw-legend">{tr(Key::LanguageSection)}</legend>
                <ChoiceField
                    field=FieldId::Culture
                    label=Key::Culture
                    hint=Key::CultureHint
                    autocomplete="off"
                    placeholder=Key::Culture
                    options=derive(move || {
                        rules_ok().map(|r| r.cultures).unwrap_or_default().into_iter().map(|c| (c.clone(), c)).collect()
                    })
                    default_value=derive(move || rules_ok().map(|r| r.default_culture).unwrap_or_default())
                />
                <ChoiceField
                    field=FieldId::Language
                    label=Key::LanguageField
                    autocomplete="off"
                    placeholder=Key::LanguageField
                    options=derive(move || {
                        let ui = w.locale.get().bcp47();
                        rules_ok()
                            .map(|r| r.languages)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| {
                                let name = browser::language_name(&c, ui);
                                (c, name)
                            })
                            .collect()
                    })
                    default_value=derive(move || {
                        rules_ok().and_then(|r| r.languages.first().cloned()).unwrap_or_default()
                    })
                />
            </fieldset>
        </Show>

        <Show when=move || w.partner_type() == PartnerType::IndirectProvider>
            <ResellerPicker />
        </Show>

        <AgreementSection />

        <div class="cw-checkbox">
            <input
                type="checkbox"
                id=w.el_id("gdap")
                prop:checked=move || w.draft.with(|d| d.account.enable_gdap)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    w.draft.update(|d| d.account.enable_gdap = on);
                }
            />
            <label for=w.el_id("gdap")>{tr(Key::GdapLabel)}</label>
        </div>
    }
}

/// The indirect reseller, for indirect providers.
#[component]
fn ResellerPicker() -> impl IntoView {
    let w = use_wizard();
    let resellers = Load::new(move || {
        let api = w.api.get_value();
        async move { api.resellers().await }
    });
    let id = w.field_id(FieldId::Reseller);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = field_error(FieldId::Reseller);
    let selected = memo(move || {
        w.draft
            .with(|d| d.reseller.clone().map(|r| r.0).unwrap_or_default())
    });
    // Filters the list by name, location or partner ID (case, accents and Turkish i folded);
    // the chosen reseller always stays in the list.
    let query = Var::new(String::new());
    let search_id = w.el_id("reseller-search");
    view! {
        <fieldset class="cw-fieldset">
            <legend class="cw-legend">{tr(Key::ResellerSection)}</legend>
            <div class="cw-field">
                <label class="cw-label" for=search_id.clone()>
                    {tr(Key::ResellerSearch)} " " <span class="cw-optional">{tr(Key::Optional)}</span>
                </label>
                <input
                    class="cw-input cw-input--20"
                    type="search"
                    id=search_id.clone()
                    autocomplete="off"
                    aria-controls=id.clone()
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <div class="cw-field" class:cw-field--error=move || error.get().is_some()>
                <label class="cw-label" for=id.clone()>{tr(Key::ResellerSection)}</label>
                <p class="cw-hint" id=hint_id.clone()>{tr(Key::ResellerHint)}</p>
                <FieldMessage id=error_id.clone() message=error />
                <select
                    class="cw-select"
                    id=id.clone()
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby={
                        let (h, e) = (hint_id.clone(), error_id.clone());
                        move || if error.get().is_some() { format!("{h} {e}") } else { h.clone() }
                    }
                    prop:value=move || selected.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        w.draft.update(|d| d.reseller = (!v.is_empty()).then_some(ResellerId(v)));
                    }
                >
                    <option value="">{tr(Key::ResellerChoose)}</option>
                    {move || {
                        let current = selected.get();
                        let q = validate::fold(query.get().trim());
                        resellers
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|r| r.active)
                            .filter(|r| {
                                r.id.0 == current
                                    || q.is_empty()
                                    || validate::fold(&format!("{} {} {}", r.name, r.location, r.mpn_id.0))
                                        .contains(&q)
                            })
                            .map(|r| {
                                let is = r.id.0 == current;
                                let label = format!("{} · {} · {}", r.name, r.location, r.mpn_id.0);
                                view! { <option value=r.id.0 selected=is>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </fieldset>
    }
}

#[component]
fn AgreementSection() -> impl IntoView {
    let w = use_wizard();
    let choice = memo(move || w.draft.with(|d| d.account.agreement));
    let name = w.field_id(FieldId::Agreement);
    let error_id = format!("{name}-error");
    let error = field_error(FieldId::Agreement);
    let may_attest = move || {
        w.profile
            .get()
            .and_then(Result::ok)
            .is_none_or(|p| p.may_attest())
    };
    let radio_name = name.clone();
    let radio = move |value: AgreementChoice, suffix: &'static str, label: Key, first: bool| {
        let id = if first {
            radio_name.clone()
        } else {
            format!("{radio_name}-{suffix}")
        };
        let name = radio_name.clone();
        view! {
            <div class="cw-radio">
                <input
                    type="radio"
                    id=id.clone()
                    name=name
                    disabled=move || value == AgreementChoice::Accepted && !may_attest()
                    prop:checked=move || choice.get() == value
                    on:change=move |_| w.draft.update(|d| d.account.agreement = value)
                />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <fieldset
            class="cw-fieldset"
            class:cw-field--error=move || error.get().is_some()
            aria-describedby=move || error.get().map(|_| error_id.clone())
        >
            <legend class="cw-legend">{tr(Key::AgreementSection)}</legend>
            <FieldMessage id=format!("{name}-error") message=error />
            <Show when=move || !may_attest()>
                <p class="cw-hint">{tr(Key::MayNotAttest)}</p>
            </Show>
            {radio(AgreementChoice::Accepted, "accepted", Key::AgreementAccepted, true)}
            <Show when=move || choice.get() == AgreementChoice::Accepted>
                <div class="cw-conditional">
                    <TextField field=FieldId::SignerFirstName label=Key::SignerFirstName autocomplete="off" />
                    <TextField field=FieldId::SignerLastName label=Key::SignerLastName autocomplete="off" />
                    <TextField field=FieldId::SignerEmail label=Key::SignerEmail input_type="email" autocomplete="off" />
                    <TextField
                        field=FieldId::SignerPhone
                        label=Key::SignerPhone
                        optional=true
                        input_type="tel"
                        autocomplete="off"
                        width="cw-input--20"
                    />
                    // Text, not type="date": that one shows the browser's format (mm/dd/yyyy on
                    // a Turkish page in an American browser). Read day first in both languages.
                    <TextField
                        field=FieldId::DateAgreed
                        label=Key::DateAgreed
                        hint=Key::DateAgreedHint
                        autocomplete="off"
                        width="cw-input--10"
                    />
                </div>
            </Show>
            {radio(AgreementChoice::AcceptLater, "later", Key::AgreementLater, false)}
        </fieldset>
    }
}
