use super::quantity::step_quantity;
use super::*;
use crate::domain::model::{BillingCycle, Line, Offer};

fn offer(id: &str, name: &str, category: &str, group: &str) -> Offer {
    Offer {
        id: id.into(),
        name: name.into(),
        description: format!("About {name}."),
        min_quantity: 1,
        max_quantity: 300,
        available: true,
        billing_cycles: vec![BillingCycle::Monthly, BillingCycle::Annual],
        category_id: category.into(),
        category_name: category.into(),
        unit_type: "Licenses".into(),
        sales_group_id: group.into(),
        term_durations: vec!["P1M".into(), "P1Y".into()],
        ..Offer::default()
    }
}

fn addon(id: &str, name: &str, prereqs: &[&str]) -> Offer {
    Offer {
        is_add_on: true,
        prerequisites: prereqs.iter().map(|s| s.to_string()).collect(),
        ..offer(id, name, "Communication", "MicrosoftOffice")
    }
}

fn sample() -> Catalog {
    let mut teams = offer(
        "CFQ7TTC0TPZT:0001",
        "Microsoft Teams Essentials",
        "Communication",
        "MicrosoftOffice",
    );
    teams.description = "Küçük işletmeler için toplantı, sohbet ve dosya paylaşımı.".into();
    let mut legacy = offer(
        "CFQ7TTC0B2S2:0003",
        "Office 365 ProPlus",
        "Productivity",
        "MicrosoftOffice",
    );
    legacy.available = false;
    let mut trial = offer(
        "CFQ7TTC0130M:0003",
        "Microsoft Teams Essentials Trial",
        "Communication",
        "MicrosoftOffice",
    );
    trial.is_trial = true;
    trial.max_quantity = 25;
    trial.billing_cycles = vec![BillingCycle::None];
    trial.term_durations = vec!["P1M".into()];
    Catalog::new(vec![
        offer(
            "CFQ7TTC0CGXR:0002",
            "Microsoft 365 Business Basic",
            "Productivity",
            "MicrosoftOffice",
        ),
        teams,
        legacy,
        offer(
            "CFQ7TTC0LH18:0001",
            "Dynamics 365 Sales Enterprise",
            "BusinessApplications",
            "Dynamics",
        ),
        addon(
            "CFQ7TTC086D2:0001",
            "Microsoft Teams Premium",
            &["CFQ7TTC0CGXR:0002", "CFQ7TTC0TPZT:0001"],
        ),
        trial,
        offer(
            "CFQ7TTC0ÇÖZ1:0001",
            "Çözüm Ortağı Paketi",
            "Productivity",
            "MicrosoftOffice",
        ),
        offer(
            "CFQ7TTC0ISTA:0001",
            "İSTANBUL Bölge Lisansı",
            "Productivity",
            "MicrosoftOffice",
        ),
    ])
}

fn names(c: &Catalog, text: &str) -> Vec<String> {
    let r = c.search(
        &Query {
            text: text.into(),
            ..Query::default()
        },
        None,
    );
    r.indices.iter().map(|&i| c.offer(i).name.clone()).collect()
}

// ---------------------------------------------------------------- search

#[test]
fn search_ignores_case_and_diacritics_across_name_description_and_id() {
    let c = sample();
    assert_eq!(
        names(&c, "BUSINESS basic"),
        ["Microsoft 365 Business Basic"]
    );
    assert_eq!(names(&c, "cozum"), ["Çözüm Ortağı Paketi"]);
    assert_eq!(names(&c, "ÇÖZÜM"), ["Çözüm Ortağı Paketi"]);
    // The description and the offer id are searched too.
    assert_eq!(names(&c, "sohbet"), ["Microsoft Teams Essentials"]);
    assert_eq!(names(&c, "cfq7ttc0lh18"), ["Dynamics 365 Sales Enterprise"]);
    assert_eq!(names(&c, "  "), names(&c, ""));
    assert_eq!(names(&c, "").len(), c.len());
    assert!(names(&c, "nothing like this").is_empty());
}

#[test]
fn search_is_correct_for_turkish_dotted_and_dotless_i() {
    let c = sample();
    // "İş" (capital dotted I) finds "işletmeler".
    assert!(names(&c, "İş").contains(&"Microsoft Teams Essentials".to_string()));
    assert_eq!(names(&c, "İŞLETME"), ["Microsoft Teams Essentials"]);
    // A Turkish keyboard lower-cases I to ı: "essentıals" still finds "Essentials".
    assert_eq!(
        names(&c, "essentıals"),
        [
            "Microsoft Teams Essentials",
            "Microsoft Teams Essentials Trial"
        ]
    );
    // And "istanbul", "ıstanbul", "ISTANBUL" find "İSTANBUL".
    for q in ["istanbul", "ıstanbul", "ISTANBUL", "İstanbul"] {
        assert_eq!(names(&c, q), ["İSTANBUL Bölge Lisansı"], "{q}");
    }
    assert_eq!(names(&c, "lisansi"), ["İSTANBUL Bölge Lisansı"]);
}

#[test]
fn every_term_must_match_somewhere() {
    let c = sample();
    assert_eq!(names(&c, "teams premium"), ["Microsoft Teams Premium"]);
    assert_eq!(names(&c, "premium teams"), ["Microsoft Teams Premium"]);
    assert!(names(&c, "teams dynamics").is_empty());
}

#[test]
fn results_are_sorted_by_name_either_way() {
    let c = sample();
    let asc = names(&c, "");
    let mut sorted = asc.clone();
    sorted.sort_by_key(|n| fold(n));
    assert_eq!(asc, sorted);
    assert_eq!(asc[0], "Çözüm Ortağı Paketi");
    let desc = c.search(
        &Query {
            sort: Sort::NameDesc,
            ..Query::default()
        },
        None,
    );
    let desc: Vec<String> = desc
        .indices
        .iter()
        .map(|&i| c.offer(i).name.clone())
        .collect();
    let mut rev = asc.clone();
    rev.reverse();
    assert_eq!(desc, rev);
}

#[test]
fn category_filter_and_categories() {
    let c = sample();
    let cats: Vec<(&str, usize)> = c
        .categories()
        .iter()
        .map(|c| (c.id.as_str(), c.count))
        .collect();
    assert_eq!(
        cats,
        [
            ("BusinessApplications", 1),
            ("Communication", 3),
            ("Productivity", 4)
        ]
    );
    let q = Query {
        text: "microsoft".into(),
        category: Some("Communication".into()),
        sort: Sort::NameAsc,
    };
    let r = c.search(&q, None);
    assert_eq!(r.indices.len(), 3);
    let q = Query {
        category: Some("Nope".into()),
        ..Query::default()
    };
    assert!(c.search(&q, None).indices.is_empty());
    let q = Query {
        category: Some(String::new()),
        ..Query::default()
    };
    assert_eq!(c.search(&q, None).indices.len(), c.len());
}

#[test]
fn narrowing_from_a_previous_result_gives_the_same_answer() {
    let c = sample();
    let mut prev: Option<SearchResult> = None;
    for typed in [
        "m",
        "mi",
        "mic",
        "micr",
        "micro",
        "micro t",
        "micro te",
        "micro tea",
    ] {
        let q = Query {
            text: typed.into(),
            ..Query::default()
        };
        let fresh = c.search(&q, None);
        let narrowed = c.search(&q, prev.as_ref());
        assert_eq!(fresh, narrowed, "{typed}");
        prev = Some(narrowed);
    }
    // Deleting a character widens again: the previous result must not be used.
    let q = Query {
        text: "micro t".into(),
        ..Query::default()
    };
    assert_eq!(c.search(&q, prev.as_ref()), c.search(&q, None));
    // A different category or order never reuses a result.
    let q = Query {
        text: "micro tea".into(),
        sort: Sort::NameDesc,
        ..Query::default()
    };
    assert_eq!(c.search(&q, prev.as_ref()), c.search(&q, None));
}

#[test]
fn ids_are_found_without_regard_to_case() {
    let c = sample();
    let i = c.index_of("cfq7ttc0cgxr:0002").unwrap();
    assert_eq!(c.offer(i).id, "CFQ7TTC0CGXR:0002");
    assert!(c.get("nope").is_none());
}

#[test]
fn ten_thousand_offers_search_quickly_enough_to_test_natively() {
    let offers: Vec<Offer> = (0..10_000)
        .map(|i: u32| {
            // Ids of letters only, so that a number in the query matches names alone.
            let id: String = (0..4)
                .map(|k| char::from(b'A' + ((i / 26u32.pow(k)) % 26) as u8))
                .collect();
            offer(
                &id,
                &format!("Offer {i} İşletme"),
                "Productivity",
                "MicrosoftOffice",
            )
        })
        .collect();
    let c = Catalog::new(offers);
    let r = c.search(
        &Query {
            text: "offer 99".into(),
            ..Query::default()
        },
        None,
    );
    // Every number below 10,000 with "99" in it.
    let expected = (0..10_000).filter(|i| i.to_string().contains("99")).count();
    assert_eq!(r.indices.len(), expected);
    assert_eq!(expected, 280);
}

#[test]
fn a_term_never_matches_across_two_offers() {
    // The folded texts are stored one after another: "...zz" (A's id) then "qq..." (B's name).
    let c = Catalog::new(vec![
        offer("AAZZ", "Alpha", "Productivity", "MicrosoftOffice"),
        offer("BBXX", "Qqbeta", "Productivity", "MicrosoftOffice"),
    ]);
    assert!(names(&c, "zzqq").is_empty());
    assert_eq!(names(&c, "zz"), ["Alpha"]);
    assert_eq!(names(&c, "qq"), ["Qqbeta"]);
    // A term found across the boundary first and inside an offer later still counts.
    let c = Catalog::new(vec![
        offer("XAB", "One", "Productivity", "MicrosoftOffice"),
        offer("X1", "Cd abcd", "Productivity", "MicrosoftOffice"),
    ]);
    assert_eq!(names(&c, "abcd"), ["Cd abcd"]);
}

#[test]
fn search_agrees_with_checking_every_offer_one_by_one() {
    let words = [
        "teams", "phone", "365", "business", "premium", "ş", "ı", "e", "xyz",
    ];
    let offers: Vec<Offer> = (0..600u32)
        .map(|i| {
            let name = format!(
                "{} {} {}",
                words[(i % 9) as usize],
                words[(i / 9 % 9) as usize],
                words[(i / 81 % 9) as usize]
            );
            offer(&format!("ID{i}"), &name, ["A", "B"][(i % 2) as usize], "G")
        })
        .collect();
    let c = Catalog::new(offers);
    let queries = [
        "",
        "e",
        "te",
        "teams",
        "teams ph",
        "365 premium",
        "ş ı",
        "xyz teams e",
        "id1",
        "zzz",
        "e e e",
        "um",
    ];
    for category in [None, Some("A".to_string())] {
        let mut prev: Option<SearchResult> = None;
        for q in queries {
            let query = Query {
                text: q.into(),
                category: category.clone(),
                sort: Sort::NameAsc,
            };
            let terms = terms(q);
            let expected: Vec<u32> = (0..c.len() as u32)
                .filter(|&i| {
                    let o = c.offer(i);
                    let hay = format!(
                        "{}\u{1}{}\u{1}{}",
                        fold(&o.name),
                        fold(&o.description),
                        fold(&o.id)
                    );
                    terms.iter().all(|t| hay.contains(t.as_str()))
                        && category.as_deref().is_none_or(|k| o.category_id == k)
                })
                .collect();
            let fresh = c.search(&query, None);
            assert_eq!(fresh.indices, expected, "query {q:?}");
            // And the same when narrowing from the previous keystroke's result.
            let narrowed = c.search(&query, prev.as_ref());
            assert_eq!(
                narrowed.indices, fresh.indices,
                "query {q:?} after the previous one"
            );
            prev = Some(fresh);
        }
    }
}

#[test]
fn byte_search_finds_what_str_contains_finds() {
    let hays = [
        "",
        "a",
        "abc",
        "işletme ıntune",
        "teams\u{1}phone",
        "aab",
        "ağaç",
    ];
    let needles = [
        "", "a", "ab", "abc", "abcd", "ş", "ı", "ğa", "ç", "s\u{1}p", "b",
    ];
    for h in hays {
        for n in needles {
            assert_eq!(
                contains(h.as_bytes(), n.as_bytes()),
                h.contains(n),
                "{n:?} in {h:?}"
            );
        }
    }
}

#[test]
fn the_pair_filter_never_rejects_a_text_that_holds_the_term() {
    let hay = "microsoft 365 business premium\u{1}işletme ıntune ağaç\u{1}cfq7ttc0lh18:0001";
    let pairs = Pairs::of(hay.as_bytes());
    for (start, _) in hay.char_indices() {
        for (end, _) in hay[start..].char_indices().skip(1) {
            let term = &hay[start..start + end];
            assert!(pairs.has_all(&Pairs::of(term.as_bytes())), "{term:?}");
        }
    }
    // And it does reject: these pairs are not in the text.
    assert!(!pairs.has_all(&Pairs::of(b"qqzzxxjjvvwwkk")));
}

#[test]
fn recent_results_answer_repeated_queries_and_stay_few() {
    let c = sample();
    let mut recent = Recent::default();
    let q = |text: &str| Query {
        text: text.into(),
        ..Query::default()
    };
    let mut prev: Option<SearchResult> = None;
    for text in [
        "t", "te", "tea", "te", "t", "", "teams", "m", "mi", "mic", "micr", "t",
    ] {
        let r = recent.search(&c, &q(text), prev.as_ref());
        assert_eq!(r, c.search(&q(text), None), "query {text:?}");
        prev = Some(r);
    }
    assert!(recent.0.len() <= Recent::KEEP);
    // The newest is last, and a query asked again moves to the end instead of being copied.
    assert_eq!(recent.0.last().unwrap().terms, ["t"]);
    assert_eq!(recent.0.iter().filter(|r| r.terms == ["t"]).count(), 1);
}

// ---------------------------------------------------------------- quantity

#[test]
fn quantities_parse_to_whole_numbers_within_bounds() {
    assert_eq!(parse_quantity("5", 1, 300), Ok(5));
    assert_eq!(parse_quantity(" 25 ", 1, 300), Ok(25));
    assert_eq!(parse_quantity("+7", 1, 300), Ok(7));
    assert_eq!(parse_quantity("007", 1, 300), Ok(7));
    assert_eq!(parse_quantity("1 500", 1, 10_000), Ok(1500));
    assert_eq!(parse_quantity("1\u{a0}500", 1, 10_000), Ok(1500));
    assert_eq!(parse_quantity("300", 1, 300), Ok(300));
    assert_eq!(parse_quantity("1", 1, 1), Ok(1));
}

#[test]
fn every_kind_of_bad_quantity_has_its_own_error() {
    use QuantityError::*;
    let p = |s| parse_quantity(s, 5, 300);
    assert_eq!(p(""), Err(Empty));
    assert_eq!(p("   "), Err(Empty));
    assert_eq!(p("abc"), Err(NotANumber));
    assert_eq!(p("5 licenses"), Err(NotANumber));
    assert_eq!(p("1e3"), Err(NotANumber));
    assert_eq!(p("٥"), Err(NotANumber));
    assert_eq!(p("-"), Err(NotANumber));
    assert_eq!(p("1.5"), Err(Decimal));
    assert_eq!(p("2,5"), Err(Decimal));
    assert_eq!(p("1.000"), Err(Decimal));
    assert_eq!(p("0"), Err(Zero));
    assert_eq!(p("000"), Err(Zero));
    assert_eq!(p("0.0"), Err(Zero));
    assert_eq!(p("-0"), Err(Zero));
    assert_eq!(p("-3"), Err(Negative));
    assert_eq!(p("\u{2212}3"), Err(Negative));
    assert_eq!(p("-1.5"), Err(Negative));
    assert_eq!(p("4"), Err(BelowMin { min: 5 }));
    assert_eq!(p("301"), Err(AboveMax { max: 300 }));
    assert_eq!(p("999999999"), Err(AboveMax { max: 300 }));
    assert_eq!(p("1000000000"), Err(TooLarge { max: 300 }));
    assert_eq!(
        p("99999999999999999999999999999"),
        Err(TooLarge { max: 300 })
    );
    assert_eq!(
        parse_quantity("4294967295", 1, u32::MAX),
        Err(TooLarge { max: u32::MAX })
    );
}

#[test]
fn plus_and_minus_stay_within_bounds() {
    assert_eq!(step_quantity("5", 1, 300, true), 6);
    assert_eq!(step_quantity("5", 1, 300, false), 4);
    assert_eq!(step_quantity("1", 1, 300, false), 1);
    assert_eq!(step_quantity("300", 1, 300, true), 300);
    assert_eq!(step_quantity("", 5, 300, true), 5);
    assert_eq!(step_quantity("abc", 5, 300, false), 5);
    assert_eq!(step_quantity("1000", 1, 300, false), 300);
    assert_eq!(step_quantity("99999999999", 1, 300, true), 300);
    // From a decimal: to the whole number above or below it.
    assert_eq!(step_quantity("1.5", 1, 300, true), 2);
    assert_eq!(step_quantity("1.5", 1, 300, false), 1);
    assert_eq!(step_quantity("7,25", 1, 300, false), 7);
    assert_eq!(step_quantity("0.5", 1, 300, false), 1);
    assert_eq!(step_quantity("300.5", 1, 300, true), 300);
    // A thousands separator or a decimal, depending on the language: no guess.
    assert_eq!(step_quantity("1.000", 1, 300, true), 1);
    assert_eq!(step_quantity("1,000", 1, 300, false), 1);
}

// ---------------------------------------------------------------- prerequisites and lines

fn line(c: &Catalog, id: &str) -> Line {
    new_line(c.get(id).unwrap(), None)
}

#[test]
fn an_add_on_needs_one_of_its_prerequisites() {
    let c = sample();
    let premium = c.get("CFQ7TTC086D2:0001").unwrap();
    assert!(!has_prerequisite(premium, [].into_iter()));
    assert!(has_prerequisite(premium, ["cfq7ttc0tpzt:0001"].into_iter()));
    assert!(!has_prerequisite(
        premium,
        ["CFQ7TTC0LH18:0001"].into_iter()
    ));
    // Base offers need nothing.
    assert!(has_prerequisite(
        c.get("CFQ7TTC0CGXR:0002").unwrap(),
        [].into_iter()
    ));
    // Choices: buyable prerequisites that exist.
    let choices: Vec<&str> = prerequisite_choices(&c, premium)
        .iter()
        .map(|&i| c.offer(i).id.as_str())
        .collect();
    assert_eq!(choices, ["CFQ7TTC0CGXR:0002", "CFQ7TTC0TPZT:0001"]);

    let lines = vec![line(&c, "CFQ7TTC086D2:0001")];
    assert_eq!(
        line_issues(&lines, Some(&c)),
        [LineIssue {
            line: 0,
            field: LineField::Offer,
            error: LineError::MissingPrerequisite
        }]
    );
    let lines = vec![line(&c, "CFQ7TTC086D2:0001"), line(&c, "CFQ7TTC0CGXR:0002")];
    assert!(line_issues(&lines, Some(&c)).is_empty());
}

#[test]
fn an_add_on_must_be_billed_like_its_prerequisite_to_share_its_order() {
    let c = sample();
    let mut base = line(&c, "CFQ7TTC0CGXR:0002");
    base.billing_cycle = BillingCycle::Annual;
    base.term_duration = Some("P1Y".into());
    let add = line(&c, "CFQ7TTC086D2:0001");
    assert_eq!(add.billing_cycle, BillingCycle::Monthly);
    let issues = line_issues(&[base.clone(), add.clone()], Some(&c));
    // The add-on's one-month term lists monthly billing only: the message says to change
    // the term first (where the summary's link goes), and to what frequency.
    assert_eq!(
        issues,
        [LineIssue {
            line: 1,
            field: LineField::Term,
            error: LineError::PrerequisiteInOtherOrder(PrereqBilling::TermFirst {
                cycle: BillingCycle::Annual,
                prerequisite: "Microsoft 365 Business Basic".into(),
                term: "P1Y".into(),
            })
        }]
    );
    let mut yearly = add.clone();
    yearly.term_duration = Some("P1Y".into());
    assert_eq!(
        line_issues(&[base.clone(), yearly.clone()], Some(&c))[0].error,
        LineError::PrerequisiteInOtherOrder(PrereqBilling::Choose {
            cycle: BillingCycle::Annual,
            prerequisite: "Microsoft 365 Business Basic".into(),
        })
    );
    yearly.billing_cycle = BillingCycle::Annual;
    assert!(line_issues(&[base.clone(), yearly], Some(&c)).is_empty());
    // An add-on never billed annually: the prerequisite's billing has to change instead.
    let mut monthly_only = c.get("CFQ7TTC086D2:0001").unwrap().clone();
    monthly_only.billing_cycles = vec![BillingCycle::Monthly];
    let c2 = Catalog::new(vec![
        c.get("CFQ7TTC0CGXR:0002").unwrap().clone(),
        monthly_only,
    ]);
    assert_eq!(
        line_issues(&[base.clone(), add.clone()], Some(&c2))[0].error,
        LineError::PrerequisiteInOtherOrder(PrereqBilling::ChangePrerequisite)
    );
    // The only prerequisite chosen is sold in another sales group: never ordered with it.
    let mut apart = c.get("CFQ7TTC0CGXR:0002").unwrap().clone();
    apart.sales_group_id = "Elsewhere".into();
    let c3 = Catalog::new(vec![apart, c.get("CFQ7TTC086D2:0001").unwrap().clone()]);
    let mut same_cycle = add.clone();
    same_cycle.billing_cycle = base.billing_cycle;
    same_cycle.term_duration = base.term_duration.clone();
    assert_eq!(
        line_issues(&[base.clone(), same_cycle], Some(&c3)),
        [LineIssue {
            line: 1,
            field: LineField::BillingCycle,
            error: LineError::PrerequisiteInOtherOrder(PrereqBilling::OtherGroup)
        }]
    );
    // A new add-on line takes its prerequisite's cycle when it can.
    let add = new_line(
        c.get("CFQ7TTC086D2:0001").unwrap(),
        Some(BillingCycle::Annual),
    );
    assert_eq!(
        add.billing_cycle,
        BillingCycle::Monthly,
        "P1M term: monthly only"
    );
}

#[test]
fn the_license_count_counts_licenses_the_offers_allow() {
    let c = sample();
    let mut basic = line(&c, "CFQ7TTC0CGXR:0002");
    basic.quantity = "12".into();
    let mut teams = line(&c, "CFQ7TTC0TPZT:0001");
    teams.quantity = "3".into();
    assert_eq!(license_count(&[basic.clone(), teams.clone()], Some(&c)), 15);
    // Over the offer's maximum (300) or not a number: not counted, the line says why.
    teams.quantity = "301".into();
    assert_eq!(license_count(&[basic.clone(), teams.clone()], Some(&c)), 12);
    teams.quantity = "3x".into();
    assert_eq!(license_count(&[basic.clone(), teams.clone()], Some(&c)), 12);
    // Before the catalog is known, any whole number counts.
    teams.quantity = "301".into();
    assert_eq!(license_count(&[basic.clone(), teams], None), 313);
    // Not sold per license: not a license.
    let mut plan = c.get("CFQ7TTC0CGXR:0002").unwrap().clone();
    plan.unit_type = "Subscription".into();
    let c2 = Catalog::new(vec![plan]);
    assert_eq!(license_count(&[basic], Some(&c2)), 0);
}

#[test]
fn unavailable_unknown_and_badly_billed_lines_are_issues() {
    let c = sample();
    let mut l = line(&c, "CFQ7TTC0B2S2:0003");
    l.quantity = "abc".into();
    assert_eq!(
        line_issues(&[l], Some(&c)),
        [
            LineIssue {
                line: 0,
                field: LineField::Offer,
                error: LineError::Unavailable
            },
            LineIssue {
                line: 0,
                field: LineField::Quantity,
                error: LineError::Quantity(QuantityError::NotANumber)
            },
        ]
    );
    let mut gone = line(&c, "CFQ7TTC0CGXR:0002");
    gone.offer_id = "GONE:0001".into();
    assert_eq!(
        line_issues(&[gone.clone()], Some(&c))[0].error,
        LineError::UnknownOffer
    );
    // Without the catalog only the quantity's shape is checked.
    assert!(line_issues(&[gone], None).is_empty());

    let mut annual_month = line(&c, "CFQ7TTC0CGXR:0002");
    annual_month.billing_cycle = BillingCycle::Annual; // with a P1M term
    assert_eq!(
        line_issues(&[annual_month], Some(&c))[0].error,
        LineError::BillingCycle
    );
    let mut bad_term = line(&c, "CFQ7TTC0CGXR:0002");
    bad_term.term_duration = Some("P3Y".into());
    assert_eq!(line_issues(&[bad_term], Some(&c))[0].error, LineError::Term);
    let mut long = line(&c, "CFQ7TTC0CGXR:0002");
    long.friendly_name = "x".repeat(FRIENDLY_NAME_MAX + 1);
    assert_eq!(
        line_issues(&[long], Some(&c))[0].error,
        LineError::FriendlyNameTooLong {
            max: FRIENDLY_NAME_MAX
        }
    );
    let mut hidden = line(&c, "CFQ7TTC0CGXR:0002");
    hidden.friendly_name = "Head\u{0}office".into();
    assert_eq!(
        line_issues(&[hidden], Some(&c))[0].error,
        LineError::FriendlyNameControlCharacter
    );
}

#[test]
fn new_lines_take_the_offer_defaults() {
    let c = sample();
    let l = line(&c, "CFQ7TTC0130M:0003");
    assert_eq!(l.quantity, "1");
    assert_eq!(l.billing_cycle, BillingCycle::None);
    assert_eq!(l.term_duration.as_deref(), Some("P1M"));
    assert!(line_issues(&[l], Some(&c)).is_empty());
    assert_eq!(term_months("P3Y"), Some(36));
    assert_eq!(term_months("P1M"), Some(1));
    assert_eq!(term_months("X"), None);
    let o = c.get("CFQ7TTC0CGXR:0002").unwrap();
    assert_eq!(cycles_for(o, Some("P1M")), [BillingCycle::Monthly]);
    assert_eq!(
        cycles_for(o, Some("P1Y")),
        [BillingCycle::Monthly, BillingCycle::Annual]
    );
}

// ---------------------------------------------------------------- orders

#[test]
fn lines_are_grouped_into_orders_by_sales_group_and_billing_cycle() {
    let c = sample();
    let mut basic = line(&c, "CFQ7TTC0CGXR:0002");
    basic.quantity = "10".into();
    basic.friendly_name = "  Head office  ".into();
    let dynamics = line(&c, "CFQ7TTC0LH18:0001");
    let premium = line(&c, "CFQ7TTC086D2:0001");
    let mut teams = line(&c, "CFQ7TTC0TPZT:0001");
    teams.term_duration = Some("P1Y".into());
    teams.billing_cycle = BillingCycle::Annual;
    let trial = line(&c, "CFQ7TTC0130M:0003");
    let groups = group_orders(&[basic, dynamics, premium, teams, trial], &c).unwrap();
    type Shape<'a> = (&'a str, BillingCycle, Vec<(u32, &'a str)>);
    let shape: Vec<Shape> = groups
        .iter()
        .map(|g| {
            (
                g.sales_group.as_str(),
                g.billing_cycle,
                // Numbered within their order (as `api::map::order_create` numbers them).
                g.lines
                    .iter()
                    .enumerate()
                    .map(|(n, l)| (n as u32, l.offer_id.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (
                "MicrosoftOffice",
                BillingCycle::Monthly,
                vec![(0, "CFQ7TTC0CGXR:0002"), (1, "CFQ7TTC086D2:0001")]
            ),
            (
                "Dynamics",
                BillingCycle::Monthly,
                vec![(0, "CFQ7TTC0LH18:0001")]
            ),
            (
                "MicrosoftOffice",
                BillingCycle::Annual,
                vec![(0, "CFQ7TTC0TPZT:0001")]
            ),
            (
                "MicrosoftOffice",
                BillingCycle::None,
                vec![(0, "CFQ7TTC0130M:0003")]
            ),
        ]
    );
    let first = &groups[0].lines[0];
    assert_eq!(first.quantity, 10);
    assert_eq!(first.friendly_name, "Head office");
    assert_eq!(first.term_duration.as_deref(), Some("P1M"));
    // The name is kept for Done, where the catalog is gone.
    assert_eq!(first.offer_name, "Microsoft 365 Business Basic");
    // No name: none is sent (api::tests::the_order_body_conforms_and_uses_the_mpn_id; the
    // reseller's MPN id on every line is the api layer's too).
    assert_eq!(groups[0].lines[1].friendly_name, "");
}

#[test]
fn invalid_lines_are_never_grouped_into_orders() {
    let c = sample();
    let mut basic = line(&c, "CFQ7TTC0CGXR:0002");
    basic.quantity = "0".into();
    let err = group_orders(&[basic], &c).unwrap_err();
    assert_eq!(err[0].error, LineError::Quantity(QuantityError::Zero));
    assert_eq!(group_orders(&[], &c), Ok(vec![]));
}

/// `cargo test --release --lib catalog::tests::timing -- --ignored --nocapture` (needs the 10k
/// catalog: `node tools/gen-demo-offers.mjs --count 10000`).
#[test]
#[ignore]
// Native only: `Instant` is what the clippy.toml rule keeps out of the wasm.
#[allow(clippy::disallowed_methods)]
fn timing() {
    let text = std::fs::read_to_string("public/demo/offers-10k.json").unwrap();
    let c: crate::api::wire::Collection<crate::api::wire::Offer> =
        crate::api::json::from_str(&text).unwrap();
    let t = std::time::Instant::now();
    let cat = Catalog::new(c.items.into_iter().map(crate::api::map::offer).collect());
    println!("index {:?}", t.elapsed());
    let mut prev: Option<SearchResult> = None;
    for q in [
        "m",
        "mi",
        "mic",
        "micr",
        "micro",
        "microsoft 365 business premium",
        "",
        "e",
        "İş",
    ] {
        let t = std::time::Instant::now();
        let r = cat.search(
            &Query {
                text: q.into(),
                ..Query::default()
            },
            prev.as_ref(),
        );
        let first = t.elapsed();
        let t = std::time::Instant::now();
        for _ in 0..20 {
            std::hint::black_box(cat.search(
                &Query {
                    text: q.into(),
                    ..Query::default()
                },
                prev.as_ref(),
            ));
        }
        println!(
            "{q:?}: {} in {first:?}, then {:?}",
            r.indices.len(),
            t.elapsed() / 20
        );
        prev = Some(r);
    }
}
