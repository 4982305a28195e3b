//! Submitting: create the customer, attest the agreement, place one order per group. Not
//! atomic, so this pure state machine records what is done, holds each operation's idempotency
//! key (generated once, saved with the draft before the request goes out), says what to do
//! next, and routes each failure to the step and field it concerns.

use crate::api::ApiError;
use crate::model::{BillingCycle, FieldId, PlacedOrder, Step};
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

// Saved with the draft (so that a reload resumes the submission with the same idempotency
// keys). Members marked `default` may be missing in what an older version saved.

/// One order line as submitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSpec {
    pub offer_id: String,
    pub quantity: u32,
    #[serde(default)]
    pub friendly_name: String,
    pub term_duration: Option<String>,
}

/// One order to place: lines that share a sales group and billing cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSpec {
    #[serde(default)]
    pub sales_group: String,
    pub billing_cycle: BillingCycle,
    pub lines: Vec<LineSpec>,
}

/// The created customer as remembered across reloads: never the password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRef {
    pub id: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub user_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderOp {
    pub key: String,
    pub spec: OrderSpec,
    pub placed: Option<PlacedOrder>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub customer_key: String,
    pub customer: Option<CustomerRef>,
    /// `None` when the customer will accept the agreement themselves.
    pub agreement_key: Option<String>,
    #[serde(default)]
    pub attested: bool,
    #[serde(default)]
    pub orders: Vec<OrderOp>,
}

/// What to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    CreateCustomer,
    Attest,
    Order(usize),
    Finished,
}

/// How a stage looks in the progress view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    Waiting,
    InProgress,
    Done,
    Failed,
}

impl Submission {
    /// A fresh plan; `key` makes a new idempotency key (a GUID).
    pub fn new(
        mut key: impl FnMut() -> String,
        attest: bool,
        orders: Vec<OrderSpec>,
    ) -> Submission {
        Submission {
            customer_key: key(),
            customer: None,
            agreement_key: attest.then(&mut key),
            attested: false,
            orders: orders
                .into_iter()
                .map(|spec| OrderOp {
                    key: key(),
                    spec,
                    placed: None,
                })
                .collect(),
        }
    }

    /// Adapts the plan to what the user changed after a failure, keeping everything already
    /// done and the keys of unchanged operations (so a retry is still recognised).
    pub fn replan(
        &mut self,
        mut key: impl FnMut() -> String,
        attest: bool,
        orders: Vec<OrderSpec>,
    ) {
        if attest && self.agreement_key.is_none() {
            self.agreement_key = Some(key());
        }
        if !attest && !self.attested {
            self.agreement_key = None;
        }
        let mut old = std::mem::take(&mut self.orders);
        // Placed orders stay as they are: they exist.
        self.orders = old.iter().filter(|o| o.placed.is_some()).cloned().collect();
        for spec in orders {
            if self
                .orders
                .iter()
                .any(|o| o.placed.is_some() && o.spec == spec)
            {
                continue;
            }
            let reuse = old
                .iter()
                .position(|o| o.placed.is_none() && o.spec == spec)
                .map(|i| old.remove(i).key);
            self.orders.push(OrderOp {
                key: reuse.unwrap_or_else(&mut key),
                spec,
                placed: None,
            });
        }
    }

    pub fn stage(&self) -> Stage {
        if self.customer.is_none() {
            return Stage::CreateCustomer;
        }
        if self.agreement_key.is_some() && !self.attested {
            return Stage::Attest;
        }
        match self.orders.iter().position(|o| o.placed.is_none()) {
            Some(i) => Stage::Order(i),
            None => Stage::Finished,
        }
    }

    /// The idempotency key of a stage.
    pub fn key(&self, stage: Stage) -> Option<&str> {
        match stage {
            Stage::CreateCustomer => Some(&self.customer_key),
            Stage::Attest => self.agreement_key.as_deref(),
            Stage::Order(i) => self.orders.get(i).map(|o| o.key.as_str()),
            Stage::Finished => None,
        }
    }

    pub fn record_customer(&mut self, c: CustomerRef) {
        self.customer = Some(c);
    }

    pub fn record_attested(&mut self) {
        self.attested = true;
    }

    pub fn record_order(&mut self, i: usize, placed: PlacedOrder) {
        if let Some(o) = self.orders.get_mut(i) {
            o.placed = Some(placed);
        }
    }

    /// Every stage with its status, for the progress view. `running` is the stage under way,
    /// `failed` the one that failed.
    pub fn stages(
        &self,
        running: Option<Stage>,
        failed: Option<Stage>,
    ) -> Vec<(Stage, StageStatus)> {
        let mut all = vec![Stage::CreateCustomer];
        if self.agreement_key.is_some() {
            all.push(Stage::Attest);
        }
        all.extend((0..self.orders.len()).map(Stage::Order));
        all.into_iter()
            .map(|s| {
                let done = match s {
                    Stage::CreateCustomer => self.customer.is_some(),
                    Stage::Attest => self.attested,
                    Stage::Order(i) => self.orders[i].placed.is_some(),
                    Stage::Finished => true,
                };
                let status = if done {
                    StageStatus::Done
                } else if failed == Some(s) {
                    StageStatus::Failed
                } else if running == Some(s) {
                    StageStatus::InProgress
                } else {
                    StageStatus::Waiting
                };
                (s, status)
            })
            .collect()
    }

    /// The customer exists but not everything else was done.
    pub fn partial(&self) -> bool {
        self.customer.is_some() && self.stage() != Stage::Finished
    }
}

/// Where a failure sends the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Network, timeout, 5xx, 429 (after the transport's own retries): offer Retry.
    Transient,
    /// A field on Account info.
    Field { field: FieldId, error: FieldError },
    /// An order line on Subscriptions.
    Line {
        offer_id: String,
        problem: LineProblem,
    },
    /// Anything else: shown with its message; Retry is offered.
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    QuantityOutOfRange,
    Unavailable,
}

impl Failure {
    pub fn step(&self) -> Option<Step> {
        match self {
            Failure::Field { .. } => Some(Step::Account),
            Failure::Line { .. } => Some(Step::Subscriptions),
            Failure::Transient | Failure::Other => None,
        }
    }
}

/// Partner Center's `data` names for invalid address properties (code 27002).
fn field_of_property(name: &str) -> Option<FieldId> {
    let n = name.to_ascii_lowercase();
    let n = n.trim_end_matches("invalid").trim_end_matches("missing");
    Some(match n {
        "state" | "region" => FieldId::State,
        "postalcode" | "zipcode" | "postcode" => FieldId::PostalCode,
        "city" => FieldId::City,
        "addressline1" | "address" | "street" => FieldId::AddressLine1,
        "addressline2" => FieldId::AddressLine2,
        "country" => FieldId::Country,
        "phonenumber" | "phone" => FieldId::Phone,
        "email" => FieldId::Email,
        "firstname" => FieldId::FirstName,
        "lastname" => FieldId::LastName,
        "companyname" => FieldId::CompanyName,
        "domain" => FieldId::DomainPrefix,
        "associatedpartnerid" => FieldId::Reseller,
        _ => return None,
    })
}

/// Maps an API failure at a stage to where the user fixes it.
pub fn route_error(stage: Stage, err: &ApiError, sub: &Submission) -> Failure {
    if err.is_transient() {
        return Failure::Transient;
    }
    let data = err.data();
    let description = match err {
        ApiError::Status { body: Some(b), .. } => b
            .description
            .clone()
            .or_else(|| b.message.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let order_offer = |sub: &Submission| -> Option<String> {
        let Stage::Order(i) = stage else { return None };
        let op = sub.orders.get(i)?;
        // `data` may name the line number or the offer id.
        data.iter()
            .find_map(|d| {
                op.spec
                    .lines
                    .iter()
                    .find(|l| l.offer_id == *d)
                    .map(|l| l.offer_id.clone())
                    .or_else(|| {
                        d.parse::<usize>()
                            .ok()
                            .and_then(|n| op.spec.lines.get(n))
                            .map(|l| l.offer_id.clone())
                    })
            })
            .or_else(|| (op.spec.lines.len() == 1).then(|| op.spec.lines[0].offer_id.clone()))
    };
    match err.code() {
        Some(27002) => data
            .iter()
            .find_map(|d| field_of_property(d))
            .map(|field| Failure::Field {
                field,
                error: FieldError::Server(if description.is_empty() {
                    data.join(", ")
                } else {
                    description.clone()
                }),
            })
            .unwrap_or(Failure::Other),
        Some(27100) => Failure::Field {
            field: FieldId::DomainPrefix,
            error: FieldError::DomainTaken,
        },
        Some(600049 | 600050) => Failure::Field {
            field: FieldId::RegistrationNumber,
            error: FieldError::Server(description),
        },
        Some(600051) => Failure::Field {
            field: FieldId::Phone,
            error: FieldError::Required(FieldId::Phone),
        },
        Some(13605) => Failure::Field {
            field: FieldId::Agreement,
            error: FieldError::Server(description),
        },
        Some(900275) => order_offer(sub)
            .map(|offer_id| Failure::Line {
                offer_id,
                problem: LineProblem::QuantityOutOfRange,
            })
            .unwrap_or(Failure::Other),
        Some(800070 | 2085) => order_offer(sub)
            .map(|offer_id| Failure::Line {
                offer_id,
                problem: LineProblem::Unavailable,
            })
            .unwrap_or(Failure::Other),
        _ => Failure::Other,
    }
}

#[cfg(test)]
mod tests;
