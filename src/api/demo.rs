//! The in-browser demo backend: answers the Partner Center calls from static JSON under
//! `public/demo/` (fetched on demand, so none of it is in the wasm), with simulated latency
//! and optional faults.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo_net::http::Method;

use super::error::ApiError;
use super::faults::{self, Fault, FaultKind};
use super::http::{new_guid, sleep, Call, Cancel, Transport};
use super::wire::ErrorBody;

pub struct Demo {
    assets: String,
    latency_ms: u32,
    profile: Option<String>,
    faults: RefCell<Vec<Fault>>,
    cache: RefCell<HashMap<String, String>>,
    /// `offers-<name>.json` instead of `offers.json` (e.g. the 10k benchmark catalog).
    catalog: Option<String>,
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

impl Demo {
    pub fn new(assets: String, latency_ms: u32, profile: Option<String>, fault_spec: &str) -> Demo {
        Demo {
            assets,
            latency_ms,
            profile,
            faults: RefCell::new(faults::parse(fault_spec)),
            cache: RefCell::new(HashMap::new()),
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
            *t -= 1;
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
            })
            .await?;
        if keep {
            self.cache
                .borrow_mut()
                .insert(name.to_string(), answer.body.clone());
        }
        Ok(answer.body)
    }

    /// Answers a GET with the JSON body Partner Center would send.
    pub async fn get(
        &self,
        t: &Transport,
        path: &str,
        cancel: Option<&Cancel>,
    ) -> Result<String, ApiError> {
        let fault = self.take_fault(path);
        let extra = match fault {
            Some(FaultKind::Slow(ms)) => ms,
            Some(FaultKind::Timeout) => t.timeout_ms,
            _ => 0,
        };
        sleep(self.latency_ms + extra).await;
        match fault {
            Some(FaultKind::Timeout) => return Err(ApiError::Timeout),
            Some(FaultKind::Offline) => return Err(ApiError::Offline),
            Some(FaultKind::Malformed) => return Ok("{\"items\": [".into()),
            Some(FaultKind::Status(s)) => {
                return Err(pc_error(s, 0, "Simulated server error", &[]))
            }
            Some(FaultKind::Code(c)) => {
                return Err(pc_error(400, c, "Simulated business error", &[]))
            }
            Some(FaultKind::Slow(_)) | None => {}
        }
        let (route, query) = path.split_once('?').unwrap_or((path, ""));
        let segments: Vec<&str> = route.trim_start_matches("/v1/").split('/').collect();
        match segments.as_slice() {
            ["profiles", "me"] => match &self.profile {
                Some(p) if p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
                    self.file(t, &format!("profiles/{p}.json"), cancel).await
                }
                _ => self.file(t, "profile.json", cancel).await,
            },
            ["countryvalidationrules", iso2]
                if iso2.len() == 2 && iso2.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                self.file(t, &format!("countryvalidationrules/{iso2}.json"), cancel)
                    .await
                    .map_err(|e| match e {
                        ApiError::Status { status: 404, .. } => {
                            pc_error(404, 600013, "Country not supported", &[iso2])
                        }
                        e => e,
                    })
            }
            ["relationships"] => self.file(t, "resellers.json", cancel).await,
            ["offers"] => {
                // The demo serves the whole catalog as the first page.
                let offset = query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("offset="))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                if offset > 0 {
                    return Ok("{\"totalCount\":0,\"items\":[]}".into());
                }
                match &self.catalog {
                    Some(c) => self.file(t, &format!("offers-{c}.json"), cancel).await,
                    None => self.file(t, "offers.json", cancel).await,
                }
            }
            ["customers", "relationshiprequests"] => {
                self.file(t, "relationshiprequest.json", cancel).await
            }
            ["agreements"] => self.file(t, "agreements.json", cancel).await,
            _ => Err(pc_error(404, 0, "Not found", &[path])),
        }
    }
}
