//! Chosen lines into Partner Center orders: one order per (sales group, billing cycle), since
//! offers of different sales groups are ordered separately and one order has one billing cycle.

use super::{line_issues, parse_quantity, Catalog, LineIssue};
use crate::model::{BillingCycle, Line, MpnId};

/// One line item of a `POST /v1/customers/{id}/orders` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderLine {
    /// 0-based within its order.
    pub line_item_number: u32,
    pub offer_id: String,
    pub quantity: u32,
    pub friendly_name: Option<String>,
    pub term_duration: Option<String>,
    /// The indirect reseller's MPN id (not its relationship id).
    pub partner_id_on_record: Option<MpnId>,
    /// Index of the line in `Draft.lines`, to map a server error back to the line.
    pub draft_line: usize,
}

/// One order to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderGroup {
    pub sales_group_id: String,
    pub billing_cycle: BillingCycle,
    pub lines: Vec<OrderLine>,
}

/// Groups the lines into orders, in the order their groups first appear. Fails with the
/// lines' issues if any line is not valid (so nothing invalid is ever sent).
pub fn group_orders(
    lines: &[Line],
    catalog: &Catalog,
    partner_id_on_record: Option<&MpnId>,
) -> Result<Vec<OrderGroup>, Vec<LineIssue>> {
    let issues = line_issues(lines, Some(catalog));
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut groups: Vec<OrderGroup> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // Both exist: `line_issues` checked them.
        let Some(offer) = catalog.get(&line.offer_id) else {
            continue;
        };
        let Ok(quantity) = parse_quantity(&line.quantity, offer.min_quantity, offer.max_quantity)
        else {
            continue;
        };
        let pos = match groups.iter().position(|g| {
            g.sales_group_id == offer.sales_group_id && g.billing_cycle == line.billing_cycle
        }) {
            Some(p) => p,
            None => {
                groups.push(OrderGroup {
                    sales_group_id: offer.sales_group_id.clone(),
                    billing_cycle: line.billing_cycle,
                    lines: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[pos];
        let name = line.friendly_name.trim();
        g.lines.push(OrderLine {
            line_item_number: g.lines.len() as u32,
            offer_id: offer.id.clone(),
            quantity,
            friendly_name: (!name.is_empty()).then(|| name.to_string()),
            term_duration: line.term_duration.clone(),
            partner_id_on_record: partner_id_on_record.cloned(),
            draft_line: i,
        });
    }
    Ok(groups)
}
