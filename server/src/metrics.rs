//! Prometheus metrics (`GET /metrics`, text format): requests by operation and status, Partner
//! Center latency, token grants, journal outcomes, throttling. Labels are operation names,
//! never paths, ids or users.

use std::sync::{Arc, Mutex};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Request {
    op: String,
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Op {
    op: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Outcome {
    outcome: String,
}

#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Mutex<Registry>>,
    requests: Family<Request, Counter>,
    upstream: Family<Op, Histogram>,
    grants: Family<Outcome, Counter>,
    journal: Family<Outcome, Counter>,
    throttled: Family<Op, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("cw");
        let requests = Family::<Request, Counter>::default();
        let upstream = Family::<Op, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.005, 2.0, 14))
        });
        let grants = Family::<Outcome, Counter>::default();
        let journal = Family::<Outcome, Counter>::default();
        let throttled = Family::<Op, Counter>::default();
        registry.register(
            "http_requests",
            "API requests answered, by operation and status",
            requests.clone(),
        );
        registry.register(
            "partner_center_seconds",
            "Time of calls to Partner Center, by operation",
            upstream.clone(),
        );
        registry.register(
            "token_grants",
            "Refresh-token grants, by outcome (ok, refused, unavailable)",
            grants.clone(),
        );
        registry.register(
            "journal",
            "Journal outcomes of POSTs (forwarded, replayed, waited, conflict, recovered)",
            journal.clone(),
        );
        registry.register(
            "throttled",
            "Requests answered 429 because Partner Center asked to wait",
            throttled.clone(),
        );
        Metrics {
            registry: Arc::new(Mutex::new(registry)),
            requests,
            upstream,
            grants,
            journal,
            throttled,
        }
    }

    pub fn request(&self, op: &str, status: u16) {
        self.requests
            .get_or_create(&Request {
                op: op.into(),
                status: status.to_string(),
            })
            .inc();
    }
    pub fn upstream(&self, op: &str, secs: f64) {
        self.upstream
            .get_or_create(&Op { op: op.into() })
            .observe(secs);
    }
    pub fn token_grant(&self, outcome: &str) {
        self.grants
            .get_or_create(&Outcome {
                outcome: outcome.into(),
            })
            .inc();
    }
    pub fn journal(&self, outcome: &str) {
        self.journal
            .get_or_create(&Outcome {
                outcome: outcome.into(),
            })
            .inc();
    }
    pub fn throttled(&self, op: &str) {
        self.throttled.get_or_create(&Op { op: op.into() }).inc();
    }

    pub fn encode(&self) -> String {
        let mut out = String::new();
        let registry = self.registry.lock().unwrap();
        let _ = prometheus_client::encoding::text::encode(&mut out, &registry);
        out
    }
}
