//! Test support: the real server binary, the stub Partner Center (tests/stub/server.mjs) and
//! the stand-in token authority and OIDC issuer (tests/stub/auth.mjs), each a process on
//! 127.0.0.1, talked to over real HTTP. Ports: `CWTEST_PORTS=9143-9158` takes them from a
//! range (so parallel runs on one machine do not collide); unset, the OS picks free ones.
//! PostgreSQL: `CWTEST_PG_URL` (scripts/test-server.sh starts a throwaway cluster).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub const SECRET: &str = "test-proxy-secret-0123456789";
pub const CLIENT_SECRET: &str = "cw-test-secret";
pub const REFRESH_TOKEN: &str = "cw-test-refresh-token";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

// ------------------------------------------------------------------------------- ports
static POOL: OnceLock<Mutex<Vec<u16>>> = OnceLock::new();

fn pool() -> &'static Mutex<Vec<u16>> {
    POOL.get_or_init(|| {
        let ports = std::env::var("CWTEST_PORTS")
            .ok()
            .and_then(|r| {
                let (a, b) = r.split_once('-')?;
                Some((a.parse::<u16>().ok()?..=b.parse::<u16>().ok()?).collect())
            })
            .unwrap_or_default();
        Mutex::new(ports)
    })
}

fn ranged() -> bool {
    std::env::var("CWTEST_PORTS").is_ok()
}

/// A port from the range (returned on drop), or 0 (any free port).
pub struct Port(pub u16);

impl Port {
    pub async fn take() -> Port {
        if !ranged() {
            return Port(0);
        }
        loop {
            if let Some(p) = pool().lock().unwrap().pop() {
                return Port(p);
            }
            // Every port of the range is in use by another test: wait for one to come back.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        if self.0 != 0 {
            pool().lock().unwrap().insert(0, self.0);
        }
    }
}

// ---------------------------------------------------------------------------- processes
pub struct Proc {
    pub child: Child,
    pub url: String,
    pub log: Arc<Mutex<Vec<String>>>,
    _port: Port,
}

impl Proc {
    async fn spawn(mut cmd: Command, marker: &str, port: Port) -> Proc {
        cmd.stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let mut child = cmd.spawn().expect("spawn");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let log = Arc::new(Mutex::new(Vec::new()));
        let url = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                log.lock().unwrap().push(line.clone());
                if line.contains(marker) {
                    let at = line.find("http://").expect("url in the ready line");
                    let url: String = line[at..]
                        .chars()
                        .take_while(|c| !c.is_whitespace() && *c != '"')
                        .collect();
                    return url;
                }
            }
            panic!(
                "process exited before it was ready: {:?}",
                log.lock().unwrap()
            );
        })
        .await
        .expect("process ready in time");
        let keep = log.clone();
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                keep.lock().unwrap().push(line);
            }
        });
        Proc {
            child,
            url,
            log,
            _port: port,
        }
    }

    pub fn logs(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// SIGKILL: no shutdown, nothing flushed.
    pub async fn kill(&mut self) {
        self.child.kill().await.unwrap();
    }
}

pub async fn stub(idempotent: bool) -> Proc {
    let port = Port::take().await;
    let mut cmd = Command::new("node");
    cmd.arg(repo().join("tests/stub/server.mjs"))
        .env("STUB_PORT", port.0.to_string())
        .env("STUB_IDEMPOTENCY", if idempotent { "on" } else { "off" });
    Proc::spawn(cmd, "stub listening on", port).await
}

pub async fn auth() -> Proc {
    let port = Port::take().await;
    let mut cmd = Command::new("node");
    cmd.arg(repo().join("tests/stub/auth.mjs"))
        .env("AUTH_PORT", port.0.to_string());
    Proc::spawn(cmd, "auth stand-in listening on", port).await
}

// ------------------------------------------------------------------------------ world
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite,
    Postgres,
}

impl Db {
    /// `None` when PostgreSQL is not available (the test then says it was skipped).
    pub fn url(&self, dir: &Path) -> Option<String> {
        match self {
            Db::Sqlite => Some(format!(
                "sqlite://{}?mode=rwc",
                dir.join("journal.db").display()
            )),
            Db::Postgres => std::env::var("CWTEST_PG_URL").ok(),
        }
    }
}

/// One test per database for `async fn $name(db: Db)`: `$name::sqlite` always, and
/// `$name::postgres` when PostgreSQL is there (see `pg_or_skip`).
#[macro_export]
macro_rules! on_each_database {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                super::$name(Db::Sqlite).await;
            }

            #[tokio::test]
            async fn postgres() {
                if pg_or_skip() {
                    super::$name(Db::Postgres).await;
                }
            }
        }
    )*};
}

pub fn pg_or_skip() -> bool {
    if std::env::var("CWTEST_PG_URL").is_err() {
        if std::env::var("CWTEST_REQUIRE_PG").is_ok() {
            panic!("CWTEST_PG_URL is not set but CWTEST_REQUIRE_PG is");
        }
        eprintln!("skipped: CWTEST_PG_URL is not set (scripts/test-server.sh starts PostgreSQL)");
        return false;
    }
    true
}

pub struct World {
    pub stub: Proc,
    pub auth: Proc,
    pub dir: PathBuf,
    pub http: reqwest::Client,
    pub db: Db,
}

pub struct Opts {
    pub identity: &'static str,
    pub timeout_secs: u64,
    pub lease_secs: u64,
    pub extra: String,
    pub max_request_bytes: usize,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            identity: "headers",
            timeout_secs: 5,
            lease_secs: 8,
            extra: String::new(),
            max_request_bytes: 65536,
        }
    }
}

impl World {
    pub async fn new() -> World {
        Self::with(Db::Sqlite, true).await
    }

    pub async fn with(db: Db, idempotent_stub: bool) -> World {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let (stub, auth) = tokio::join!(stub(idempotent_stub), auth());
        let dir = std::env::temp_dir().join(format!("cw-it-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(dir.join("dist")).unwrap();
        std::fs::write(
            dir.join("dist/index.html"),
            "<!doctype html><html><head><script type=\"module\" src=\"./boot.js\"></script></head><body><main id=\"customer-wizard\" class=\"cw-page\"></main></body></html>",
        )
        .unwrap();
        std::fs::write(
            dir.join("dist/app-0123456789abcdef.js"),
            "console.log('app');\n".repeat(50),
        )
        .unwrap();
        std::fs::write(dir.join("dist/app-0123456789abcdef.js.br"), b"BROTLI-BYTES").unwrap();
        std::fs::write(
            dir.join("dist/embed.js"),
            "export const x = 1;\n".repeat(50),
        )
        .unwrap();
        World {
            stub,
            auth,
            dir,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            db,
        }
    }

    pub fn config(&self, o: &Opts) -> String {
        let identity = match o.identity {
            "oidc" => format!(
                "[identity]\nmode = \"oidc\"\n[identity.oidc]\nissuer = \"{}\"\naudience = \"api://customer-wizard\"\nleeway_secs = 0\n",
                self.auth.url
            ),
            _ => format!("[identity]\nmode = \"headers\"\n[identity.headers]\nsecret = \"{SECRET}\"\n"),
        };
        format!(
            r#"listen = "127.0.0.1:{{port}}"
dist_dir = "{dist}"
[partner_center]
base_url = "{stub}"
timeout_secs = {timeout}
max_request_bytes = {maxreq}
[token]
authority_url = "{auth}/oauth2/token"
client_id = "cw-test-app"
client_secret = "{CLIENT_SECRET}"
refresh_token_file = "{rt}"
[partner]
partner_type = "indirectProvider"
email_domain = "contoso-partner.example"
[journal]
database_url = "{db}"
lease_secs = {lease}
[http]
cors_origins = ["http://portal.example"]
{identity}
{extra}
"#,
            dist = self.dir.join("dist").display(),
            stub = self.stub.url,
            timeout = o.timeout_secs,
            maxreq = o.max_request_bytes,
            auth = self.auth.url,
            rt = self.dir.join("refresh-token").display(),
            db = self.db.url(&self.dir).expect("database url"),
            lease = o.lease_secs,
            extra = o.extra,
        )
    }

    pub async fn server(&self, o: &Opts) -> Proc {
        let rt = self.dir.join("refresh-token");
        if !rt.exists() {
            std::fs::write(&rt, REFRESH_TOKEN).unwrap();
        }
        let port = Port::take().await;
        let text = self.config(o).replace("{port}", &port.0.to_string());
        let path = self
            .dir
            .join(format!("server-{}.toml", uuid::Uuid::new_v4()));
        std::fs::write(&path, text).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_customer-wizard-server"));
        cmd.arg("--config").arg(&path).env("RUST_LOG", "info");
        Proc::spawn(cmd, "listening on http://", port).await
    }

    pub async fn post_json(&self, url: String, body: Value) -> Value {
        self.http
            .post(url)
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub async fn get_json(&self, url: String) -> Value {
        self.http
            .get(url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// A server's Prometheus text (`GET /metrics`).
    pub async fn metrics(&self, server: &Proc) -> String {
        self.http
            .get(format!("{}/metrics", server.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    pub async fn faults(&self, faults: Value) {
        self.post_json(
            format!("{}/__stub/faults", self.stub.url),
            json!({ "faults": faults }),
        )
        .await;
    }

    pub async fn stub_log(&self, query: &str) -> Value {
        self.get_json(format!("{}/__stub/log?{query}", self.stub.url))
            .await
    }

    pub async fn stub_state(&self) -> Value {
        self.get_json(format!("{}/__stub/state", self.stub.url))
            .await
    }

    pub async fn auth_config(&self, v: Value) {
        self.post_json(format!("{}/__auth/config", self.auth.url), v)
            .await;
    }

    pub async fn auth_log(&self) -> Value {
        self.get_json(format!("{}/__auth/log", self.auth.url)).await
    }

    pub async fn id_token(&self, v: Value) -> String {
        self.post_json(format!("{}/__auth/id-token", self.auth.url), v)
            .await["token"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

impl Drop for World {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A request as the app makes it, signed in through the trusted-headers proxy.
pub fn as_user(rb: reqwest::RequestBuilder, roles: &str) -> reqwest::RequestBuilder {
    rb.header("x-cw-proxy-secret", SECRET)
        .header("x-cw-user", "pat@contoso-partner.example")
        .header("x-cw-user-roles", roles)
        .header("ms-correlationid", uuid::Uuid::new_v4().to_string())
}

pub fn guid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A valid create-customer body (US, indirect reseller from the demo data).
pub fn customer_body(prefix: &str) -> Value {
    json!({
        "enableGDAPByDefault": true,
        "CompanyProfile": { "Domain": format!("{prefix}.onmicrosoft.com") },
        "BillingProfile": {
            "Email": "jo@fabrikam.example", "Culture": "en-US", "Language": "en",
            "CompanyName": format!("Fabrikam {prefix}"),
            "DefaultAddress": {
                "FirstName": "Jo", "LastName": "Doe", "AddressLine1": "1 Main St",
                "City": "Redmond", "State": "WA", "PostalCode": "98052", "Country": "US",
                "PhoneNumber": "4255550100"
            }
        }
    })
}

pub fn is_pc_error(v: &Value) -> bool {
    v["code"].is_number()
        && v["description"].is_string()
        && v["data"].is_array()
        && v["source"].is_string()
}
