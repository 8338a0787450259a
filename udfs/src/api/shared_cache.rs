//! The cluster tier of the answer cache: one object per answer under an object-store URL
//! (`fansql.cache.shared`, else `$FANSQL_CACHE_SHARED`), read when this machine's cache misses
//! and written as answers arrive. The local tier is SQLite, whose write-ahead log needs memory
//! shared between processes and so must not sit on a network filesystem; machines of a cluster
//! share their answers here instead, so the cluster pays for each answer once.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use datafusion::common::{DataFusionError, Result};
use futures::{StreamExt, TryStreamExt};
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use url::Url;

use super::object_stores::store_from_env;

/// Requests in flight at once against the shared store.
const CONCURRENCY: usize = 16;

/// Answers kept as objects `<url>/<kind>/<key>`.
#[derive(Debug)]
pub struct SharedAnswers {
    url: String,
    store: Arc<dyn ObjectStore>,
    prefix: StorePath,
}

fn shared_error(url: &str, e: impl std::fmt::Display) -> DataFusionError {
    DataFusionError::Execution(format!("shared answer cache {url}: {e}"))
}

impl SharedAnswers {
    /// The shared tier at `url` (an object-store URL such as `s3://bucket/fansql-cache`).
    pub fn open(url: &str) -> Result<SharedAnswers> {
        let parsed = Url::parse(url).map_err(|e| shared_error(url, format!("not a URL ({e})")))?;
        let store = store_from_env(&parsed).map_err(|e| shared_error(url, e))?;
        let prefix = StorePath::from_url_path(parsed.path()).map_err(|e| shared_error(url, e))?;
        Ok(SharedAnswers { url: url.to_string(), store, prefix })
    }

    fn location(&self, kind: &str, key: &str) -> StorePath {
        self.prefix.clone().join(kind).join(key)
    }

    /// The stored values of those `keys` that are present.
    pub async fn get_many(&self, kind: &str, keys: &[String]) -> Result<HashMap<String, Vec<u8>>> {
        // Futures made up front own all they use: a stream adapter's closure over borrowed
        // values would not be general enough for the boxed futures of async functions.
        let requests: Vec<_> = keys
            .iter()
            .map(|key| {
                let (key, location, store, url) =
                    (key.clone(), self.location(kind, key), Arc::clone(&self.store), self.url.clone());
                async move {
                    match store.get(&location).await {
                        Ok(object) => {
                            let bytes = object.bytes().await.map_err(|e| shared_error(&url, e))?;
                            Ok(Some((key, bytes.to_vec())))
                        }
                        Err(object_store::Error::NotFound { .. }) => Ok(None),
                        Err(e) => Err(shared_error(&url, e)),
                    }
                }
            })
            .collect();
        let found: Vec<Option<(String, Vec<u8>)>> =
            futures::stream::iter(requests).buffer_unordered(CONCURRENCY).try_collect().await?;
        Ok(found.into_iter().flatten().collect())
    }

    /// Stores answers; returns once every one is written.
    pub async fn put_many(&self, kind: &str, entries: &[(String, Vec<u8>)]) -> Result<()> {
        let writes: Vec<_> = entries
            .iter()
            .map(|(key, value)| {
                let (location, payload, store, url) = (
                    self.location(kind, key),
                    PutPayload::from(value.clone()),
                    Arc::clone(&self.store),
                    self.url.clone(),
                );
                async move { store.put(&location, payload).await.map(|_| ()).map_err(|e| shared_error(&url, e)) }
            })
            .collect();
        futures::stream::iter(writes).buffer_unordered(CONCURRENCY).try_collect::<Vec<()>>().await?;
        Ok(())
    }
}

/// The shared tier a setting names (`fansql.cache.shared`, else `$FANSQL_CACHE_SHARED`); none
/// when both are empty. Opened once per process and URL.
pub fn shared(setting: &str) -> Result<Option<Arc<SharedAnswers>>> {
    static OPEN: LazyLock<Mutex<HashMap<String, Arc<SharedAnswers>>>> = LazyLock::new(Default::default);
    let url = match setting.trim() {
        "" => std::env::var("FANSQL_CACHE_SHARED").unwrap_or_default().trim().to_string(),
        set => set.to_string(),
    };
    if url.is_empty() {
        return Ok(None);
    }
    let mut open = OPEN.lock().map_err(|_| shared_error(&url, "lock poisoned"))?;
    if let Some(answers) = open.get(&url) {
        return Ok(Some(Arc::clone(answers)));
    }
    let answers = Arc::new(SharedAnswers::open(&url)?);
    open.insert(url, Arc::clone(&answers));
    Ok(Some(answers))
}
