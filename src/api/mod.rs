//! The API seam: one [`Api`] handle (in context) with two backends, HTTP (a Partner Center v1
//! proxy) and the in-browser demo. The only code that knows JSON or HTTP.

pub mod demo;
pub mod error;
pub mod faults;
pub mod http;
pub mod json;
pub mod map;
pub mod wire;

// Contract tests run natively (they read files and use a JSON Schema validator).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use std::rc::Rc;
use std::sync::Arc;

use gloo_net::http::Method;

pub use error::ApiError;
pub use http::{new_guid, Auth, Cancel};

use crate::domain::catalog::Catalog;
use crate::domain::i18n::Locale;
use crate::domain::model::{
    Account, Address, AddressCheck, CountryRules, CreatedCustomer, MpnId, Offer, Order,
    PartnerType, PlacedOrder, Profile, Reseller, ResellerId,
};
use crate::domain::submit::SubmitApi;
use http::{Answer, Call, Transport};

/// Offers are fetched in pages of this size and assembled into one list.
pub const OFFER_PAGE: usize = 500;

/// Partner Center: the agreement was already attested for this customer.
pub const ALREADY_ATTESTED: i64 = 600061;

enum Backend {
    Http { base: String },
    Demo(demo::Demo),
}

/// Cheap to clone; not `Send` (it holds JS values), so it lives in a [`crate::state::reactive::Local`].
#[derive(Clone)]
pub struct Api(Rc<Inner>);

struct Inner {
    backend: Backend,
    transport: Transport,
}

/// Reads an answer body; anything but the expected JSON shape is [`ApiError::BadJson`],
/// naming the member that was wrong.
pub fn parse<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    json::from_str(body).map_err(ApiError::BadJson)
}

/// A read (GET or HEAD) as both backends understand it. Writes are typed per backend (see
/// [`Api::post`]).
pub struct Req<'a> {
    pub method: Method,
    pub path: String,
    pub cancel: Option<&'a Cancel>,
    /// The answer's language, where it is kept per language (see [`Call::locale`]).
    pub locale: Option<Locale>,
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

    /// Sends one read. Reads are retried on transient failures.
    async fn send(&self, req: Req<'_>) -> Result<Answer, ApiError> {
        match &self.0.backend {
            Backend::Http { base } => {
                self.0
                    .transport
                    .send(Call {
                        method: req.method,
                        url: format!("{base}{}", req.path),
                        body: None,
                        request_id: new_guid(),
                        retry: true,
                        cancel: req.cancel,
                        pc_headers: true,
                        locale: req.locale,
                    })
                    .await
            }
            Backend::Demo(d) => d.handle(&self.0.transport, req).await,
        }
    }

    async fn get<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        cancel: Option<&Cancel>,
    ) -> Result<T, ApiError> {
        self.get_in(path, None, cancel).await
    }

    /// A read whose answer is in `locale`'s language.
    async fn get_in<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        locale: Option<Locale>,
        cancel: Option<&Cancel>,
    ) -> Result<T, ApiError> {
        let answer = self
            .send(Req {
                method: Method::GET,
                path: path.to_string(),
                cancel,
                locale,
            })
            .await?;
        parse(&answer.body)
    }

    /// A write over HTTP, retried on transient failures with the same `request_id` (the
    /// idempotency key). The demo backend takes typed bodies instead, so that the request
    /// types need no reader and the answers no writer in the app.
    async fn post(
        &self,
        base: &str,
        path: &str,
        body: String,
        request_id: &str,
        cancel: Option<&Cancel>,
    ) -> Result<Answer, ApiError> {
        self.0
            .transport
            .send(Call {
                method: Method::POST,
                url: format!("{base}{path}"),
                body: Some(body),
                request_id: request_id.to_string(),
                retry: true,
                cancel,
                pc_headers: true,
                locale: None,
            })
            .await
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

    /// Whether `<prefix>.onmicrosoft.com` is taken (HEAD: 200 taken, 404 free).
    pub async fn domain_taken(
        &self,
        prefix: &str,
        cancel: Option<&Cancel>,
    ) -> Result<bool, ApiError> {
        let result = self
            .send(Req {
                method: Method::HEAD,
                path: format!(
                    "/v1/domains/{}.onmicrosoft.com",
                    prefix.to_ascii_lowercase()
                ),
                cancel,
                locale: None,
            })
            .await;
        match result {
            Ok(_) => Ok(true),
            Err(ApiError::Status { status: 404, .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub async fn validate_address(
        &self,
        address: &Address,
        cancel: Option<&Cancel>,
    ) -> Result<AddressCheck, ApiError> {
        let body = map::address_to_validate(address);
        let answer = match &self.0.backend {
            Backend::Http { base } => parse(
                &self
                    .post(
                        base,
                        "/v1/validations/address",
                        json::to_string(&body),
                        &new_guid(),
                        cancel,
                    )
                    .await?
                    .body,
            )?,
            Backend::Demo(d) => d.validate_address(&self.0.transport, &body, cancel).await?,
        };
        Ok(map::address_check(answer))
    }

    pub async fn resellers(&self) -> Result<Vec<Reseller>, ApiError> {
        self.get::<wire::Collection<wire::PartnerRelationship>>(
            "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
            None,
        )
        .await
        .map(|c| c.items.into_iter().map(map::reseller).collect())
    }

    /// All offers for a country, page by page, with names, descriptions and categories in
    /// `locale`'s language (Partner Center takes it from `X-Locale`).
    pub async fn offers(
        &self,
        iso2: &str,
        locale: Locale,
        cancel: Option<&Cancel>,
    ) -> Result<Vec<Offer>, ApiError> {
        let mut out = Vec::new();
        loop {
            let page: wire::Collection<wire::Offer> = self
                .get_in(
                    &format!(
                        "/v1/offers?country={}&offset={}&size={OFFER_PAGE}",
                        iso2.to_ascii_uppercase(),
                        out.len()
                    ),
                    Some(locale),
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

    /// The link an existing customer's admin opens to accept the partner as reseller.
    pub async fn relationship_request_url(&self) -> Result<String, ApiError> {
        self.get::<wire::RelationshipRequest>("/v1/customers/relationshiprequests", None)
            .await
            .map(|r| r.url)
    }

    /// The current Microsoft Customer Agreement template id (highest version rank).
    pub async fn mca_template_id(&self) -> Result<String, ApiError> {
        let c: wire::Collection<wire::AgreementMetadata> = self
            .get(
                "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
                None,
            )
            .await?;
        c.items
            .into_iter()
            .max_by_key(|a| a.version_rank)
            .map(|a| a.template_id)
            .ok_or_else(|| ApiError::BadJson("no agreement template".into()))
    }
}

/// The submit run's view of the API: model types in and out, mapped here (`map`). Each write
/// hands its body, as sent, to `key_for` for the idempotency key it goes out with.
impl SubmitApi for Api {
    async fn catalog(&self, country: &str, locale: Locale) -> Result<Arc<Catalog>, ApiError> {
        let offers = self.offers(country, locale, None).await?;
        Ok(Arc::new(Catalog::new(offers)))
    }

    async fn partner_type(&self) -> Result<PartnerType, ApiError> {
        Ok(self.profile().await?.partner_type)
    }

    async fn country_rules(&self, iso2: &str) -> Result<CountryRules, ApiError> {
        Api::country_rules(self, iso2).await
    }

    async fn resellers(&self) -> Result<Vec<Reseller>, ApiError> {
        Api::resellers(self).await
    }

    async fn mca_template_id(&self) -> Result<String, ApiError> {
        Api::mca_template_id(self).await
    }

    async fn create_customer(
        &self,
        account: &Account,
        rules: Option<&CountryRules>,
        reseller: Option<&ResellerId>,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<CreatedCustomer, ApiError> {
        let body = map::customer_create(account, rules, reseller);
        let text = json::to_string(&body);
        let request_id = key_for(&text);
        let customer = match &self.0.backend {
            Backend::Http { base } => parse(
                &self
                    .post(base, "/v1/customers", text, &request_id, None)
                    .await?
                    .body,
            )?,
            Backend::Demo(d) => {
                d.create_customer(&self.0.transport, &body, &request_id)
                    .await?
            }
        };
        Ok(map::created_customer(customer))
    }

    async fn attest(
        &self,
        customer_id: &str,
        account: &Account,
        template_id: &str,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<(), ApiError> {
        let text = json::to_string(&map::agreement_create(account, template_id));
        let request_id = key_for(&text);
        let path = format!("/v1/customers/{customer_id}/agreements");
        let r = match &self.0.backend {
            Backend::Http { base } => self
                .post(base, &path, text, &request_id, None)
                .await
                .map(drop),
            Backend::Demo(d) => d.attest(&path, customer_id, &request_id).await,
        };
        match r {
            Err(e) if e.code() == Some(ALREADY_ATTESTED) => Ok(()),
            r => r,
        }
    }

    async fn create_order(
        &self,
        customer_id: &str,
        order: &Order,
        mpn: Option<&MpnId>,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<PlacedOrder, ApiError> {
        let body = map::order_create(customer_id, order, mpn);
        let text = json::to_string(&body);
        let request_id = key_for(&text);
        let path = format!("/v1/customers/{customer_id}/orders");
        let placed: wire::Order = match &self.0.backend {
            Backend::Http { base } => {
                parse(&self.post(base, &path, text, &request_id, None).await?.body)?
            }
            Backend::Demo(d) => {
                d.create_order(&self.0.transport, &path, customer_id, &body, &request_id)
                    .await?
            }
        };
        Ok(PlacedOrder {
            id: placed.id,
            status: placed.status,
        })
    }
}
