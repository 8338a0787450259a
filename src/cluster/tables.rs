//! Tables made in a cluster session. Ballista cannot ship an in-memory table to its executors,
//! so `CREATE TABLE name AS query` (and a numbered `raw_messages`) is written by the cluster as
//! Parquet into a folder every process can reach, and registered as a table over that folder.
//! Each version of a table gets a fresh folder, so `CREATE OR REPLACE TABLE t AS ... FROM t`
//! reads the old version while writing the new one; the old folder goes once it is replaced,
//! and the session's folder when the session ends.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use datafusion::dataframe::{DataFrame, DataFrameWriteOptions};
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::{ListingOptions, ListingTableUrl};
use datafusion::error::{DataFusionError, Result};
use datafusion::prelude::SessionContext;
use datafusion::sql::parser::Statement;
use datafusion::sql::sqlparser::ast::Statement as SqlStatement;
use futures::{StreamExt, TryStreamExt};
use object_store::ObjectStore;

/// Where this session's tables live, and which folder holds each table's current version.
#[derive(Debug)]
pub struct ClusterTables {
    /// The session's folder (a local path or an object-store URL), ending in `/`.
    root: String,
    versions: AtomicUsize,
    current: Mutex<HashMap<String, String>>,
}

impl ClusterTables {
    /// Tables of the session `session_id` under `base` (a shared folder or object-store URL).
    pub fn new(base: &str, session_id: &str) -> Self {
        ClusterTables {
            root: format!("{}/{session_id}/", base.trim_end_matches('/')),
            versions: AtomicUsize::new(0),
            current: Mutex::new(HashMap::new()),
        }
    }

    /// Writes `frame` (planned on `ctx`, or on a local context reading what only this machine
    /// sees) as table `name` of `ctx`, replacing an older version; returns the rows written.
    pub async fn materialize(&self, ctx: &SessionContext, name: &str, frame: DataFrame) -> Result<usize> {
        let version = self.versions.fetch_add(1, Ordering::Relaxed);
        let slug: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        let folder = format!("{}{slug}-{version}/", self.root);
        let schema = Arc::new(frame.schema().as_arrow().clone());
        let written = frame.write_parquet(&folder, DataFrameWriteOptions::new(), None).await?;
        let rows = written.iter().filter_map(crate::exec::copied_rows).sum();
        let options = ListingOptions::new(Arc::new(ParquetFormat::default())).with_file_extension(".parquet");
        ctx.deregister_table(name)?;
        ctx.register_listing_table(name, &folder, options, Some(schema), None).await?;
        let replaced = self.lock()?.insert(name.to_string(), folder);
        if let Some(old) = replaced {
            remove_folder(ctx, &old).await?;
        }
        Ok(rows)
    }

    /// Runs `CREATE [OR REPLACE] TABLE name AS query` the cluster way; `None` when `statement`
    /// is something else. Returns the rows written.
    pub async fn create_table_as(&self, ctx: &SessionContext, statement: &Statement) -> Result<Option<usize>> {
        let Statement::Statement(inner) = statement else { return Ok(None) };
        let SqlStatement::CreateTable(create) = inner.as_ref() else { return Ok(None) };
        let (Some(query), true) = (&create.query, create.columns.is_empty()) else { return Ok(None) };
        let name = create.name.to_string();
        if ctx.table_exist(name.as_str())? {
            if create.if_not_exists {
                return Ok(Some(0));
            }
            if !create.or_replace {
                return Err(DataFusionError::Plan(format!("table '{name}' already exists")));
            }
        }
        let frame = ctx.sql(&query.to_string()).await?;
        self.materialize(ctx, &name, frame).await.map(Some)
    }

    /// Removes every table folder of the session.
    pub async fn remove_all(&self, ctx: &SessionContext) -> Result<()> {
        remove_folder(ctx, &self.root).await?;
        self.lock()?.clear();
        Ok(())
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, HashMap<String, String>>> {
        self.current.lock().map_err(|_| DataFusionError::Internal("cluster table list poisoned".into()))
    }
}

/// Deletes `folder`: the local folder with all below it, or every object below an
/// object-store prefix.
async fn remove_folder(ctx: &SessionContext, folder: &str) -> Result<()> {
    let url = ListingTableUrl::parse(folder)?;
    if url.scheme() == "file" {
        if let Ok(path) = AsRef::<url::Url>::as_ref(&url).to_file_path() {
            return match std::fs::remove_dir_all(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(DataFusionError::Plan(format!("{}: {e}", path.display())))
                }
                _ => Ok(()),
            };
        }
    }
    let store: Arc<dyn ObjectStore> = ctx.runtime_env().object_store(&url)?;
    let files = store.list(Some(url.prefix())).map_ok(|meta| meta.location).boxed();
    store.delete_stream(files).try_collect::<Vec<_>>().await?;
    Ok(())
}
