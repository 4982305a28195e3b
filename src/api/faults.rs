//! Demo fault injection: `customers:timeout,orders:500,offers:malformed` (from the URL or the
//! config) makes the demo backend fail the way a real network or server does.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaultKind {
    Timeout,
    Status(u16),
    Malformed,
    Offline,
    /// A Partner Center business error code, e.g. `27002`.
    Code(i64),
    /// Serve normally after this extra delay.
    Slow(u32),
    /// Do the work, then lose the connection before answering.
    Drop,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// First path segment after `/v1/`: `customers`, `offers`, `domains`...; `orders` and
    /// `agreements` match the sub-resources of a customer.
    pub route: String,
    pub kind: FaultKind,
    /// How many calls fail; `None` means all of them.
    pub times: Option<u32>,
}

/// `route:kind[*times]`, comma separated; unknown parts are ignored.
pub fn parse(spec: &str) -> Vec<Fault> {
    spec.split(',')
        .filter_map(|part| {
            let (route, rest) = part.trim().split_once(':')?;
            let (kind, times) = match rest.split_once('*') {
                Some((k, t)) => (k, t.parse().ok()),
                None => (rest, None),
            };
            let kind = match kind {
                "timeout" => FaultKind::Timeout,
                "malformed" => FaultKind::Malformed,
                "offline" => FaultKind::Offline,
                "drop" => FaultKind::Drop,
                k if k.starts_with("slow") => FaultKind::Slow(k[4..].parse().unwrap_or(3000)),
                k => {
                    let n: i64 = k.parse().ok()?;
                    if (100..600).contains(&n) {
                        FaultKind::Status(n as u16)
                    } else {
                        FaultKind::Code(n)
                    }
                }
            };
            Some(Fault {
                route: route.to_string(),
                kind,
                times,
            })
        })
        .collect()
}

/// The route a path belongs to, for matching faults.
pub fn route_of(path: &str) -> &str {
    let p = path.trim_start_matches("/v1/");
    let p = p.split(['?', '/']).collect::<Vec<_>>();
    match p.as_slice() {
        ["customers", "relationshiprequests", ..] => "relationshiprequests",
        ["customers", _, sub, ..] => sub,
        [first, ..] => first,
        [] => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fault_specs() {
        assert_eq!(
            parse("customers:timeout,orders:500*1, offers:malformed,validations:27002,x"),
            vec![
                Fault {
                    route: "customers".into(),
                    kind: FaultKind::Timeout,
                    times: None
                },
                Fault {
                    route: "orders".into(),
                    kind: FaultKind::Status(500),
                    times: Some(1)
                },
                Fault {
                    route: "offers".into(),
                    kind: FaultKind::Malformed,
                    times: None
                },
                Fault {
                    route: "validations".into(),
                    kind: FaultKind::Code(27002),
                    times: None
                },
            ]
        );
    }

    #[test]
    fn routes_of_paths() {
        assert_eq!(route_of("/v1/customers"), "customers");
        assert_eq!(route_of("/v1/customers/abc/orders"), "orders");
        assert_eq!(route_of("/v1/customers/abc/agreements"), "agreements");
        assert_eq!(
            route_of("/v1/customers/relationshiprequests"),
            "relationshiprequests"
        );
        assert_eq!(route_of("/v1/offers?country=US&offset=0"), "offers");
        assert_eq!(route_of("/v1/domains/x.onmicrosoft.com"), "domains");
    }
}
