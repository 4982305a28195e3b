//! Chosen lines into Partner Center orders: one order per (sales group, billing cycle), since
//! offers of different sales groups are ordered separately and one order has one billing cycle.

use super::{line_issues, parse_quantity, Catalog, LineIssue};
use crate::domain::model::{Line, Order, OrderLine};

/// Groups the lines into orders, in the order their groups first appear. Fails with the
/// lines' issues if any line is not valid (so nothing invalid is ever sent).
pub fn group_orders(lines: &[Line], catalog: &Catalog) -> Result<Vec<Order>, Vec<LineIssue>> {
    let issues = line_issues(lines, Some(catalog));
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut orders: Vec<Order> = Vec::new();
    for line in lines {
        // Both exist: `line_issues` checked them.
        let Some(offer) = catalog.get(&line.offer_id) else {
            continue;
        };
        let Ok(quantity) = parse_quantity(&line.quantity, offer.min_quantity, offer.max_quantity)
        else {
            continue;
        };
        let pos = match orders.iter().position(|o| {
            o.sales_group == offer.sales_group_id && o.billing_cycle == line.billing_cycle
        }) {
            Some(p) => p,
            None => {
                orders.push(Order {
                    sales_group: offer.sales_group_id.clone(),
                    billing_cycle: line.billing_cycle,
                    lines: Vec::new(),
                });
                orders.len() - 1
            }
        };
        orders[pos].lines.push(OrderLine {
            offer_id: offer.id.clone(),
            quantity,
            friendly_name: line.friendly_name.trim().to_string(),
            term_duration: line.term_duration.clone(),
            offer_name: offer.name.clone(),
        });
    }
    Ok(orders)
}
