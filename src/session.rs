//! Session set-up: the DataFusion context with fansql's functions, and the conversation tables
//! (`raw_messages`, `messages`) over the `--data` sources.

use std::path::Path;
use std::sync::Arc;

use datafusion::arrow::array::{Int64Array, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::datasource::listing::ListingTable;
use datafusion::datasource::{MemTable, TableProvider};
use datafusion::error::{DataFusionError, Result};
use datafusion::execution::context::SessionConfig;
use datafusion::execution::memory_pool::FairSpillPool;
use datafusion::execution::runtime_env::{RuntimeEnv, RuntimeEnvBuilder};
use datafusion::prelude::SessionContext;
use fansql_udfs::config::{EmbedProvider, FansqlConfig, LlmProvider};

use crate::args::{parse_memory_limit, MemoryLimit};
use crate::cluster::tables::ClusterTables;
use crate::data_source::{self, DataSource};
use crate::messages_view;
use crate::object_stores::EnvObjectStoreRegistry;

/// Where the default sample lives, relative to the working directory.
pub const SAMPLE_DATA: &str = "data/sample/";
/// Printed when no data is loaded.
pub const NO_DATA_HINT: &str = "no conversation logs loaded: pass --data PATH (CSV, Parquet or JSON; \
     file, folder, glob or s3://, gs://, http(s):// URL) or set FANSQL_DATA";

/// Execution memory when neither `--memory-limit` nor `$FANSQL_MEMORY_LIMIT` says. Sorts and
/// aggregations spill beyond it; without a cap DataFusion's sort holds its whole input (3 GB for
/// the 10M-message pipeline, which runs faster capped: BENCHMARKS.md). Operators that cannot
/// spill (whole-partition windows such as kmeans, hash-join build sides) fail beyond it, with a
/// hint to raise it.
pub const DEFAULT_MEMORY_LIMIT: usize = 2 << 30;

/// The execution memory budget: `--memory-limit`, else `$FANSQL_MEMORY_LIMIT`, else
/// [`DEFAULT_MEMORY_LIMIT`]; None means no cap (`none`).
pub fn memory_limit(flag: Option<MemoryLimit>) -> Result<Option<usize>> {
    let limit = match (flag, std::env::var("FANSQL_MEMORY_LIMIT")) {
        (Some(given), _) => given,
        (None, Ok(text)) if !text.trim().is_empty() => {
            parse_memory_limit(&text).map_err(|e| DataFusionError::Plan(format!("FANSQL_MEMORY_LIMIT: {e}")))?
        }
        _ => MemoryLimit::Bytes(DEFAULT_MEMORY_LIMIT),
    };
    Ok(match limit {
        MemoryLimit::Bytes(bytes) => Some(bytes),
        MemoryLimit::Unlimited => None,
    })
}

/// A context with fansql's settings and functions, and no tables. With a memory limit,
/// execution memory is capped and shared fairly by the operators that can spill to disk.
pub fn new_context_with_memory(memory_limit: Option<usize>) -> Result<SessionContext> {
    let ctx =
        SessionContext::new_with_config_rt(configure(SessionConfig::new()), runtime(memory_limit)?).enable_url_table();
    fansql_udfs::register_all(&ctx)?;
    Ok(ctx)
}

/// The runtime every fansql process uses: object stores from the environment and, with a
/// memory limit, a fair spilling memory pool.
pub fn runtime(memory_limit: Option<usize>) -> Result<Arc<RuntimeEnv>> {
    let mut runtime = RuntimeEnvBuilder::new().with_object_store_registry(Arc::new(EnvObjectStoreRegistry::default()));
    if let Some(limit) = memory_limit {
        runtime = runtime.with_memory_pool(Arc::new(FairSpillPool::new(limit)));
    }
    runtime.build_arc()
}

/// Applies `--set NAME=VALUE` (and `--threads`) as SET statements would, naming the argument
/// that fails.
pub async fn apply_settings(ctx: &SessionContext, settings: &[(String, String)]) -> Result<()> {
    for (name, value) in settings {
        let statement = format!("SET {name} = '{}'", value.replace('\'', "''"));
        run_set(ctx, &statement)
            .await
            .map_err(|e| DataFusionError::Plan(format!("--set {name}={value}: {}", crate::error::one_line(&e))))?;
    }
    Ok(())
}

/// Runs one `SET` statement and re-applies the settings fansql's functions read outside a
/// session (`fansql_udfs::apply_settings`).
pub async fn run_set(ctx: &SessionContext, statement: &str) -> Result<()> {
    ctx.sql(statement).await?.collect().await?;
    fansql_udfs::apply_settings(ctx)
}

/// A context as the shell makes it (for tests and embedding).
pub fn new_context() -> Result<SessionContext> {
    new_context_with_memory(memory_limit(None)?)
}

/// fansql's settings on top of `base`: the `fansql.*` settings, the information schema and
/// how conversation logs are read.
pub fn configure(base: SessionConfig) -> SessionConfig {
    let mut config = fansql_udfs::with_settings(base);
    // Logs are often kept in dated sub-folders (chat/2025-04/...): a folder means all below it.
    config.options_mut().execution.listing_table_ignore_subdirectory = false;
    // Text as plain Utf8, not Utf8View, both read from Parquet and from `CAST(x AS VARCHAR)` (the
    // messages view casts every text column): view batches report the size of every buffer
    // they point into, so a memory-limited sort counts the same pages many times and cannot
    // spill in a useful way, and the 10M-message pipeline is faster on Utf8 (BENCHMARKS.md).
    config.options_mut().execution.parquet.schema_force_view_types = false;
    config.options_mut().sql_parser.map_string_types_to_utf8view = false;
    config
}

/// Turns the `auto` providers into the ones they mean on this machine (openai / voyage when
/// their key is set, else local), so `SHOW fansql.llm.provider` tells; returns a line for the
/// banner.
pub async fn resolve_providers(ctx: &SessionContext) -> Result<String> {
    let options = FansqlConfig::from_options(ctx.state().config_options());
    let llm = fansql_udfs::profile_llm::resolved_provider(options.llm.provider);
    let embedder = fansql_udfs::embed::resolved_provider(options.embed.provider);
    if options.llm.provider == LlmProvider::Auto {
        ctx.sql(&format!("SET fansql.llm.provider = '{llm}'")).await?.collect().await?;
    }
    if options.embed.provider == EmbedProvider::Auto {
        ctx.sql(&format!("SET fansql.embed.provider = '{embedder}'")).await?.collect().await?;
    }
    let llm_line = match llm {
        LlmProvider::OpenAi => "profile_llm: openai (OPENAI_API_KEY is set)",
        _ => "profile_llm: local, offline (set OPENAI_API_KEY to use openai)",
    };
    let embed_line = match embedder {
        EmbedProvider::Voyage => "embed: voyage (VOYAGE_API_KEY is set)",
        _ => "embed: local, offline (set VOYAGE_API_KEY to use voyage)",
    };
    Ok(format!("{llm_line}; {embed_line}"))
}

/// The data arguments in force: `--data`, else `$FANSQL_DATA`, else the bundled sample when it
/// exists, else none.
pub fn data_arguments(explicit: &[String]) -> Vec<String> {
    if !explicit.is_empty() {
        return explicit.to_vec();
    }
    if let Ok(env) = std::env::var("FANSQL_DATA") {
        if !env.trim().is_empty() {
            return vec![env];
        }
    }
    if Path::new(SAMPLE_DATA).is_dir() {
        return vec![SAMPLE_DATA.to_string()];
    }
    Vec::new()
}

/// Registers `raw_messages` and the normalized `messages` view over the given sources. In
/// cluster mode, logs without row ids are numbered here and written to the cluster's tables.
pub async fn load_messages(
    ctx: &SessionContext,
    args: &[String],
    cluster_tables: Option<&ClusterTables>,
) -> Result<()> {
    let mut sources: Vec<DataSource> = Vec::with_capacity(args.len());
    for arg in args {
        sources.push(data_source::resolve(ctx, arg).await?);
    }
    let names = args.join(", ");
    let listing = data_source::raw_table(ctx, &sources).await?;
    let schema = listing.schema();
    messages_view::check_required(&schema, &names)?;
    if messages_view::has_row_id(&schema) {
        ctx.register_table("raw_messages", listing)?;
    } else {
        let numbered = number_rows_in_file_order(ctx, listing)
            .await
            .map_err(|e| DataFusionError::Plan(format!("{names}: {}", crate::error::one_line(&e))))?;
        match cluster_tables {
            Some(tables) => {
                let local = SessionContext::new_with_config_rt(SessionConfig::new(), ctx.runtime_env());
                tables.materialize(ctx, "raw_messages", local.read_table(numbered)?).await?;
            }
            None => {
                ctx.register_table("raw_messages", numbered)?;
            }
        }
    }
    let raw = ctx.table_provider("raw_messages").await?;
    let view = messages_view::create_view_sql(&raw.schema(), &names)?;
    ctx.sql(&view).await?.collect().await?;
    Ok(())
}

/// Reads the input once, in file order, into memory with a `row_id` column from 1, for logs
/// that carry no row ids of their own (`row_number() OVER ()` would not keep file order across
/// parallel partitions).
async fn number_rows_in_file_order(ctx: &SessionContext, listing: Arc<ListingTable>) -> Result<Arc<dyn TableProvider>> {
    let config = SessionConfig::new().with_target_partitions(1).with_repartition_file_scans(false);
    let reader = SessionContext::new_with_config_rt(config, ctx.runtime_env());
    let batches = reader.read_table(listing.clone())?.collect().await?;
    let mut fields: Vec<Field> = vec![Field::new("row_id", DataType::Int64, false)];
    fields.extend(listing.schema().fields().iter().map(|f| f.as_ref().clone()));
    let schema = Arc::new(Schema::new(fields));
    let mut next_id = 1i64;
    let mut numbered = Vec::with_capacity(batches.len());
    for batch in batches {
        let n = batch.num_rows() as i64;
        let ids = Arc::new(Int64Array::from_iter_values(next_id..next_id + n));
        next_id += n;
        let mut columns = vec![ids as _];
        columns.extend(batch.columns().iter().cloned());
        numbered.push(RecordBatch::try_new(schema.clone(), columns)?);
    }
    Ok(Arc::new(MemTable::try_new(schema, vec![numbered])?))
}

/// Names of the tables and views in the default schema, sorted.
pub fn table_names(ctx: &SessionContext) -> Vec<String> {
    let mut names: Vec<String> =
        ctx.catalog("datafusion").and_then(|c| c.schema("public")).map(|s| s.table_names()).unwrap_or_default();
    names.sort();
    names
}
