//! Shared test helpers: the mock API server and a session with fansql's functions.

#![allow(dead_code)]

pub mod mock_http;
pub mod mock_openai;
pub mod mock_voyage;

use datafusion::arrow::array::RecordBatch;
use datafusion::prelude::SessionContext;

/// Provider tests change process-wide environment variables (the base URL and key); they take
/// this lock so that they do not run at the same time.
pub static ENV_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Points a provider's functions at a server: `<PROVIDER>_API_KEY` and `<PROVIDER>_BASE_URL`.
pub fn use_server(provider: &str, key: &str, url: &str) {
    std::env::set_var(format!("{provider}_API_KEY"), key);
    std::env::set_var(format!("{provider}_BASE_URL"), url);
}

/// A session for provider tests: one partition (each partition batches its own rows, so request
/// counts are exact only then), the answer cache in `cache`, then `settings` (`;`-separated).
pub async fn api_context(cache: &std::path::Path, settings: &str) -> SessionContext {
    let ctx = context();
    sql(&ctx, "SET datafusion.execution.target_partitions = 1").await;
    sql(&ctx, &format!("SET fansql.cache.dir = '{}'", cache.display())).await;
    for setting in settings.split(';').filter(|s| !s.trim().is_empty()) {
        sql(&ctx, setting).await;
    }
    ctx
}

/// `n` distinct texts `fan-00001 says hello there friend`, ... as table `t` (columns n, text),
/// plus the rows `more` adds (`UNION ALL SELECT ...`).
pub async fn texts(ctx: &SessionContext, n: usize, more: &str) {
    sql(
        ctx,
        &format!(
            "CREATE TABLE t AS SELECT value AS n, 'fan-' || lpad(CAST(value AS VARCHAR), 5, '0') || ' says hello there friend' AS text \
             FROM generate_series(1, {n}) {more}"
        ),
    )
    .await;
}

pub fn context() -> SessionContext {
    let ctx = SessionContext::new_with_config(fansql_udfs::session_config());
    fansql_udfs::register_all(&ctx).expect("register");
    ctx
}

/// Runs one statement, panicking with it on failure; applies settings after SET as the shell does.
pub async fn sql(ctx: &SessionContext, query: &str) -> Vec<RecordBatch> {
    try_sql(ctx, query).await.unwrap_or_else(|e| panic!("{query}: {e}"))
}

pub async fn try_sql(ctx: &SessionContext, query: &str) -> datafusion::error::Result<Vec<RecordBatch>> {
    let batches = ctx.sql(query).await?.collect().await?;
    if query.trim_start().to_ascii_uppercase().starts_with("SET") {
        fansql_udfs::apply_settings(ctx)?;
    }
    Ok(batches)
}
