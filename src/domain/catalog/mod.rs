//! The offer catalog of the Subscriptions step, as pure logic (no web): a search index built
//! once when the offers load (folded text per offer, name order, categories), filtering and
//! sorting to a list of indices, quantity parsing, the add-on prerequisite rules, the checks of
//! the chosen lines, and grouping the lines into Partner Center orders.

mod orders;
mod quantity;

pub use orders::group_orders;
pub use quantity::{parse_quantity, step_quantity, QuantityError, ABSURD_QUANTITY};

use crate::domain::model::{BillingCycle, Line, Offer};
use crate::domain::validate::fold;

/// Longest friendly name accepted on a line.
pub const FRIENDLY_NAME_MAX: usize = 50;

/// A category of the catalog, for the filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    NameAsc,
    NameDesc,
}

/// The offers of one country with what search needs, computed once.
#[derive(Debug, Default)]
pub struct Catalog {
    /// In name order (folded name, then name as given): an offer's index is its place in the
    /// list sorted by name.
    offers: Vec<Offer>,
    /// Folded `name \u{1} description \u{1} id` of every offer, one after the other.
    text: String,
    /// Byte range of each offer's folded text in `text`.
    spans: Vec<(u32, u32)>,
    /// Per offer, the byte pairs of its folded text as a 256-bit set: a search term with a
    /// pair not in the set cannot occur, so the text need not be scanned (most offers fail
    /// this test for a term of three letters or more).
    pairs: Vec<Pairs>,
    /// Index into `categories` per offer.
    category_of: Vec<u16>,
    categories: Vec<Category>,
    /// (folded id, offer index), sorted by id: a binary search instead of a hash map, which
    /// would link a hasher into the wasm for this one lookup.
    by_id: Vec<(String, u32)>,
}

/// The folded search terms of a query: lower-case, without diacritics, Turkish i's merged,
/// split at white space. Every term must occur in an offer's name, description or id.
pub fn terms(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}

fn id_key(id: &str) -> String {
    id.trim().to_ascii_lowercase()
}

impl Catalog {
    pub fn new(offers: Vec<Offer>) -> Catalog {
        // The offers are kept in name order, and so are their folded texts: a search walks
        // the catalog (or an earlier result, also in name order) from start to end, so it
        // reads memory in order. In the order of the API response, every offer's text was
        // somewhere else in a 1.5 MB block (`catalog::tests::timing`, natively: a two-letter
        // term over 10,000 offers 0.99 -> 0.82 ms).
        let names: Vec<String> = offers.iter().map(|o| fold(&o.name)).collect();
        let mut order: Vec<u32> = (0..offers.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            names[a]
                .cmp(&names[b])
                .then_with(|| offers[a].name.cmp(&offers[b].name))
                .then(a.cmp(&b))
        });
        let mut slots: Vec<Option<Offer>> = offers.into_iter().map(Some).collect();
        let offers: Vec<Offer> = order
            .iter()
            .filter_map(|&i| slots[i as usize].take())
            .collect();
        let mut text = String::with_capacity(
            offers
                .iter()
                .map(|o| o.name.len() + o.description.len() + o.id.len() + 2)
                .sum(),
        );
        let mut spans = Vec::with_capacity(offers.len());
        let mut pairs = Vec::with_capacity(offers.len());
        let mut categories: Vec<Category> = Vec::new();
        let mut category_of = Vec::with_capacity(offers.len());
        for (o, &i) in offers.iter().zip(&order) {
            let start = text.len() as u32;
            text.push_str(&names[i as usize]);
            text.push('\u{1}');
            text.push_str(&fold(&o.description));
            text.push('\u{1}');
            text.push_str(&fold(&o.id));
            spans.push((start, text.len() as u32));
            pairs.push(Pairs::of(&text.as_bytes()[start as usize..]));
            // A catalog has a few dozen categories: a linear search is enough.
            let c = match categories.iter().position(|c| c.id == o.category_id) {
                Some(c) => c,
                None => {
                    categories.push(Category {
                        id: o.category_id.clone(),
                        name: o.category_name.clone(),
                        count: 0,
                    });
                    categories.len() - 1
                }
            };
            categories[c].count += 1;
            category_of.push(c as u16);
        }
        // Of two offers with one id, the one first in the API response stays (the sort is
        // by id, then by that position).
        let keys: Vec<String> = offers.iter().map(|o| id_key(&o.id)).collect();
        let mut by_id: Vec<(String, u32)> = Vec::with_capacity(offers.len());
        let mut by_key: Vec<u32> = (0..offers.len() as u32).collect();
        by_key.sort_unstable_by(|&a, &b| {
            keys[a as usize]
                .cmp(&keys[b as usize])
                .then(order[a as usize].cmp(&order[b as usize]))
        });
        for i in by_key {
            if by_id.last().is_none_or(|(k, _)| *k != keys[i as usize]) {
                by_id.push((keys[i as usize].clone(), i));
            }
        }
        let mut sorted: Vec<u32> = (0..categories.len() as u32).collect();
        sorted.sort_by_cached_key(|&i| fold(&categories[i as usize].name));
        let mut remap = vec![0u16; categories.len()];
        for (new, &old) in sorted.iter().enumerate() {
            remap[old as usize] = new as u16;
        }
        let categories = sorted
            .iter()
            .map(|&i| categories[i as usize].clone())
            .collect();
        for c in &mut category_of {
            *c = remap[*c as usize];
        }
        Catalog {
            offers,
            text,
            spans,
            pairs,
            category_of,
            categories,
            by_id,
        }
    }

    pub fn len(&self) -> usize {
        self.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    pub fn offer(&self, index: u32) -> &Offer {
        &self.offers[index as usize]
    }

    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    /// The index of an offer by id (ids compare without regard to ASCII case).
    pub fn index_of(&self, id: &str) -> Option<u32> {
        let key = id_key(id);
        self.by_id
            .binary_search_by(|(k, _)| k.as_str().cmp(&key))
            .ok()
            .map(|at| self.by_id[at].1)
    }

    pub fn get(&self, id: &str) -> Option<&Offer> {
        self.index_of(id).map(|i| self.offer(i))
    }

    /// Categories sorted by name, with how many offers each has.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    fn category_index(&self, id: &str) -> Option<u16> {
        self.categories
            .iter()
            .position(|c| c.id == id)
            .map(|i| i as u16)
    }

    /// The category filter as an index (`u16::MAX` for an unknown id: nothing matches).
    fn category_key(&self, id: Option<&str>) -> Option<u16> {
        match id {
            None | Some("") => None,
            Some(id) => Some(self.category_index(id).unwrap_or(u16::MAX)),
        }
    }

    fn matches(&self, i: u32, terms: &[(&[u8], Pairs)], category: Option<u16>) -> bool {
        if category.is_some_and(|c| self.category_of[i as usize] != c) {
            return false;
        }
        let (s, e) = self.spans[i as usize];
        let hay = &self.text.as_bytes()[s as usize..e as usize];
        let pairs = &self.pairs[i as usize];
        terms
            .iter()
            .all(|(t, p)| pairs.has_all(p) && contains(hay, t))
    }

    /// The offers matching a query, as indices in the requested order. `previous` may hold an
    /// earlier result whose query this one narrows (see [`SearchResult::narrows_to`]): then
    /// only those offers are looked at.
    pub fn search(&self, query: &Query, previous: Option<&SearchResult>) -> SearchResult {
        let terms = terms(&query.text);
        let category = self.category_key(query.category.as_deref());
        let needles: Vec<(&[u8], Pairs)> = terms
            .iter()
            .map(|t| (t.as_bytes(), Pairs::of(t.as_bytes())))
            .collect();
        let indices: Vec<u32> =
            match previous.filter(|p| p.narrows_to(&terms, category, query.sort)) {
                Some(p) => p
                    .indices
                    .iter()
                    .copied()
                    .filter(|&i| self.matches(i, &needles, category))
                    .collect(),
                None => {
                    let keep = |i: &u32| self.matches(*i, &needles, category);
                    let all = 0..self.offers.len() as u32;
                    match query.sort {
                        Sort::NameAsc => all.filter(keep).collect(),
                        Sort::NameDesc => all.rev().filter(keep).collect(),
                    }
                }
            };
        SearchResult {
            terms,
            category,
            sort: query.sort,
            indices,
        }
    }
}

/// A set of byte pairs, hashed into 256 bits.
#[derive(Clone, Copy, Debug, Default)]
struct Pairs([u64; 4]);

impl Pairs {
    fn of(bytes: &[u8]) -> Pairs {
        let mut p = Pairs::default();
        for w in bytes.windows(2) {
            // Fibonacci hashing of the pair, top eight bits. The XOR of two multiples used
            // before put many common letter pairs in the same bits: for two- and three-letter
            // terms over the 10,000-offer catalog, half of the offers that passed this test
            // did not contain the term (now a quarter), and each of those is scanned in full.
            let h = (u32::from(w[0]) << 8 | u32::from(w[1])).wrapping_mul(0x9E37_79B1) >> 24;
            p.0[h as usize / 64] |= 1 << (h % 64);
        }
        p
    }

    fn has_all(&self, other: &Pairs) -> bool {
        self.0.iter().zip(other.0).all(|(a, b)| a & b == b)
    }
}

/// Whether `needle` occurs in `hay`. A plain scan for the first byte: the texts are short
/// (an offer's name, description and id), and `str::contains` sets up a two-way searcher
/// per call, which in the wasm (no SIMD) cost more than the scan itself (measured with
/// `make profile`). Bytes are enough: a UTF-8 needle matches only at character boundaries.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    match *needle {
        [] => true,
        [a] => hay.contains(&a),
        [a, b, ref rest @ ..] => {
            let n = needle.len();
            // Two bytes compared in the loop before the rest: a search term's first letter
            // alone is common, its first two together rarely are.
            hay.windows(2).enumerate().any(|(i, w)| {
                w[0] == a && w[1] == b && hay.get(i + 2..i + n).is_some_and(|r| r == rest)
            })
        }
    }
}

/// The last few results, newest last: erasing a character (or coming back to an earlier
/// query) then costs no search. Eight results of at most one index per offer each.
#[derive(Default)]
pub struct Recent(Vec<SearchResult>);

impl Recent {
    const KEEP: usize = 8;

    /// [`Catalog::search`], answered from the recent results when one is for this query.
    pub fn search(
        &mut self,
        catalog: &Catalog,
        query: &Query,
        previous: Option<&SearchResult>,
    ) -> SearchResult {
        let terms = terms(&query.text);
        let category = catalog.category_key(query.category.as_deref());
        let hit = self
            .0
            .iter()
            .position(|r| r.terms == terms && r.category == category && r.sort == query.sort);
        let result = match hit {
            Some(at) => self.0.remove(at),
            None => catalog.search(query, previous),
        };
        if self.0.len() == Self::KEEP {
            self.0.remove(0);
        }
        self.0.push(result.clone());
        result
    }
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    /// As typed; folded by the search.
    pub text: String,
    /// A category id; `None` (or empty) for all.
    pub category: Option<String>,
    pub sort: Sort,
}

/// The matching offers (indices into the catalog, in display order) and the query they answer.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SearchResult {
    terms: Vec<String>,
    category: Option<u16>,
    sort: Sort,
    pub indices: Vec<u32>,
}

/// The matching offers' catalog indices, in list order (the keys of the windowed list).
impl AsRef<[u32]> for SearchResult {
    fn as_ref(&self) -> &[u32] {
        &self.indices
    }
}

impl SearchResult {
    /// Whether every offer matching the new query also matches this one's: same category and
    /// order, and each of this query's terms is part of one of the new terms.
    fn narrows_to(&self, terms: &[String], category: Option<u16>, sort: Sort) -> bool {
        self.category == category
            && self.sort == sort
            && self
                .terms
                .iter()
                .all(|old| terms.iter().any(|new| new.contains(old.as_str())))
    }
}

// ---------------------------------------------------------------- lines

/// Whether an add-on's prerequisite is satisfied by the offers chosen (ids).
pub fn has_prerequisite<'a>(offer: &Offer, mut chosen: impl Iterator<Item = &'a str>) -> bool {
    !offer.is_add_on
        || offer.prerequisites.is_empty()
        || chosen.any(|id| {
            offer
                .prerequisites
                .iter()
                .any(|p| p.trim().eq_ignore_ascii_case(id.trim()))
        })
}

/// The prerequisites of an add-on that can be bought, base offers before add-ons and trials
/// last, as catalog indices.
pub fn prerequisite_choices(catalog: &Catalog, offer: &Offer) -> Vec<u32> {
    let mut v: Vec<u32> = offer
        .prerequisites
        .iter()
        .filter_map(|p| catalog.index_of(p))
        .filter(|&i| catalog.offer(i).available)
        .collect();
    v.dedup();
    v.sort_by_key(|&i| {
        let o = catalog.offer(i);
        (o.is_add_on, o.is_trial)
    });
    v
}

/// Months in an ISO 8601 term (`P1M`, `P1Y`, `P3Y`); `None` if it is not one of those shapes.
pub fn term_months(term: &str) -> Option<u32> {
    let t = term.trim().to_ascii_uppercase();
    let body = t.strip_prefix('P')?;
    let (n, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: u32 = n.parse().ok()?;
    match unit {
        "M" => Some(n),
        "Y" => n.checked_mul(12),
        _ => None,
    }
}

fn cycle_months(c: BillingCycle) -> Option<u32> {
    match c {
        BillingCycle::Monthly => Some(1),
        BillingCycle::Annual => Some(12),
        BillingCycle::Triennial => Some(36),
        BillingCycle::None => None,
    }
}

/// A subscription cannot be billed less often than its term lasts (a one-month term is billed
/// monthly; annual billing needs a term of a year or more).
pub fn cycle_fits_term(cycle: BillingCycle, term: Option<&str>) -> bool {
    match (cycle_months(cycle), term.and_then(term_months)) {
        (Some(c), Some(t)) => c <= t,
        _ => true,
    }
}

/// The billing cycles to offer for a line with this term.
pub fn cycles_for(offer: &Offer, term: Option<&str>) -> Vec<BillingCycle> {
    offer
        .billing_cycles
        .iter()
        .copied()
        .filter(|c| cycle_fits_term(*c, term))
        .collect()
}

/// A new line for an offer with its defaults: the minimum quantity, the first term and the
/// first billing cycle that fits it (or `prefer`, e.g. the cycle of the add-on's
/// prerequisite, when the offer supports it).
pub fn new_line(offer: &Offer, prefer: Option<BillingCycle>) -> Line {
    let term = offer.term_durations.first().cloned();
    let cycles = cycles_for(offer, term.as_deref());
    let billing_cycle = prefer
        .filter(|p| cycles.contains(p))
        .or_else(|| cycles.first().copied())
        .or_else(|| offer.billing_cycles.first().copied())
        .unwrap_or_default();
    Line {
        offer_id: offer.id.clone(),
        quantity: offer.min_quantity.max(1).to_string(),
        billing_cycle,
        term_duration: term,
        friendly_name: String::new(),
    }
}

/// What makes an add-on billed unlike its prerequisite join the prerequisite's order: the
/// message names the frequency to choose, and whether the add-on's term must change first
/// (its billing list offers only what fits the term).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrereqBilling {
    /// Choose this billing frequency, as `prerequisite` (its name) is billed: the line's term
    /// allows it.
    Choose {
        cycle: BillingCycle,
        prerequisite: String,
    },
    /// The add-on is billed this way with another term (`term`, the first that allows it):
    /// change the term first.
    TermFirst {
        cycle: BillingCycle,
        prerequisite: String,
        term: String,
    },
    /// The add-on is never billed this way: change the prerequisite's billing instead.
    ChangePrerequisite,
    /// The prerequisite chosen is sold in another sales group (ordered apart): another of
    /// the offers the add-on builds on is needed.
    OtherGroup,
}

fn prerequisite_billing(
    addon: &Offer,
    line: &Line,
    cycle: BillingCycle,
    prerequisite: String,
) -> PrereqBilling {
    if cycles_for(addon, line.term_duration.as_deref()).contains(&cycle) {
        return PrereqBilling::Choose {
            cycle,
            prerequisite,
        };
    }
    let term = addon
        .term_durations
        .iter()
        .find(|t| cycle_fits_term(cycle, Some(t)));
    match term {
        Some(t) if addon.billing_cycles.contains(&cycle) => PrereqBilling::TermFirst {
            cycle,
            prerequisite,
            term: t.clone(),
        },
        _ => PrereqBilling::ChangePrerequisite,
    }
}

/// The licenses in the order, as the summary counts them: offers sold per license (all while
/// the catalog is not known yet), with a quantity the offer allows (one it refuses would not
/// be ordered as typed).
pub fn license_count(lines: &[Line], catalog: Option<&Catalog>) -> u64 {
    lines
        .iter()
        .filter_map(|l| {
            let offer = catalog.and_then(|c| c.get(&l.offer_id));
            if !offer.is_none_or(Offer::per_license) {
                return None;
            }
            let (min, max) = offer.map_or((1, u32::MAX), |o| (o.min_quantity, o.max_quantity));
            parse_quantity(&l.quantity, min, max).ok()
        })
        .map(u64::from)
        .sum()
}

/// The part of a line an issue is about (and where its error summary link goes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineField {
    Offer,
    Quantity,
    BillingCycle,
    Term,
    FriendlyName,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    Quantity(QuantityError),
    /// An add-on without any of its prerequisites in the order.
    MissingPrerequisite,
    /// The prerequisite is chosen, but billed differently, so it would go in another order.
    PrerequisiteInOtherOrder(PrereqBilling),
    Unavailable,
    /// The offer is not in the catalog (any more).
    UnknownOffer,
    BillingCycle,
    Term,
    FriendlyNameTooLong {
        max: usize,
    },
    /// Partner Center refused this quantity (900275) although it is within the catalog's
    /// bounds; shown until the quantity changes.
    QuantityRefused,
    /// The friendly name holds a control character (see `validate::has_control`).
    FriendlyNameControlCharacter,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIssue {
    /// Index in `Draft.lines`.
    pub line: usize,
    pub field: LineField,
    pub error: LineError,
}

/// Everything wrong with the chosen lines, line by line in order. Without a catalog (not
/// loaded yet) only what needs no offer data is checked.
pub fn line_issues(lines: &[Line], catalog: Option<&Catalog>) -> Vec<LineIssue> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let push = |out: &mut Vec<LineIssue>, field, error| {
            out.push(LineIssue {
                line: i,
                field,
                error,
            })
        };
        let offer = catalog.and_then(|c| c.get(&line.offer_id));
        if let (Some(_), None) = (catalog, offer) {
            push(&mut out, LineField::Offer, LineError::UnknownOffer);
            continue;
        }
        if let Some(o) = offer {
            if !o.available {
                push(&mut out, LineField::Offer, LineError::Unavailable);
            } else if !has_prerequisite(o, lines.iter().map(|l| l.offer_id.as_str())) {
                push(&mut out, LineField::Offer, LineError::MissingPrerequisite);
            } else if o.is_add_on && !o.prerequisites.is_empty() {
                // The prerequisite lines that could share this add-on's order.
                let mut prerequisites = lines.iter().filter(|l| {
                    o.prerequisites
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(l.offer_id.trim()))
                        && catalog
                            .and_then(|c| c.get(&l.offer_id))
                            .is_some_and(|p| p.sales_group_id == o.sales_group_id)
                });
                if !prerequisites
                    .clone()
                    .any(|l| l.billing_cycle == line.billing_cycle)
                {
                    // None in its sales group at all: Partner Center orders them apart,
                    // and never the add-on without its prerequisite.
                    let fix = prerequisites
                        .next()
                        .map_or(PrereqBilling::OtherGroup, |pre| {
                            let name = catalog
                                .and_then(|c| c.get(&pre.offer_id))
                                .map_or_else(|| pre.offer_id.clone(), |p| p.name.clone());
                            prerequisite_billing(o, line, pre.billing_cycle, name)
                        });
                    // A term to change first is where the summary's link goes.
                    let field = if matches!(fix, PrereqBilling::TermFirst { .. }) {
                        LineField::Term
                    } else {
                        LineField::BillingCycle
                    };
                    push(&mut out, field, LineError::PrerequisiteInOtherOrder(fix));
                }
            }
        }
        let (min, max) = offer.map_or((1, u32::MAX), |o| (o.min_quantity, o.max_quantity));
        if let Err(e) = parse_quantity(&line.quantity, min, max) {
            push(&mut out, LineField::Quantity, LineError::Quantity(e));
        }
        if let Some(o) = offer {
            let term_ok = match &line.term_duration {
                None => o.term_durations.is_empty(),
                Some(t) => o.term_durations.iter().any(|x| x == t),
            };
            if !term_ok {
                push(&mut out, LineField::Term, LineError::Term);
            }
            if !o.billing_cycles.contains(&line.billing_cycle)
                || !cycle_fits_term(line.billing_cycle, line.term_duration.as_deref())
            {
                push(&mut out, LineField::BillingCycle, LineError::BillingCycle);
            }
        }
        if crate::domain::validate::has_control(&line.friendly_name) {
            push(
                &mut out,
                LineField::FriendlyName,
                LineError::FriendlyNameControlCharacter,
            );
        } else if line.friendly_name.trim().chars().count() > FRIENDLY_NAME_MAX {
            push(
                &mut out,
                LineField::FriendlyName,
                LineError::FriendlyNameTooLong {
                    max: FRIENDLY_NAME_MAX,
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
