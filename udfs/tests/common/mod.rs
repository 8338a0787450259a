//! Shared test helpers: the mock API server and a session with fansql's functions.

#![allow(dead_code)]

pub mod mock_openai;

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

pub async fn sql(ctx: &SessionContext, query: &str) -> Vec<RecordBatch> {
    ctx.sql(query)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .collect()
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}
