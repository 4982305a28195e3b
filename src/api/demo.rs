//! The in-browser demo backend: answers the Partner Center calls from static JSON under
//! `public/demo/` (fetched on demand, so none of it is in the wasm), with simulated latency,
//! optional faults, and the customers it created kept for the browser session (so creating the
//! same domain twice is refused like the real API, and a retried request is answered from its
//! stored result rather than done twice).
//!
//! Reads answer the static files as they are (the app parses them like HTTP answers); writes
//! take and return typed wire values, so no JSON round trip is compiled in for them.

use std::cell::RefCell;

use gloo_net::http::Method;

use super::error::ApiError;
use super::faults::{self, Fault, FaultKind};
use super::http::{new_guid, sleep, with_retries, Answer, Call, Cancel, Transport};
use super::wire::{self, ErrorBody};
use super::{parse, Req};
use crate::domain::i18n::Locale;
use leptos::prelude::GetUntracked;
use serde::{Deserialize, Serialize};

/// A created customer: (id, domain prefix, domain, company name). A tuple, not a struct: the
/// e2e tests read `[id, prefix]` from the session state. No password is kept (a replayed
/// creation says the password can no longer be shown).
#[derive(Serialize, Deserialize)]
struct Created(String, String, String, String);

/// The demo's own data files (`domains-taken.json`, `address-corrections.json`): `{ items }`.
#[derive(Deserialize)]
struct Items<T> {
    items: Vec<T>,
}

impl Created {
    fn answer(&self, password: String) -> wire::Customer {
        let Created(id, _, domain, company_name) = self;
        wire::Customer {
            id: id.clone(),
            company_profile: wire::CustomerCompanyProfile {
                domain: domain.clone(),
                company_name: company_name.clone(),
            },
            user_credentials: wire::UserCredentials {
                user_name: "admin".into(),
                password,
            },
        }
    }
}

/// How a call goes after its fault (if any) has been applied.
enum Served {
    Normally,
    /// The answer is not JSON.
    Malformed,
    /// The "server" does the work, then the connection is lost before the answer.
    Dropped,
}

const STATE_KEY: &str = "customer-wizard:demo-backend";
/// How long a simulated timeout takes (shorter than the real 20 s, so demos stay brisk).
const DEMO_TIMEOUT_MS: u32 = 1500;

pub struct Demo {
    assets: String,
    latency_ms: u32,
    profile: Option<String>,
    faults: RefCell<Vec<Fault>>,
    cache: RefCell<Vec<(String, String)>>,
    /// `offers-<name>.json` instead of `offers.json` (e.g. the 10k benchmark catalog).
    catalog: Option<String>,
}

/// What the demo "server" remembers for the browser session. Every member may be missing (an
/// empty session starts with the defaults).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
struct State {
    customers: Vec<Created>,
    attested: Vec<String>,
    orders: u32,
    /// Request id -> the id of what it created (the customer for an attestation), so that a
    /// retried write is answered from its first result rather than done twice.
    answers: Vec<(String, String)>,
}

impl State {
    fn replay(&self, request_id: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|(r, _)| r == request_id)
            .map(|(_, id)| id.as_str())
    }

    fn customer(&self, id: &str) -> Option<&Created> {
        self.customers.iter().find(|c| c.0 == id)
    }

    fn has_prefix(&self, prefix: &str) -> bool {
        self.customers.iter().any(|c| c.1 == prefix)
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load_state() -> State {
    session()
        .and_then(|s| s.get_item(STATE_KEY).ok().flatten())
        .and_then(|j| super::json::from_str(&j).ok())
        .unwrap_or_default()
}

fn save_state(state: &State) {
    if let Some(s) = session() {
        let _ = s.set_item(STATE_KEY, &super::json::to_string(state));
    }
}

fn pc_error(status: u16, code: i64, description: &str, data: &[&str]) -> ApiError {
    ApiError::Status {
        status,
        body: Some(Box::new(ErrorBody {
            code,
            description: Some(description.into()),
            data: data.iter().map(|s| s.to_string()).collect(),
            ..ErrorBody::default()
        })),
        retry_after_s: None,
    }
}

fn ok(status: u16, body: String) -> Result<Answer, ApiError> {
    Ok(Answer { status, body })
}

fn connection_lost() -> ApiError {
    ApiError::Network("connection lost (simulated)".into())
}

fn random_password() -> String {
    const SETS: [&str; 4] = [
        "ABCDEFGHJKLMNPQRSTUVWXYZ",
        "abcdefghijkmnopqrstuvwxyz",
        "23456789",
        "!@#$%&*?",
    ];
    let mut bytes = [0u8; 16];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let set = SETS[i % 4].as_bytes();
            set[*b as usize % set.len()] as char
        })
        .collect()
}

impl Demo {
    pub fn new(assets: String, latency_ms: u32, profile: Option<String>, fault_spec: &str) -> Demo {
        Demo {
            assets,
            latency_ms,
            profile,
            faults: RefCell::new(faults::parse(fault_spec)),
            cache: RefCell::new(Vec::new()),
            catalog: None,
        }
    }

    pub fn with_catalog(mut self, catalog: Option<String>) -> Demo {
        self.catalog = catalog;
        self
    }

    /// Takes the first fault matching this route, counting down its `times`.
    fn take_fault(&self, path: &str) -> Option<FaultKind> {
        let route = faults::route_of(path);
        let mut faults = self.faults.borrow_mut();
        let i = faults.iter().position(|f| f.route == route)?;
        let kind = faults[i].kind.clone();
        if let Some(t) = faults[i].times.as_mut() {
            *t = t.saturating_sub(1);
            if *t == 0 {
                faults.remove(i);
            }
        }
        Some(kind)
    }

    async fn file(
        &self,
        t: &Transport,
        name: &str,
        cancel: Option<&Cancel>,
    ) -> Result<String, ApiError> {
        if let Some((_, hit)) = self.cache.borrow().iter().find(|(n, _)| n == name) {
            return Ok(hit.clone());
        }
        // Offer catalogs are large and cached by the Subscriptions step as parsed offers:
        // keeping the JSON text too would double the memory.
        let keep = !name.starts_with("offers");
        let answer = t
            .send(Call {
                method: Method::GET,
                url: format!("{}demo/{name}", self.assets),
                body: None,
                request_id: new_guid(),
                retry: true,
                cancel,
                pc_headers: false,
                locale: None,
            })
            .await?;
        if keep {
            self.cache
                .borrow_mut()
                .push((name.to_string(), answer.body.clone()));
        }
        Ok(answer.body)
    }

    /// Answers a read as Partner Center would, with retries for transient (injected) faults.
    pub async fn handle(&self, t: &Transport, req: Req<'_>) -> Result<Answer, ApiError> {
        with_retries(true, req.cancel, || async {
            match self.apply_fault(&req.path).await? {
                Served::Normally => self.route(t, &req).await,
                Served::Malformed => ok(200, "{\"items\": [".into()),
                Served::Dropped => {
                    let _ = self.route(t, &req).await;
                    Err(connection_lost())
                }
            }
        })
        .await
    }

    /// Runs a typed write like [`Demo::handle`] runs a read.
    async fn serve<T, F, Fut>(
        &self,
        path: &str,
        cancel: Option<&Cancel>,
        work: F,
    ) -> Result<T, ApiError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, ApiError>>,
    {
        with_retries(true, cancel, || async {
            match self.apply_fault(path).await? {
                Served::Normally => work().await,
                Served::Malformed => Err(ApiError::BadJson("malformed answer (simulated)".into())),
                Served::Dropped => {
                    let _ = work().await;
                    Err(connection_lost())
                }
            }
        })
        .await
    }

    /// Waits the simulated latency and fails the call if a fault says so.
    async fn apply_fault(&self, path: &str) -> Result<Served, ApiError> {
        let fault = self.take_fault(path);
        let extra = match fault {
            Some(FaultKind::Slow(ms)) => ms,
            _ => 0,
        };
        sleep(self.latency_ms + extra).await;
        match fault {
            Some(FaultKind::Timeout) => {
                sleep(DEMO_TIMEOUT_MS).await;
                Err(ApiError::Timeout)
            }
            Some(FaultKind::Offline) => Err(ApiError::Offline),
            Some(FaultKind::Malformed) => Ok(Served::Malformed),
            Some(FaultKind::Status(s)) => Err(pc_error(s, 0, "Simulated server error", &[])),
            Some(FaultKind::Code(c)) => {
                let data: &[&str] = match c {
                    27002 => &["StateInvalid"],
                    900275 => &["0"],
                    _ => &[],
                };
                Err(pc_error(400, c, "Simulated business error", data))
            }
            Some(FaultKind::Drop) => Ok(Served::Dropped),
            Some(FaultKind::Slow(_)) | None => Ok(Served::Normally),
        }
    }

    async fn route(&self, t: &Transport, req: &Req<'_>) -> Result<Answer, ApiError> {
        let cancel = req.cancel;
        let (route, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let segments: Vec<&str> = route.trim_start_matches("/v1/").split('/').collect();
        match (req.method.clone(), segments.as_slice()) {
            (Method::GET, ["profiles", "me"]) => match &self.profile {
                Some(p) if p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
                    self.file(t, &format!("profiles/{p}.json"), cancel).await
                }
                _ => self.file(t, "profile.json", cancel).await,
            }
            .map(|b| Answer {
                status: 200,
                body: b,
            }),
            (Method::GET, ["countryvalidationrules", iso2])
                if iso2.len() == 2 && iso2.chars().all(|c| c.is_ascii_uppercase()) =>
            {
                match self
                    .file(t, &format!("countryvalidationrules/{iso2}.json"), cancel)
                    .await
                {
                    Ok(b) => ok(200, b),
                    Err(ApiError::Status { status: 404, .. }) => {
                        Err(pc_error(404, 600013, "Country not supported", &[iso2]))
                    }
                    Err(e) => Err(e),
                }
            }
            (Method::GET, ["relationships"]) => {
                ok(200, self.file(t, "resellers.json", cancel).await?)
            }
            (Method::GET, ["offers"]) => {
                // The demo serves the whole catalog as the first page.
                let offset = query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("offset="))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                if offset > 0 {
                    return ok(200, "{\"totalCount\":0,\"items\":[]}".into());
                }
                // In Turkish, the catalog's Turkish texts (`offers.tr.json`), as Partner Center
                // answers in the `X-Locale` language.
                let tr = req.locale.unwrap_or_else(|| t.locale.get_untracked()) == Locale::Tr;
                match &self.catalog {
                    Some(c) => ok(
                        200,
                        self.file(t, &format!("offers-{c}.json"), cancel).await?,
                    ),
                    None if tr => ok(200, self.file(t, "offers.tr.json", cancel).await?),
                    None => ok(200, self.file(t, "offers.json", cancel).await?),
                }
            }
            (Method::GET, ["customers", "relationshiprequests"]) => {
                ok(200, self.file(t, "relationshiprequest.json", cancel).await?)
            }
            (Method::GET, ["agreements"]) => {
                ok(200, self.file(t, "agreements.json", cancel).await?)
            }
            (Method::HEAD, ["domains", domain]) => {
                let prefix = domain.split('.').next().unwrap_or("").to_ascii_lowercase();
                let taken: Items<String> =
                    parse(&self.file(t, "domains-taken.json", cancel).await?)?;
                let created = load_state().has_prefix(&prefix);
                if created || taken.items.iter().any(|d| d.eq_ignore_ascii_case(&prefix)) {
                    ok(200, String::new())
                } else {
                    Err(pc_error(404, 0, "Domain not found", &[]))
                }
            }
            _ => Err(pc_error(404, 0, "Not found", &[&req.path])),
        }
    }

    pub async fn validate_address(
        &self,
        t: &Transport,
        address: &wire::AddressToValidate,
        cancel: Option<&Cancel>,
    ) -> Result<wire::AddressValidationResponse, ApiError> {
        self.serve("/v1/validations/address", cancel, || {
            self.validate_address_once(t, address, cancel)
        })
        .await
    }

    async fn validate_address_once(
        &self,
        t: &Transport,
        address: &wire::AddressToValidate,
        cancel: Option<&Cancel>,
    ) -> Result<wire::AddressValidationResponse, ApiError> {
        #[derive(Deserialize)]
        struct Correction {
            #[serde(rename = "match")]
            on: Match,
            status: Option<String>,
            #[serde(rename = "validationMessage")]
            message: Option<String>,
            suggested: wire::ValidatedAddress,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Match {
            country: String,
            postal_code: String,
        }
        let corrections: Items<Correction> =
            parse(&self.file(t, "address-corrections.json", cancel).await?)?;
        let hit = corrections.items.into_iter().find(|c| {
            c.on.country == address.country.trim() && c.on.postal_code == address.postal_code.trim()
        });
        Ok(match hit {
            Some(c) => wire::AddressValidationResponse {
                suggested_addresses: vec![c.suggested],
                status: c.status.unwrap_or_else(|| "StreetPartial".into()),
                validation_message: c.message,
            },
            None => wire::AddressValidationResponse {
                suggested_addresses: vec![],
                status: "VerifiedShippable".into(),
                validation_message: None,
            },
        })
    }

    pub async fn create_customer(
        &self,
        t: &Transport,
        c: &wire::CustomerCreate,
        request_id: &str,
    ) -> Result<wire::Customer, ApiError> {
        self.serve("/v1/customers", None, || {
            self.create_customer_once(t, c, request_id)
        })
        .await
    }

    async fn create_customer_once(
        &self,
        t: &Transport,
        c: &wire::CustomerCreate,
        request_id: &str,
    ) -> Result<wire::Customer, ApiError> {
        let mut state = load_state();
        // Idempotency: a repeated request id gets the stored answer, nothing is done again.
        if let Some(created) = state.replay(request_id).and_then(|id| state.customer(id)) {
            return Ok(created.answer(String::new()));
        }
        let domain = c.company_profile.domain.to_ascii_lowercase();
        let prefix = domain.split('.').next().unwrap_or("").to_string();
        let taken: Items<String> = parse(&self.file(t, "domains-taken.json", None).await?)?;
        if taken.items.iter().any(|d| d.eq_ignore_ascii_case(&prefix)) || state.has_prefix(&prefix)
        {
            return Err(pc_error(409, 27100, "Domain not available", &[&domain]));
        }
        let created = Created(
            new_guid(),
            prefix,
            domain,
            c.billing_profile.company_name.clone(),
        );
        // What is remembered has no password; what is answered now has one.
        let answer = created.answer(random_password());
        state
            .answers
            .push((request_id.to_string(), created.0.clone()));
        state.customers.push(created);
        save_state(&state);
        Ok(answer)
    }

    /// `POST /v1/customers/{id}/agreements`: the body is not looked at.
    pub async fn attest(
        &self,
        path: &str,
        customer_id: &str,
        request_id: &str,
    ) -> Result<(), ApiError> {
        self.serve(path, None, || async {
            let mut state = load_state();
            if state.replay(request_id).is_some() {
                return Ok(());
            }
            if state.customer(customer_id).is_none() {
                return Err(pc_error(404, 404, "Customer not found", &[customer_id]));
            }
            if state.attested.iter().any(|c| c == customer_id) {
                return Err(pc_error(
                    409,
                    600061,
                    "The agreement was already attested",
                    &[],
                ));
            }
            state.attested.push(customer_id.to_string());
            state
                .answers
                .push((request_id.to_string(), customer_id.to_string()));
            save_state(&state);
            Ok(())
        })
        .await
    }

    pub async fn create_order(
        &self,
        t: &Transport,
        path: &str,
        customer_id: &str,
        order: &wire::OrderCreate,
        request_id: &str,
    ) -> Result<wire::Order, ApiError> {
        self.serve(path, None, || {
            self.create_order_once(t, customer_id, order, request_id)
        })
        .await
    }

    async fn create_order_once(
        &self,
        t: &Transport,
        customer_id: &str,
        order: &wire::OrderCreate,
        request_id: &str,
    ) -> Result<wire::Order, ApiError> {
        let mut state = load_state();
        let placed = |id: &str| wire::Order {
            id: id.to_string(),
            status: "completed".into(),
        };
        if let Some(id) = state.replay(request_id) {
            return Ok(placed(id));
        }
        if state.customer(customer_id).is_none() {
            return Err(pc_error(404, 404, "Customer not found", &[customer_id]));
        }
        let catalog: wire::Collection<wire::Offer> =
            parse(&self.file(t, "offers.json", None).await?)?;
        for line in &order.line_items {
            let Some(offer) = catalog.items.iter().find(|o| o.id == line.offer_id) else {
                return Err(pc_error(400, 800070, "Offer not found", &[&line.offer_id]));
            };
            if !offer.is_available_for_purchase {
                return Err(pc_error(
                    400,
                    800070,
                    "Offer not available for purchase",
                    &[&line.offer_id],
                ));
            }
            let (min, max) = (
                offer.minimum_quantity.unwrap_or(1),
                offer.maximum_quantity.unwrap_or(u32::MAX),
            );
            if line.quantity < min || line.quantity > max {
                return Err(pc_error(
                    400,
                    900275,
                    "Quantity out of range",
                    &[&line.line_item_number.to_string(), &line.offer_id],
                ));
            }
        }
        state.orders += 1;
        let id = format!("demo-order-{:04}-{}", state.orders, &new_guid()[..8]);
        state.answers.push((request_id.to_string(), id.clone()));
        save_state(&state);
        Ok(placed(&id))
    }
}
