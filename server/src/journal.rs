//! The journal: every POST is recorded by its `MS-RequestId` before it is forwarded and
//! completed after, so that a retry never repeats it.
//!
//! - First time: the entry is inserted `pending` with a lease owned by this instance; the
//!   request goes to Partner Center.
//! - Same id again, same request (method, path, canonical JSON body): a finished entry answers
//!   its recorded status and body without calling Partner Center; a pending one is waited for.
//! - Same id, different request: refused (409).
//! - A final answer (a success or a business failure, 4xx other than 401/408/429) is recorded.
//!   A failed attempt (network, timeout, 5xx, 429) releases the lease; the next retry with the
//!   same id is forwarded again with the same `MS-RequestId` (Partner Center deduplicates it).
//! - An instance that dies mid-flight leaves a pending entry whose lease runs out; the next
//!   retry takes it over (`recovered`) and forwards it again with the same `MS-RequestId`.
//!
//! One SQL text for SQLite and PostgreSQL (sqlx's `Any` driver; `$n` placeholders work in
//! both). Create-customer answers are recorded without the password.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use sqlx::Row;

#[derive(Debug, PartialEq, Eq)]
pub enum Begin {
    /// This instance owns the entry: forward the request. `retried`: an earlier attempt with
    /// this id was sent and got no recorded answer (it may still have reached Partner Center);
    /// `recovered`: that attempt's instance died (its lease ran out).
    Forward { retried: bool, recovered: bool },
    /// Already answered: replay this.
    Replay { status: u16, body: String },
    /// The id was used for another request.
    Conflict,
    /// Still in flight elsewhere after the wait limit.
    Busy,
}

#[derive(Clone)]
pub struct Journal {
    pool: AnyPool,
    owner: String,
    lease: Duration,
    postgres: bool,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS cw_journal (
    request_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    operation TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    lease_until BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    status BIGINT,
    body TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
)";

impl Journal {
    pub async fn open(url: &str, owner: String, lease: Duration) -> anyhow::Result<Journal> {
        sqlx::any::install_default_drivers();
        let postgres = url.starts_with("postgres");
        let pool = AnyPoolOptions::new()
            .max_connections(if postgres { 16 } else { 4 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if !postgres {
                        // Writers queue instead of failing with "database is locked".
                        sqlx::query("PRAGMA busy_timeout = 10000")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        if !postgres {
            // Readers do not block the writer.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        // Several instances may start together: a lost race on CREATE is retried once.
        if sqlx::query(SCHEMA).execute(&pool).await.is_err() {
            sqlx::query(SCHEMA).execute(&pool).await?;
        }
        Ok(Journal {
            pool,
            owner,
            lease,
            postgres,
        })
    }

    pub fn backend(&self) -> &'static str {
        if self.postgres {
            "postgres"
        } else {
            "sqlite"
        }
    }

    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Records the request or finds it, waiting up to `wait` for one in flight.
    pub async fn begin(
        &self,
        request_id: &str,
        fingerprint: &str,
        operation: &str,
        wait: Duration,
    ) -> anyhow::Result<Begin> {
        let deadline = tokio::time::Instant::now() + wait;
        let mut pause = Duration::from_millis(25);
        loop {
            let now = now_ms();
            let inserted = sqlx::query(
                "INSERT INTO cw_journal (request_id, fingerprint, operation, state, owner, lease_until, attempts, status, body, created_at, updated_at) \
                 VALUES ($1, $2, $3, 'pending', $4, $5, 1, NULL, NULL, $6, $6) ON CONFLICT (request_id) DO NOTHING",
            )
            .bind(request_id)
            .bind(fingerprint)
            .bind(operation)
            .bind(&self.owner)
            .bind(now + self.lease.as_millis() as i64)
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected();
            if inserted == 1 {
                return Ok(Begin::Forward {
                    retried: false,
                    recovered: false,
                });
            }
            let row = sqlx::query(
                "SELECT fingerprint, state, status, body, lease_until FROM cw_journal WHERE request_id = $1",
            )
            .bind(request_id)
            .fetch_optional(&self.pool)
            .await?;
            let Some(row) = row else {
                // Deleted between the two statements (retention): insert again.
                continue;
            };
            if row.try_get::<String, _>("fingerprint")? != fingerprint {
                return Ok(Begin::Conflict);
            }
            if row.try_get::<String, _>("state")? == "done" {
                return Ok(Begin::Replay {
                    status: row.try_get::<Option<i64>, _>("status")?.unwrap_or(200) as u16,
                    body: row
                        .try_get::<Option<String>, _>("body")?
                        .unwrap_or_default(),
                });
            }
            let lease_until: i64 = row.try_get("lease_until")?;
            if lease_until < now {
                let took = sqlx::query(
                    "UPDATE cw_journal SET owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3 \
                     WHERE request_id = $4 AND state = 'pending' AND lease_until = $5",
                )
                .bind(&self.owner)
                .bind(now + self.lease.as_millis() as i64)
                .bind(now)
                .bind(request_id)
                .bind(lease_until)
                .execute(&self.pool)
                .await?
                .rows_affected();
                if took == 1 {
                    // A lease released after a failure is 0; a positive one ran out unanswered.
                    return Ok(Begin::Forward {
                        retried: true,
                        recovered: lease_until > 0,
                    });
                }
                continue;
            }
            if tokio::time::Instant::now() + pause > deadline {
                return Ok(Begin::Busy);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_millis(400));
        }
    }

    /// Records the answer of a forwarded request.
    pub async fn complete(&self, request_id: &str, status: u16, body: &str) -> anyhow::Result<()> {
        let done = sqlx::query(
            "UPDATE cw_journal SET state = 'done', status = $1, body = $2, updated_at = $3 \
             WHERE request_id = $4 AND owner = $5 AND state = 'pending'",
        )
        .bind(status as i64)
        .bind(body)
        .bind(now_ms())
        .bind(request_id)
        .bind(&self.owner)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if done == 0 {
            tracing::warn!(request_id, "journal entry was taken over before completion");
        }
        Ok(())
    }

    /// Gives the entry up after a failed attempt: a retry may forward it again at once.
    pub async fn release(&self, request_id: &str) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE cw_journal SET lease_until = 0, updated_at = $1 WHERE request_id = $2 AND owner = $3 AND state = 'pending'",
        )
        .bind(now_ms())
        .bind(request_id)
        .bind(&self.owner)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes entries older than `days`.
    pub async fn purge(&self, days: u64) -> anyhow::Result<u64> {
        let before = now_ms() - (days as i64) * 86_400_000;
        Ok(sqlx::query("DELETE FROM cw_journal WHERE updated_at < $1")
            .bind(before)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
