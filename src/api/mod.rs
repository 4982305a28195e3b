//! The API seam: one [`Api`] handle (in context) with two backends, HTTP (a Partner Center v1
//! proxy) and the in-browser demo. The only code that knows JSON or HTTP.

pub mod demo;
pub mod error;
pub mod faults;
pub mod http;
pub mod map;
pub mod wire;

use std::rc::Rc;

use gloo_net::http::Method;
use serde::de::DeserializeOwned;

pub use error::ApiError;
pub use http::{new_guid, Auth, Cancel};

use crate::model::{CountryRules, Offer, Profile, Reseller};
use http::{Call, Transport};

/// Offers are fetched in pages of this size and assembled into one list.
pub const OFFER_PAGE: usize = 500;

enum Backend {
    Http { base: String },
    Demo(demo::Demo),
}

/// Cheap to clone; not `Send` (it holds JS values), so it lives in a local `StoredValue`.
#[derive(Clone)]
pub struct Api(Rc<Inner>);

struct Inner {
    backend: Backend,
    transport: Transport,
}

pub fn parse<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::BadJson(e.to_string()))
}

impl Api {
    pub fn http(base: String, transport: Transport) -> Api {
        Api(Rc::new(Inner {
            backend: Backend::Http { base },
            transport,
        }))
    }

    pub fn demo(demo: demo::Demo, transport: Transport) -> Api {
        Api(Rc::new(Inner {
            backend: Backend::Demo(demo),
            transport,
        }))
    }

    pub fn is_demo(&self) -> bool {
        matches!(self.0.backend, Backend::Demo(_))
    }

    async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        cancel: Option<&Cancel>,
    ) -> Result<T, ApiError> {
        match &self.0.backend {
            Backend::Http { base } => {
                let answer = self
                    .0
                    .transport
                    .send(Call {
                        method: Method::GET,
                        url: format!("{base}{path}"),
                        body: None,
                        request_id: new_guid(),
                        retry: true,
                        cancel,
                        pc_headers: true,
                    })
                    .await?;
                parse(&answer.body)
            }
            Backend::Demo(d) => parse(&d.get(&self.0.transport, path, cancel).await?),
        }
    }

    pub async fn profile(&self) -> Result<Profile, ApiError> {
        self.get::<wire::ProfileMe>("/v1/profiles/me", None)
            .await
            .map(map::profile)
    }

    pub async fn country_rules(&self, iso2: &str) -> Result<CountryRules, ApiError> {
        let iso2 = iso2.to_ascii_uppercase();
        self.get::<wire::CountryValidationRules>(
            &format!("/v1/countryvalidationrules/{iso2}"),
            None,
        )
        .await
        .map(map::country_rules)
    }

    pub async fn resellers(&self) -> Result<Vec<Reseller>, ApiError> {
        self.get::<wire::Collection<wire::PartnerRelationship>>(
            "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
            None,
        )
        .await
        .map(|c| c.items.into_iter().map(map::reseller).collect())
    }

    /// All offers for a country, page by page.
    pub async fn offers(
        &self,
        iso2: &str,
        cancel: Option<&Cancel>,
    ) -> Result<Vec<Offer>, ApiError> {
        let mut out = Vec::new();
        loop {
            let page: wire::Collection<wire::Offer> = self
                .get(
                    &format!(
                        "/v1/offers?country={}&offset={}&size={OFFER_PAGE}",
                        iso2.to_ascii_uppercase(),
                        out.len()
                    ),
                    cancel,
                )
                .await?;
            let n = page.items.len();
            out.extend(page.items.into_iter().map(map::offer));
            let total = page.total_count.map_or(usize::MAX, |t| t as usize);
            if n == 0 || out.len() >= total {
                return Ok(out);
            }
        }
    }
}
