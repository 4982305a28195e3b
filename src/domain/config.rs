//! Configuration given by the host (data attributes on the mount element, or a JSON script
//! inside it) or, standalone, by the page URL. Parsing is pure; reading the DOM is in `browser`.

use crate::domain::i18n::Locale;
use crate::domain::model::{Cloud, PartnerType};

/// Where the draft is kept between page loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DraftStorage {
    #[default]
    Local,
    Session,
    None,
}

/// Whether the wizard writes its step to the browser history (standalone) or keeps it in
/// internal state only (the default when embedded, so the host's URL is left alone).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Routing {
    /// The step in the URL fragment (`#review`): works on any static host.
    #[default]
    Hash,
    /// The step as a path under a base (`/customers/new/review`): the host's server must
    /// answer every path under the base with the page.
    Path(String),
    None,
}

impl Routing {
    pub fn in_url(&self) -> bool {
        !matches!(self, Routing::None)
    }
}

/// How calls are authenticated, as a data attribute can say it. (A host mounting from
/// JavaScript can also pass a token callback function directly.)
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum AuthSpec {
    #[default]
    None,
    /// `credentials: include`: the portal's cookies.
    Cookies,
    /// A static header, e.g. `Authorization: Bearer ...`.
    Header(String, String),
    /// A global function (dotted path, e.g. `portal.getToken`) returning a token or a promise.
    TokenFunction(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Config {
    /// `None` means the in-browser demo backend.
    pub api_base: Option<String>,
    /// Where the demo backend's JSON lives (relative to the page, or absolute).
    pub assets_base: String,
    pub locale: Option<Locale>,
    pub storage: DraftStorage,
    pub routing: Routing,
    /// Demo only: which canned profile to answer (`direct`, `no-role`, ...).
    pub demo_profile: Option<String>,
    /// Demo only: fault injection, e.g. `customers:timeout,orders:500`.
    pub demo_faults: Option<String>,
    pub partner_type: Option<PartnerType>,
    pub cloud: Option<Cloud>,
    /// e.g. `https://portal.example/customers/{id}`.
    pub customer_url: Option<String>,
    /// Draft lifetime in days.
    pub draft_days: u32,
    /// Simulated latency of the demo backend, in milliseconds.
    pub demo_latency_ms: u32,
    /// Time limit of one HTTP attempt, in milliseconds.
    pub timeout_ms: u32,
    pub auth: AuthSpec,
    /// "Browse CSP offers" on Done.
    pub offers_url: String,
    /// Whether the wizard sets `document.title` per step (standalone: yes; embedded: the host
    /// decides).
    pub manage_title: bool,
    /// Demo only: another offer catalog, `offers-<name>.json` (e.g. `10k` for the benchmark's
    /// 10,000 offers, made by `node tools/gen-demo-offers.mjs --count 10000`).
    pub demo_catalog: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("unknown configuration key \"{0}\"")]
    UnknownKey(String),
    #[error("\"{value}\" is not a valid value for \"{key}\" (expected {expected})")]
    BadValue {
        key: String,
        value: String,
        expected: &'static str,
    },
    #[error("the configuration script is not valid JSON: {0}")]
    BadJson(String),
}

impl Config {
    pub fn new() -> Config {
        Config {
            assets_base: "public/".into(),
            draft_days: 7,
            demo_latency_ms: 250,
            timeout_ms: 20_000,
            manage_title: true,
            offers_url: "https://partner.microsoft.com/dashboard".into(),
            ..Config::default()
        }
    }

    /// Applies `key = value` pairs; keys are kebab-case (`api-base`), as in `data-api-base`.
    pub fn apply<'a>(
        mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        for (key, value) in pairs {
            self.set(key, value)?;
        }
        Ok(self)
    }

    /// One `key = value` pair. Not generic: `apply` is called with three kinds of iterators,
    /// and this body would be compiled for each.
    fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        {
            let bad = |expected| ConfigError::BadValue {
                key: key.to_string(),
                value: value.to_string(),
                expected,
            };
            let value = value.trim();
            match key {
                "api-base" => {
                    self.api_base = match value {
                        "" | "demo" => None,
                        v if v.starts_with("http://")
                            || v.starts_with("https://")
                            || v.starts_with('/') =>
                        {
                            Some(v.trim_end_matches('/').to_string())
                        }
                        _ => {
                            return Err(bad("an http(s) URL, a path starting with /, or \"demo\""))
                        }
                    }
                }
                "assets-base" => {
                    let mut v = value.to_string();
                    if !v.ends_with('/') {
                        v.push('/');
                    }
                    self.assets_base = v;
                }
                "locale" => {
                    self.locale = Some(Locale::from_tag(value).ok_or_else(|| bad("en or tr"))?)
                }
                "storage" => {
                    self.storage = match value {
                        "local" => DraftStorage::Local,
                        "session" => DraftStorage::Session,
                        "none" => DraftStorage::None,
                        _ => return Err(bad("local, session or none")),
                    }
                }
                "routing" => {
                    self.routing = match value {
                        "hash" => Routing::Hash,
                        "none" => Routing::None,
                        // The base comes with `route-base`; until then, the site root.
                        "path" => Routing::Path(match &self.routing {
                            Routing::Path(b) => b.clone(),
                            _ => String::new(),
                        }),
                        _ => return Err(bad("hash, path or none")),
                    }
                }
                "route-base" => {
                    if !value.starts_with('/') {
                        return Err(bad("a path starting with /, e.g. /customers/new"));
                    }
                    self.routing = Routing::Path(value.trim_end_matches('/').to_string());
                }
                "offers-url" => self.offers_url = value.to_string(),
                "demo-profile" => self.demo_profile = Some(value.to_string()),
                "demo-faults" => self.demo_faults = Some(value.to_string()),
                "demo-catalog" => {
                    self.demo_catalog = match value {
                        "" | "default" => None,
                        v if v.len() <= 32
                            && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
                        {
                            Some(v.to_string())
                        }
                        _ => return Err(bad("a catalog name of letters, digits and -, like 10k")),
                    }
                }
                "demo-latency" => {
                    self.demo_latency_ms = value.parse().map_err(|_| bad("milliseconds"))?
                }
                "partner-type" => {
                    self.partner_type = Some(match value {
                        "direct" => PartnerType::Direct,
                        "indirectProvider" | "indirect-provider" => PartnerType::IndirectProvider,
                        _ => return Err(bad("direct or indirectProvider")),
                    })
                }
                "cloud" => {
                    self.cloud = Some(match value {
                        "public" => Cloud::Public,
                        "usgov" => Cloud::UsGov,
                        _ => return Err(bad("public or usgov")),
                    })
                }
                "timeout" => {
                    self.timeout_ms = value
                        .parse()
                        .ok()
                        .filter(|t| (100..=300_000).contains(t))
                        .ok_or_else(|| bad("milliseconds between 100 and 300000"))?
                }
                "auth" => {
                    self.auth = match value {
                        "none" | "" => AuthSpec::None,
                        "cookies" | "include" => AuthSpec::Cookies,
                        _ => return Err(bad("none or cookies")),
                    }
                }
                "auth-header" => {
                    let (name, v) = value
                        .split_once(':')
                        .filter(|(n, v)| !n.trim().is_empty() && !v.trim().is_empty())
                        .ok_or_else(|| bad("\"Header-Name: value\""))?;
                    self.auth = AuthSpec::Header(name.trim().into(), v.trim().into());
                }
                "auth-token-function" => {
                    if value.is_empty()
                        || !value.split('.').all(|p| {
                            !p.is_empty()
                                && p.chars()
                                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                        })
                    {
                        return Err(bad(
                            "the dotted name of a global function, e.g. portal.getToken",
                        ));
                    }
                    self.auth = AuthSpec::TokenFunction(value.into());
                }
                "manage-title" => {
                    self.manage_title = match value {
                        "true" | "" => true,
                        "false" => false,
                        _ => return Err(bad("true or false")),
                    }
                }
                "customer-url" => self.customer_url = Some(value.to_string()),
                "draft-days" => {
                    self.draft_days = value
                        .parse()
                        .ok()
                        .filter(|d| *d > 0)
                        .ok_or_else(|| bad("a whole number of days, at least 1"))?
                }
                other => return Err(ConfigError::UnknownKey(other.to_string())),
            }
        }
        Ok(())
    }

    /// Applies the members of the JSON config object, whose keys are camelCase (`apiBase`) or
    /// kebab-case. The browser parses the JSON (`browser::json_object`), so no JSON value type
    /// is compiled into the wasm.
    pub fn apply_object(self, members: &[(String, String)]) -> Result<Config, ConfigError> {
        let pairs: Vec<(String, &str)> = members
            .iter()
            .map(|(k, v)| (kebab(k), v.as_str()))
            .collect();
        self.apply(pairs.iter().map(|(k, v)| (k.as_str(), *v)))
    }

    pub fn is_demo(&self) -> bool {
        self.api_base.is_none()
    }
}

/// `apiBase` -> `api-base`.
pub fn kebab(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_the_demo_backend() {
        let c = Config::new();
        assert!(c.is_demo());
        assert_eq!(c.storage, DraftStorage::Local);
        assert_eq!(c.draft_days, 7);
    }

    #[test]
    fn data_attributes_configure_the_wizard() {
        let c = Config::new()
            .apply([
                ("api-base", "https://portal.example/api/partner-center/"),
                ("locale", "tr-TR"),
                ("storage", "session"),
                ("routing", "none"),
            ])
            .unwrap();
        assert_eq!(
            c.api_base.as_deref(),
            Some("https://portal.example/api/partner-center")
        );
        assert_eq!(c.locale, Some(Locale::Tr));
        assert_eq!(c.storage, DraftStorage::Session);
        assert_eq!(c.routing, Routing::None);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors_that_name_them() {
        let e = Config::new().apply([("api-bsae", "x")]).unwrap_err();
        assert_eq!(e.to_string(), "unknown configuration key \"api-bsae\"");
        let e = Config::new().apply([("locale", "xx")]).unwrap_err();
        assert!(e.to_string().contains("\"locale\""), "{e}");
        assert!(Config::new().apply([("api-base", "ftp://x")]).is_err());
    }

    #[test]
    fn path_routing_under_a_base() {
        let c = Config::new()
            .apply([("routing", "path"), ("route-base", "/customers/new/")])
            .unwrap();
        assert_eq!(c.routing, Routing::Path("/customers/new".into()));
        assert!(c.routing.in_url());
        assert!(Config::new().apply([("route-base", "customers")]).is_err());
        assert!(!Config::new()
            .apply([("routing", "none")])
            .unwrap()
            .routing
            .in_url());
    }

    #[test]
    fn auth_from_attributes() {
        let c = Config::new().apply([("auth", "cookies")]).unwrap();
        assert_eq!(c.auth, AuthSpec::Cookies);
        let c = Config::new()
            .apply([("auth-header", "Authorization: Bearer abc:def")])
            .unwrap();
        assert_eq!(
            c.auth,
            AuthSpec::Header("Authorization".into(), "Bearer abc:def".into())
        );
        let c = Config::new()
            .apply([("auth-token-function", "portal.auth.getToken")])
            .unwrap();
        assert_eq!(
            c.auth,
            AuthSpec::TokenFunction("portal.auth.getToken".into())
        );
        assert!(Config::new().apply([("auth-header", "nocolon")]).is_err());
        assert!(Config::new()
            .apply([("auth-token-function", "alert(1)")])
            .is_err());
    }

    #[test]
    fn demo_catalog_names_a_file() {
        let c = Config::new().apply([("demo-catalog", "10k")]).unwrap();
        assert_eq!(c.demo_catalog.as_deref(), Some("10k"));
        let c = Config::new().apply([("demo-catalog", "default")]).unwrap();
        assert_eq!(c.demo_catalog, None);
        assert!(Config::new().apply([("demo-catalog", "../x")]).is_err());
    }

    #[test]
    fn json_config_accepts_camel_case() {
        let members = [("apiBase", "/api"), ("draftDays", "3"), ("storage", "none")]
            .map(|(k, v)| (k.to_string(), v.to_string()));
        let c = Config::new().apply_object(&members).unwrap();
        assert_eq!(c.api_base.as_deref(), Some("/api"));
        assert_eq!(c.draft_days, 3);
        assert_eq!(c.storage, DraftStorage::None);
        let e = Config::new()
            .apply_object(&[("draftDayz".into(), "3".into())])
            .unwrap_err();
        assert_eq!(e, ConfigError::UnknownKey("draft-dayz".into()));
    }
}
