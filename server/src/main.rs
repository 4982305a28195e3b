//! `customer-wizard-server [--config FILE]` (or `CW_CONFIG=FILE`); every key can also be set
//! as `CW_SECTION__KEY`. See docs/server.md.

use std::path::PathBuf;

use customer_wizard_server::config::Config;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut path: Option<PathBuf> = std::env::var_os("CW_CONFIG").map(PathBuf::from);
    let mut check_only = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--config" | "-c" => path = args.next().map(PathBuf::from),
            "--check-config" => check_only = true,
            "--help" | "-h" => {
                println!("customer-wizard-server [--config FILE] [--check-config]\nConfiguration: docs/server.md");
                return;
            }
            other => {
                eprintln!("unknown argument {other:?} (try --help)");
                std::process::exit(2);
            }
        }
    }
    let cfg = match Config::load(path.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    if cfg.log_format == "text" {
        builder.init();
    } else {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .init();
    }
    if check_only {
        println!("configuration ok");
        return;
    }
    if let Err(e) = customer_wizard_server::run(cfg).await {
        tracing::error!(error = %e, "server stopped");
        std::process::exit(1);
    }
}
