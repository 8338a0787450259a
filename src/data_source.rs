//! Turns `--data` arguments into the `raw_messages` table: finds the files behind a path, folder,
//! glob or object-store URL, picks their format from the file extension, registers the object
//! store, and reads CSV cells as text so that the `messages` view parses every value itself and
//! can name the column in its errors.

use std::sync::Arc;

use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::datasource::file_format::csv::CsvFormat;
use datafusion::datasource::file_format::json::JsonFormat;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::file_format::FileFormat;
use datafusion::datasource::listing::{ListingOptions, ListingTable, ListingTableConfig, ListingTableUrl};
use datafusion::error::{DataFusionError, Result};
use datafusion::prelude::SessionContext;
use futures::TryStreamExt;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt};
use url::Url;

/// The file formats fansql reads conversation logs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Parquet,
    /// Newline-delimited JSON objects, or one JSON array of objects when `array` is set.
    Json {
        array: bool,
    },
}

impl FileKind {
    fn name(self) -> &'static str {
        match self {
            FileKind::Csv => "CSV",
            FileKind::Parquet => "Parquet",
            FileKind::Json { .. } => "JSON",
        }
    }

    fn from_extension(extension: &str) -> Option<FileKind> {
        match extension.to_ascii_lowercase().as_str() {
            "csv" => Some(FileKind::Csv),
            "parquet" | "pq" => Some(FileKind::Parquet),
            "json" | "ndjson" | "jsonl" => Some(FileKind::Json { array: false }),
            _ => None,
        }
    }
}

/// One `--data` argument resolved to files of one format.
#[derive(Debug, Clone)]
pub struct DataSource {
    /// The argument as the user wrote it, for messages.
    pub display: String,
    pub url: ListingTableUrl,
    pub kind: FileKind,
    /// The extension of the files read, with its dot (".csv").
    pub extension: String,
}

/// Resolves a `--data` argument: makes its object store and finds the format of its files.
pub async fn resolve(ctx: &SessionContext, arg: &str) -> Result<DataSource> {
    let fail = |why: String| DataFusionError::Plan(format!("{arg}: {why}"));
    let remote = Url::parse(arg).ok().filter(|u| u.scheme().len() > 1);
    if let Some(url) = &remote {
        // Builds the store now so that bad credentials or a bad bucket name fail here, named.
        ctx.runtime_env().object_store_registry.get_store(url).map_err(|e| fail(e.to_string()))?;
    } else if !is_glob(arg) && !std::path::Path::new(arg).exists() {
        return Err(fail("no such file or folder".into()));
    }
    let url = ListingTableUrl::parse(arg).map_err(|e| fail(e.to_string()))?;
    let state = ctx.state();
    let store = state.runtime_env().object_store(&url).map_err(|e| fail(e.to_string()))?;
    let files: Vec<_> = url
        .list_all_files(&state, store.as_ref(), "")
        .await
        .map_err(|e| fail(e.to_string()))?
        .try_collect()
        .await
        .map_err(|e| fail(e.to_string()))?;
    let first = files
        .iter()
        .filter(|f| !f.location.filename().is_some_and(|n| n.starts_with('.') || n.starts_with('_')))
        .find_map(|f| {
            let extension = f.location.extension()?;
            FileKind::from_extension(extension).map(|kind| (f, kind, format!(".{extension}")))
        });
    let Some((file, kind, extension)) = first else {
        return Err(fail(if files.is_empty() {
            "no files found".into()
        } else {
            "no .csv, .parquet or .json/.ndjson files found".into()
        }));
    };
    let kind = match kind {
        FileKind::Json { .. } => {
            FileKind::Json { array: starts_with_array(store.as_ref(), &file.location, file.size).await }
        }
        other => other,
    };
    Ok(DataSource { display: arg.to_string(), url, kind, extension })
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

/// A JSON file whose first non-blank byte is `[` holds one array of objects.
async fn starts_with_array(store: &dyn ObjectStore, location: &StorePath, size: u64) -> bool {
    let head = store.get_range(location, 0..size.min(256)).await;
    head.ok().and_then(|bytes| bytes.iter().copied().find(|b| !b.is_ascii_whitespace())).is_some_and(|b| b == b'[')
}

/// Creates the `raw_messages` listing table over all sources (which must share one format) and
/// returns its schema. CSV columns are declared as text.
pub async fn raw_table(ctx: &SessionContext, sources: &[DataSource]) -> Result<Arc<ListingTable>> {
    let Some(first) = sources.first() else {
        return Err(DataFusionError::Plan("no data sources given".into()));
    };
    let names = || sources.iter().map(|s| s.display.as_str()).collect::<Vec<_>>().join(", ");
    if let Some(other) = sources.iter().find(|s| s.kind.name() != first.kind.name()) {
        return Err(DataFusionError::Plan(format!(
            "{}: is {} but {} is {}; load one format at a time",
            other.display,
            other.kind.name(),
            first.display,
            first.kind.name()
        )));
    }
    let format: Arc<dyn FileFormat> = match first.kind {
        FileKind::Csv => Arc::new(CsvFormat::default().with_has_header(true)),
        FileKind::Parquet => Arc::new(ParquetFormat::default()),
        FileKind::Json { array } => Arc::new(JsonFormat::default().with_newline_delimited(!array)),
    };
    let options = ListingOptions::new(format).with_file_extension(first.extension.clone());
    let urls = sources.iter().map(|s| s.url.clone()).collect();
    let state = ctx.state();
    let config = ListingTableConfig::new_with_multi_paths(urls)
        .with_listing_options(options)
        .infer_schema(&state)
        .await
        .map_err(|e| {
            DataFusionError::Plan(format!(
                "{}: cannot read as {}: {}",
                names(),
                first.kind.name(),
                crate::error::one_line(&e)
            ))
        })?;
    let inferred = config.file_schema.clone().unwrap_or_else(|| Arc::new(Schema::empty()));
    if inferred.fields().is_empty() {
        return Err(DataFusionError::Plan(format!("{}: no columns found (is the file empty?)", names())));
    }
    let config = match first.kind {
        FileKind::Csv => config.with_schema(all_text(&inferred)),
        _ => config,
    };
    Ok(Arc::new(ListingTable::try_new(config)?))
}

fn all_text(schema: &SchemaRef) -> SchemaRef {
    let fields: Vec<Field> = schema.fields().iter().map(|f| Field::new(f.name(), DataType::Utf8, true)).collect();
    Arc::new(Schema::new(fields))
}
