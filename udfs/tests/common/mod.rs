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
