//! The in-browser demo backend: answers the Partner Center calls from static JSON under
//! `public/demo/` (fetched on demand, so none of it is in the wasm), with simulated latency,
//! optional faults, and the customers it created kept for the browser session (so creating the
//! same domain twice is refused like the real API, and a retried request is answered from its
//! stored result rather than done twice).

use std::cell::RefCell;
use std::collections::HashMap;

use gloo_net::http::Method;
use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::faults::{self, Fault, FaultKind};
use super::http::{new_guid, sleep, with_retries, Answer, Call, Cancel, Transport};
use super::wire::{self, ErrorBody};
use super::{parse, Req};

const STATE_KEY: &str = "customer-wizard:demo-backend";
/// How long a simulated timeout takes (shorter than the real 20 s, so demos stay brisk).
const DEMO_TIMEOUT_MS: u32 = 1500;

pub struct Demo {
    assets: String,
    latency_ms: u32,
    profile: Option<String>,
    faults: RefCell<Vec<Fault>>,
    cache: RefCell<HashMap<String, String>>,
}

/// What the demo "server" remembers for the browser session. Stored answers never contain a
/// password (the demo strips it: a replay says the password can no longer be shown).
#[derive(Default, Serialize, Deserialize)]
struct State {
    customers: Vec<(String, String)>,
    attested: Vec<String>,
    orders: u32,
    answers: Vec<(String, u16, String)>,
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load_state() -> State {
    session()
        .and_then(|s| s.get_item(STATE_KEY).ok().flatten())
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

fn save_state(state: &State) {
    if let (Some(s), Ok(j)) = (session(), serde_json::to_string(state)) {
        let _ = s.set_item(STATE_KEY, &j);
    }
}

fn pc_error(status: u16, code: i64, description: &str, data: &[&str]) -> ApiError {
    ApiError::Status {
        status,
        body: Some(Box::new(ErrorBody {
            code,
            description: Some(description.into()),
            data: data.iter().map(|s| s.to_string()).collect(),
            source: Some("demo".into()),
            ..ErrorBody::default()
        })),
        retry_after_s: None,
    }
}

fn ok(status: u16, body: String) -> Result<Answer, ApiError> {
    Ok(Answer { status, body })
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
            cache: RefCell::new(HashMap::new()),
        }
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
        if let Some(hit) = self.cache.borrow().get(name) {
            return Ok(hit.clone());
        }
        let answer = t
            .send(Call {
                method: Method::GET,
                url: format!("{}demo/{name}", self.assets),
                body: None,
                request_id: new_guid(),
                retry: true,
                cancel,
                pc_headers: false,
            })
            .await?;
        self.cache
            .borrow_mut()
            .insert(name.to_string(), answer.body.clone());
        Ok(answer.body)
    }

    /// Answers a request as Partner Center would, with retries for transient (injected) faults.
    pub async fn handle(&self, t: &Transport, req: Req<'_>) -> Result<Answer, ApiError> {
        with_retries(true, req.cancel, || self.handle_once(t, &req)).await
    }

    async fn handle_once(&self, t: &Transport, req: &Req<'_>) -> Result<Answer, ApiError> {
        let fault = self.take_fault(&req.path);
        let extra = match fault {
            Some(FaultKind::Slow(ms)) => ms,
            _ => 0,
        };
        sleep(self.latency_ms + extra).await;
        match fault {
            Some(FaultKind::Timeout) => {
                sleep(DEMO_TIMEOUT_MS).await;
                return Err(ApiError::Timeout);
            }
            Some(FaultKind::Offline) => return Err(ApiError::Offline),
            Some(FaultKind::Malformed) => return ok(200, "{\"items\": [".into()),
            Some(FaultKind::Status(s)) => {
                return Err(pc_error(s, 0, "Simulated server error", &[]))
            }
            Some(FaultKind::Code(c)) => {
                let data: &[&str] = match c {
                    27002 => &["StateInvalid"],
                    900275 => &["0"],
                    _ => &[],
                };
                return Err(pc_error(400, c, "Simulated business error", data));
            }
            Some(FaultKind::Drop) => {
                // The "server" does the work, then the connection is lost before the answer.
                let _ = self.route(t, req).await;
                return Err(ApiError::Network("connection lost (simulated)".into()));
            }
            Some(FaultKind::Slow(_)) | None => {}
        }
        self.route(t, req).await
    }

    async fn route(&self, t: &Transport, req: &Req<'_>) -> Result<Answer, ApiError> {
        let cancel = req.cancel;
        let (route, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let segments: Vec<&str> = route.trim_start_matches("/v1/").split('/').collect();
        let is_post = req.method == Method::POST;
        if is_post {
            // Idempotency: a repeated request id gets the stored answer, nothing is done again.
            if let Some((_, status, body)) = load_state()
                .answers
                .into_iter()
                .find(|(id, ..)| *id == req.request_id)
            {
                return ok(status, body);
            }
        }
        let body = req.body.as_deref().unwrap_or("");
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
                ok(200, self.file(t, "offers.json", cancel).await?)
            }
            (Method::GET, ["customers", "relationshiprequests"]) => {
                ok(200, self.file(t, "relationshiprequest.json", cancel).await?)
            }
            (Method::GET, ["agreements"]) => {
                ok(200, self.file(t, "agreements.json", cancel).await?)
            }
            (Method::HEAD, ["domains", domain]) => {
                let prefix = domain.split('.').next().unwrap_or("").to_ascii_lowercase();
                let taken: wire::Collection<String> =
                    parse(&self.file(t, "domains-taken.json", cancel).await?)?;
                let created = load_state().customers.iter().any(|(_, d)| *d == prefix);
                if created || taken.items.iter().any(|d| d.eq_ignore_ascii_case(&prefix)) {
                    ok(200, String::new())
                } else {
                    Err(pc_error(404, 0, "Domain not found", &[]))
                }
            }
            (Method::POST, ["validations", "address"]) => {
                self.validate_address(t, body, cancel).await
            }
            (Method::POST, ["customers"]) => self.create_customer(t, req, body, cancel).await,
            (Method::POST, ["customers", id, "agreements"]) => {
                let mut state = load_state();
                if !state.customers.iter().any(|(c, _)| c == id) {
                    return Err(pc_error(404, 404, "Customer not found", &[id]));
                }
                if state.attested.iter().any(|c| c == id) {
                    return Err(pc_error(
                        409,
                        600061,
                        "The agreement was already attested",
                        &[],
                    ));
                }
                let agreement: wire::AgreementCreate = parse(body)?;
                state.attested.push(id.to_string());
                let answer = serde_json::to_string(&agreement).unwrap_or_default();
                state
                    .answers
                    .push((req.request_id.clone(), 201, answer.clone()));
                save_state(&state);
                ok(201, answer)
            }
            (Method::POST, ["customers", id, "orders"]) => {
                self.create_order(t, req, id, body, cancel).await
            }
            _ => Err(pc_error(404, 0, "Not found", &[&req.path])),
        }
    }

    async fn validate_address(
        &self,
        t: &Transport,
        body: &str,
        cancel: Option<&Cancel>,
    ) -> Result<Answer, ApiError> {
        #[derive(Deserialize)]
        struct Correction {
            #[serde(rename = "match")]
            on: Match,
            #[serde(default)]
            status: Option<String>,
            #[serde(default, rename = "validationMessage")]
            message: Option<String>,
            suggested: wire::ValidatedAddress,
        }
        #[derive(Deserialize)]
        struct Match {
            country: String,
            #[serde(rename = "postalCode")]
            postal_code: String,
        }
        let address: wire::AddressToValidate = parse(body)?;
        let corrections: wire::Collection<Correction> =
            parse(&self.file(t, "address-corrections.json", cancel).await?)?;
        let original = wire::ValidatedAddress {
            address_line1: Some(address.address_line1.clone()),
            address_line2: address.address_line2.clone(),
            city: Some(address.city.clone()),
            state: Some(address.state.clone()),
            postal_code: Some(address.postal_code.clone()),
            country: Some(address.country.clone()),
        };
        let hit = corrections.items.into_iter().find(|c| {
            c.on.country == address.country.trim() && c.on.postal_code == address.postal_code.trim()
        });
        let response = match hit {
            Some(c) => wire::AddressValidationResponse {
                original_address: Some(original),
                suggested_addresses: vec![c.suggested],
                status: c.status.unwrap_or_else(|| "StreetPartial".into()),
                validation_message: c.message,
            },
            None => wire::AddressValidationResponse {
                original_address: Some(original),
                suggested_addresses: vec![],
                status: "VerifiedShippable".into(),
                validation_message: None,
            },
        };
        ok(200, serde_json::to_string(&response).unwrap_or_default())
    }

    async fn create_customer(
        &self,
        t: &Transport,
        req: &Req<'_>,
        body: &str,
        cancel: Option<&Cancel>,
    ) -> Result<Answer, ApiError> {
        let c: wire::CustomerCreate = parse(body)?;
        let domain = c.company_profile.domain.to_ascii_lowercase();
        let prefix = domain.split('.').next().unwrap_or("").to_string();
        let taken: wire::Collection<String> =
            parse(&self.file(t, "domains-taken.json", cancel).await?)?;
        let mut state = load_state();
        if taken.items.iter().any(|d| d.eq_ignore_ascii_case(&prefix))
            || state.customers.iter().any(|(_, d)| *d == prefix)
        {
            return Err(pc_error(409, 27100, "Domain not available", &[&domain]));
        }
        let id = new_guid();
        let mut customer = wire::Customer {
            id: id.clone(),
            company_profile: Some(wire::CustomerCompanyProfile {
                tenant_id: Some(id.clone()),
                domain: Some(domain),
                company_name: Some(c.billing_profile.company_name.clone()),
            }),
            user_credentials: Some(wire::UserCredentials {
                user_name: "admin".into(),
                password: String::new(),
            }),
            relationship_to_partner: Some("reseller".into()),
            associated_partner_id: c.associated_partner_id.clone(),
        };
        // What is remembered has no password; what is answered now has one.
        let stored = serde_json::to_string(&customer).unwrap_or_default();
        state.customers.push((id, prefix));
        state.answers.push((req.request_id.clone(), 201, stored));
        save_state(&state);
        if let Some(creds) = customer.user_credentials.as_mut() {
            creds.password = random_password();
        }
        ok(201, serde_json::to_string(&customer).unwrap_or_default())
    }

    async fn create_order(
        &self,
        t: &Transport,
        req: &Req<'_>,
        customer_id: &str,
        body: &str,
        cancel: Option<&Cancel>,
    ) -> Result<Answer, ApiError> {
        let order: wire::OrderCreate = parse(body)?;
        let mut state = load_state();
        if !state.customers.iter().any(|(c, _)| c == customer_id) {
            return Err(pc_error(404, 404, "Customer not found", &[customer_id]));
        }
        let catalog: wire::Collection<wire::Offer> =
            parse(&self.file(t, "offers.json", cancel).await?)?;
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
        let placed = wire::Order {
            id: format!("demo-order-{:04}-{}", state.orders, &new_guid()[..8]),
            status: Some("completed".into()),
            line_items: order.line_items,
        };
        let answer = serde_json::to_string(&placed).unwrap_or_default();
        state
            .answers
            .push((req.request_id.clone(), 201, answer.clone()));
        save_state(&state);
        ok(201, answer)
    }
}
