//! Build step (scripts/prerender.mjs runs it): prints the prerendered first screen of every
//! locale and mode as JSON. Argument: a JSON file of display names from the build's `Intl`,
//! `{ "<locale>": { "region": [[code, name], ...] } }`, each list in collation order.

use std::collections::BTreeMap;

use customer_wizard::api::json::from_str;
use customer_wizard::domain::i18n::Locale;
use customer_wizard::state::browser::native::set_display_names;
use customer_wizard::view::prerender::{first_screen, loading_draft, title, Mode, INSTANCE};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <display-names.json>");
    let text = std::fs::read_to_string(&path).expect("display names file");
    // locale -> kind -> [(code, name)] in collation order.
    type Names = BTreeMap<String, BTreeMap<String, Vec<(String, String)>>>;
    let names: Names = from_str(&text).expect("display names JSON");
    let mut out = serde_json::Map::new();
    for locale in Locale::ALL {
        let bcp47 = locale.bcp47();
        for (kind, sorted) in names.get(bcp47).into_iter().flatten() {
            set_display_names(kind, bcp47, sorted);
        }
        out.insert(
            locale.tag().to_string(),
            serde_json::json!({
                "standalone": first_screen(locale, Mode::Standalone),
                "embedded": first_screen(locale, Mode::Embedded),
                "loading": loading_draft(locale),
                "title": title(locale),
                "bcp47": bcp47,
            }),
        );
    }
    out.insert("instance".into(), INSTANCE.into());
    println!("{}", serde_json::Value::Object(out));
}
