//! The Subscriptions step's part of the store: the country's offer catalog in the UI language
//! (loaded once per country and language and kept for the wizard run; read again when the
//! language changes, the chosen lines staying as they are), the checks of the chosen lines, and the "continue
//! without subscriptions?" question. Lives in the store so that leaving the step loses nothing.

use std::sync::Arc;

use crate::state::reactive::{memo, Calc, Keep, Load, Local, Var};
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::domain::catalog::{line_issues, Catalog, LineError, LineField, LineIssue};
use crate::domain::i18n::{Key, Locale};
use crate::domain::messages;
use crate::domain::model::{Draft, Step};
use crate::domain::submit::LineProblem;

pub type CatalogResult = Result<Arc<Catalog>, ApiError>;

#[derive(Clone, Copy)]
pub struct Subs {
    /// `None` until the catalog is wanted (Subscriptions opened, or lines in the draft) and a
    /// country is chosen.
    pub catalog: Load<Option<CatalogResult>>,
    /// Every problem with the chosen lines (shown after the step's first Continue).
    pub issues: Calc<Vec<LineIssue>>,
    /// Continue was pressed with no lines: the question is showing.
    pub confirming_empty: Var<bool>,
}

impl Subs {
    pub fn new(
        api: Local<Api>,
        draft: Var<Draft>,
        step: Var<Step>,
        locale: Var<Locale>,
        server: Var<Vec<(String, String, LineProblem)>>,
    ) -> Subs {
        // A few countries and languages at most per visit: a list, not a map.
        let cache: Keep<Vec<(String, Locale, Arc<Catalog>)>> = Keep::new(Vec::new());
        // Once wanted, always wanted: going back to Account info keeps the catalog.
        let wanted = Calc::new(move |prev: Option<&bool>| {
            prev.copied().unwrap_or(false)
                || step.get() != Step::Account
                || draft.with(|d| !d.lines.is_empty())
        });
        let country = memo(move || draft.with(|d| d.account.country.trim().to_ascii_uppercase()));
        let catalog = Load::new(move || {
            let (want, c, api) = (wanted.get(), country.get(), api.get_value());
            // Partner Center answers offer names, descriptions and categories in the
            // request's language (`X-Locale`).
            let l = locale.get();
            async move {
                if !want || c.is_empty() {
                    return None;
                }
                if let Some(hit) = cache.with_value(|m| {
                    m.iter()
                        .find(|(k, kl, _)| *k == c && *kl == l)
                        .map(|(_, _, v)| v.clone())
                }) {
                    return Some(Ok(hit));
                }
                let r = api
                    .offers(&c, l, None)
                    .await
                    .map(|o| Arc::new(Catalog::new(o)));
                if let Ok(cat) = &r {
                    cache.update_value(|m| {
                        m.push((c, l, cat.clone()));
                    });
                }
                Some(r)
            }
        });
        let issues = memo(move || {
            let cat = catalog.get().flatten().and_then(Result::ok);
            draft.with(|d| {
                let mut issues = line_issues(&d.lines, cat.as_deref());
                // What Partner Center refused at submit, while the line is as it was then.
                server.with(|errs| {
                    for (offer_id, quantity, problem) in errs {
                        let Some(line) = d
                            .lines
                            .iter()
                            .position(|l| l.offer_id == *offer_id && l.quantity.trim() == quantity)
                        else {
                            continue;
                        };
                        let (field, error) = match problem {
                            LineProblem::QuantityOutOfRange => {
                                (LineField::Quantity, LineError::QuantityRefused)
                            }
                            LineProblem::Unavailable => (LineField::Offer, LineError::Unavailable),
                        };
                        if !issues.iter().any(|i| i.line == line && i.field == field) {
                            issues.push(LineIssue { line, field, error });
                        }
                    }
                });
                issues.sort_by_key(|i| i.line);
                issues
            })
        });
        Subs {
            catalog,
            issues,
            confirming_empty: Var::new(false),
        }
    }

    /// The loaded catalog, if any (tracked).
    pub fn loaded(&self) -> Option<Arc<Catalog>> {
        self.catalog.get().flatten().and_then(Result::ok)
    }

    /// Continue with no lines asks first. Returns whether it is asking.
    pub fn ask_before_continuing(&self, draft: Var<Draft>) -> bool {
        let empty = draft.with_untracked(|d| d.lines.is_empty());
        self.confirming_empty.set(empty);
        empty
    }

    /// The error summary's entries: (element id to focus, message naming the offer).
    pub fn error_links(&self, prefix: &str, draft: Var<Draft>, l: Locale) -> Vec<(String, String)> {
        let cat = self.loaded();
        self.issues.with(|issues| {
            issues
                .iter()
                .map(|i| {
                    let (offer_id, name, per_license) = draft
                        .with(|d| {
                            d.lines.get(i.line).map(|line| {
                                let offer = cat.as_ref().and_then(|c| c.get(&line.offer_id));
                                let name =
                                    offer.map_or_else(|| line.offer_id.clone(), |o| o.name.clone());
                                (
                                    line.offer_id.clone(),
                                    name,
                                    offer.is_none_or(|o| o.per_license()),
                                )
                            })
                        })
                        .unwrap_or_else(|| (String::new(), String::new(), true));
                    let message = messages::line_error(&i.error, l, per_license);
                    (
                        line_el_id(prefix, &offer_id, i.field),
                        Key::ErrLineInSummary.fmt(l, &[("offer", &name), ("message", &message)]),
                    )
                })
                .collect()
        })
    }
}

/// Element id of a line's control (or of the line itself for offer-level issues). Lines are
/// named by their offer id made safe for ids (`CFQ7TTC0CGXR:0002` -> `cfq7ttc0cgxr-0002`), so
/// ids stay the same when other lines are added or removed.
pub fn line_el_id(prefix: &str, offer_id: &str, field: LineField) -> String {
    let line: String = offer_id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    match field {
        LineField::Offer => format!("{prefix}-line-{line}"),
        LineField::Quantity => format!("{prefix}-line-{line}-quantity"),
        LineField::BillingCycle => format!("{prefix}-line-{line}-cycle"),
        LineField::Term => format!("{prefix}-line-{line}-term"),
        LineField::FriendlyName => format!("{prefix}-line-{line}-name"),
    }
}
