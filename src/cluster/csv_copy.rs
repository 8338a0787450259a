//! `COPY ... TO ... STORED AS CSV` in a cluster session: the cluster computes the rows, this
//! process writes the file. DataFusion 55 loses CSV writer options on the way to an executor
//! (`datafusion-proto`'s `csv_writer_options_from_proto` turns unset timestamp and date
//! formats into empty ones, so every timestamp is written as an empty string, and every value
//! comes out quoted); written here, with the statement's own options, the file is the same as
//! in a local session. Parquet and JSON targets are written by the cluster as usual.

use std::sync::Arc;

use datafusion::datasource::MemTable;
use datafusion::error::Result;
use datafusion::execution::context::SessionConfig;
use datafusion::prelude::SessionContext;
use datafusion::sql::parser::{CopyToSource, CopyToStatement, Statement};
use datafusion::sql::sqlparser::ast::{Ident, ObjectName};

/// The name the computed rows go by in the local context that writes them.
const ROWS: &str = "cluster_rows";

/// Runs `statement` when it is a COPY to CSV; `None` when it is something else. Returns the
/// rows written.
pub async fn copy_to_csv(ctx: &SessionContext, statement: &Statement) -> Result<Option<usize>> {
    let Statement::CopyTo(copy) = statement else { return Ok(None) };
    if !writes_csv(copy) {
        return Ok(None);
    }
    let query = match &copy.source {
        CopyToSource::Query(query) => query.to_string(),
        CopyToSource::Relation(table) => format!("SELECT * FROM {table}"),
    };
    let frame = ctx.sql(&query).await?;
    let schema = Arc::new(frame.schema().as_arrow().clone());
    let rows = frame.collect().await?;
    let local = SessionContext::new_with_config_rt(SessionConfig::new(), ctx.runtime_env());
    local.register_table(ROWS, Arc::new(MemTable::try_new(schema, vec![rows])?))?;
    let mut local_copy = copy.clone();
    local_copy.source = CopyToSource::Relation(ObjectName::from(vec![Ident::new(ROWS)]));
    let plan = local.state().statement_to_plan(Statement::CopyTo(local_copy)).await?;
    let written = local.execute_logical_plan(plan).await?.collect().await?;
    Ok(Some(written.iter().filter_map(crate::exec::copied_rows).sum()))
}

/// Whether a COPY writes CSV: `STORED AS CSV`, or no format and a `.csv` target.
fn writes_csv(copy: &CopyToStatement) -> bool {
    match &copy.stored_as {
        Some(format) => format.eq_ignore_ascii_case("csv"),
        None => copy.target.to_ascii_lowercase().ends_with(".csv"),
    }
}
