//! The layout's conventions (docs/architecture.md), checked over the sources: the domain has no
//! web code, only `api/` knows JSON or HTTP, and view files stay small. Each failure says what
//! to do instead.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs")
                // Test modules may use what they check against (serde_json for fixtures).
                && p.file_name().is_some_and(|n| n != "tests.rs")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}

/// The code of a file without its comments (a comment may name anything).
fn code(p: &Path) -> String {
    fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_domain_has_no_web_code() {
    for p in rust_files("src/domain") {
        let c = code(&p);
        for word in [
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "leptos",
            "gloo",
            "serde_json",
        ] {
            assert!(
                !c.contains(word),
                "{} uses {word}: the domain is plain Rust, tested natively; put browser calls \
                 in src/state/browser.rs and JSON or HTTP in src/api/",
                p.display()
            );
        }
    }
}

#[test]
fn only_the_api_knows_json_or_http() {
    for dir in ["src/domain", "src/state", "src/view"] {
        for p in rust_files(dir) {
            let c = code(&p);
            for word in ["serde_json", "serde_wasm_bindgen", "gloo_net", "JSON.parse"] {
                assert!(
                    !c.contains(word),
                    "{} uses {word}: JSON and HTTP belong to src/api/ (api::json, api::http)",
                    p.display()
                );
            }
        }
    }
}

#[test]
fn view_files_stay_small() {
    for dir in ["src/view/steps", "src/view/components"] {
        for p in rust_files(dir) {
            let lines = fs::read_to_string(&p).unwrap().lines().count();
            assert!(
                lines <= 300,
                "{} has {lines} lines: split it (one component per concern, at most about 150 \
                 lines each; no view file over 300)",
                p.display()
            );
        }
    }
}

/// No component over about 150 lines: from `#[component]` to the next item at the file's top
/// level.
#[test]
fn components_stay_small() {
    for p in rust_files("src/view") {
        let text = fs::read_to_string(&p).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if l.trim() != "#[component]" {
                continue;
            }
            let end = lines[i + 1..]
                .iter()
                .position(|l| *l == "}")
                .map_or(lines.len(), |n| i + 1 + n);
            let len = end - i;
            let name = lines.get(i + 1).copied().unwrap_or("").trim();
            assert!(
                len <= 160,
                "{}:{}: `{name}` is {len} lines: split it into smaller components (about 150 \
                 at most)",
                p.display(),
                i + 1
            );
        }
    }
}
