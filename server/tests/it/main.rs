//! Integration tests of customer-wizard-server over real HTTP: the server binary, the stub
//! Partner Center, the stand-in token authority and OIDC issuer, and a real database (SQLite;
//! PostgreSQL when `CWTEST_PG_URL` is set, as scripts/test-server.sh does). One test binary,
//! so the server and its tests are built once.

mod identity;
mod journal;
mod relay;
mod support;
mod tokens;
