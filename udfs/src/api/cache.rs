//! The persistent answer cache: paid API answers keyed by what determines them (provider, model,
//! prompt or embedding options, and a hash of the text), shared by every query and process.
//!
//! SQLite (WAL mode, busy timeout) makes it safe with several processes at once and crash-safe:
//! each batch's answers are committed as soon as they arrive, before the query goes on, so a
//! killed process loses at most the requests that were in flight. Keys and values never hold
//! API keys.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use datafusion::common::DataFusionError;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::shared_cache::{self, SharedAnswers};
use crate::config::CacheOptions;

type Result<T> = std::result::Result<T, DataFusionError>;

fn cache_error(path: &Path, e: impl std::fmt::Display) -> DataFusionError {
    DataFusionError::Execution(format!("answer cache {}: {e}", path.display()))
}

/// The cache folder: `fansql.cache.dir` when set, else `$FANSQL_CACHE_DIR`, else the user's
/// cache folder (`~/.cache/fansql` on Linux).
pub fn cache_dir(setting: &str) -> PathBuf {
    if !setting.trim().is_empty() {
        return PathBuf::from(setting.trim());
    }
    if let Some(dir) = std::env::var_os("FANSQL_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::cache_dir().unwrap_or_else(std::env::temp_dir).join("fansql")
}

/// A cache key: SHA-256 over the parts, separated so that ("ab","c") and ("a","bc") differ.
pub fn key(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindStats {
    pub kind: String,
    pub entries: u64,
    pub bytes: u64,
}

#[derive(Debug)]
pub struct AnswerCache {
    path: PathBuf,
    connection: Mutex<Connection>,
}

impl AnswerCache {
    /// Opens (creating when needed) `answers.sqlite3` in `dir`.
    pub fn open(dir: &Path) -> Result<AnswerCache> {
        std::fs::create_dir_all(dir).map_err(|e| cache_error(dir, e))?;
        let path = dir.join("answers.sqlite3");
        let connection = Connection::open(&path).map_err(|e| cache_error(&path, e))?;
        connection.busy_timeout(Duration::from_secs(30)).map_err(|e| cache_error(&path, e))?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 CREATE TABLE IF NOT EXISTS answers (
                     key TEXT PRIMARY KEY,
                     kind TEXT NOT NULL,
                     value BLOB NOT NULL,
                     created_at INTEGER NOT NULL DEFAULT (unixepoch())
                 );",
            )
            .map_err(|e| cache_error(&path, e))?;
        Ok(AnswerCache { path, connection: Mutex::new(connection) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T> {
        let mut connection = self.connection.lock().map_err(|_| cache_error(&self.path, "lock poisoned"))?;
        f(&mut connection).map_err(|e| cache_error(&self.path, e))
    }

    /// The cached values of those `keys` that are present.
    pub fn get_many(&self, keys: &[String]) -> Result<HashMap<String, Vec<u8>>> {
        self.with(|c| {
            let mut statement = c.prepare_cached("SELECT value FROM answers WHERE key = ?1")?;
            let mut found = HashMap::new();
            for key in keys {
                if let Some(value) = statement.query_row(params![key], |row| row.get::<_, Vec<u8>>(0)).optional()? {
                    found.insert(key.clone(), value);
                }
            }
            Ok(found)
        })
    }

    /// Stores answers in one transaction (committed before returning).
    pub fn put_many(&self, kind: &str, entries: &[(String, Vec<u8>)]) -> Result<()> {
        self.with(|c| {
            let transaction = c.transaction()?;
            {
                let mut statement = transaction
                    .prepare_cached("INSERT OR REPLACE INTO answers (key, kind, value) VALUES (?1, ?2, ?3)")?;
                for (key, value) in entries {
                    statement.execute(params![key, kind, value])?;
                }
            }
            transaction.commit()
        })
    }

    /// Entries and bytes per kind of answer.
    pub fn stats(&self) -> Result<Vec<KindStats>> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT kind, count(*), coalesce(sum(length(value)), 0) FROM answers GROUP BY kind ORDER BY kind",
            )?;
            let rows = statement.query_map([], |row| {
                Ok(KindStats {
                    kind: row.get(0)?,
                    entries: row.get::<_, i64>(1)? as u64,
                    bytes: row.get::<_, i64>(2)? as u64,
                })
            })?;
            rows.collect()
        })
    }

    /// Removes every entry (of one kind, when given); returns how many.
    pub fn clear(&self, kind: Option<&str>) -> Result<u64> {
        self.with(|c| {
            let removed = match kind {
                Some(kind) => c.execute("DELETE FROM answers WHERE kind = ?1", params![kind])?,
                None => c.execute("DELETE FROM answers", [])?,
            };
            c.execute_batch("VACUUM")?;
            Ok(removed as u64)
        })
    }
}

/// The answer cache a query uses: this machine's SQLite tier and, when set, the tier every
/// process of a cluster shares ([`SharedAnswers`]). Answers found only in the shared tier are
/// copied to the local one; new answers go to both before the query goes on.
#[derive(Debug)]
pub struct Caches {
    local: Arc<AnswerCache>,
    shared: Option<Arc<SharedAnswers>>,
}

impl Caches {
    /// The tiers `options` name (`fansql.cache.dir`, `fansql.cache.shared`).
    pub fn open(options: &CacheOptions) -> Result<Caches> {
        Ok(Caches { local: shared(&cache_dir(&options.dir))?, shared: shared_cache::shared(&options.shared)? })
    }

    /// The cached values of those `keys` that are present in either tier.
    pub async fn get_many(&self, kind: &str, keys: &[String]) -> Result<HashMap<String, Vec<u8>>> {
        let mut found = self.local.get_many(keys)?;
        if let Some(shared) = &self.shared {
            let missing: Vec<String> = keys.iter().filter(|k| !found.contains_key(*k)).cloned().collect();
            if !missing.is_empty() {
                let fetched: Vec<(String, Vec<u8>)> = shared.get_many(kind, &missing).await?.into_iter().collect();
                self.local.put_many(kind, &fetched)?;
                found.extend(fetched);
            }
        }
        Ok(found)
    }

    /// Stores answers in every tier; returns once they are written.
    pub async fn put_many(&self, kind: &str, entries: &[(String, Vec<u8>)]) -> Result<()> {
        self.local.put_many(kind, entries)?;
        if let Some(shared) = &self.shared {
            shared.put_many(kind, entries).await?;
        }
        Ok(())
    }
}

static OPEN: LazyLock<Mutex<HashMap<PathBuf, Arc<AnswerCache>>>> = LazyLock::new(Default::default);

/// The process-wide cache in `dir`, opened once.
pub fn shared(dir: &Path) -> Result<Arc<AnswerCache>> {
    let mut open = OPEN.lock().map_err(|_| cache_error(dir, "lock poisoned"))?;
    if let Some(cache) = open.get(dir) {
        return Ok(Arc::clone(cache));
    }
    let cache = Arc::new(AnswerCache::open(dir)?);
    open.insert(dir.to_path_buf(), Arc::clone(&cache));
    Ok(cache)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_reads_counts_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let cache = AnswerCache::open(dir.path()).unwrap();
        let k = key(&["openai", "gpt-4o", "v1", "hello"]);
        assert_ne!(k, key(&["openai", "gpt-4o", "v1hello", ""]));
        cache.put_many("profile", &[(k.clone(), b"{}".to_vec())]).unwrap();
        let again = AnswerCache::open(dir.path()).unwrap();
        assert_eq!(again.get_many(&[k.clone(), "missing".into()]).unwrap().len(), 1);
        assert_eq!(again.stats().unwrap(), vec![KindStats { kind: "profile".into(), entries: 1, bytes: 2 }]);
        assert_eq!(again.clear(None).unwrap(), 1);
        assert!(cache.get_many(&[k]).unwrap().is_empty());
    }

    #[tokio::test]
    async fn machines_share_answers_through_the_shared_tier() {
        let shared = tempfile::tempdir().unwrap();
        let url = url::Url::from_directory_path(shared.path()).unwrap().to_string();
        let (first_dir, second_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let options = |dir: &tempfile::TempDir| CacheOptions {
            dir: dir.path().display().to_string(),
            shared: url.clone(),
            ..CacheOptions::default()
        };
        let first = Caches::open(&options(&first_dir)).unwrap();
        let second = Caches::open(&options(&second_dir)).unwrap();
        let k = key(&["profile_llm", "openai", "gpt-4o", "hello"]);
        first.put_many("profile_llm", &[(k.clone(), b"{\"a\":1}".to_vec())]).await.unwrap();
        // Written as one object per answer, under the kind.
        assert!(shared.path().join("profile_llm").join(&k).is_file());
        let found = second.get_many("profile_llm", &[k.clone(), "missing".into()]).await.unwrap();
        assert_eq!(found.get(&k).map(Vec::as_slice), Some(&b"{\"a\":1}"[..]));
        assert_eq!(found.len(), 1);
        // Copied to the second machine's own tier, which now answers alone.
        assert_eq!(AnswerCache::open(second_dir.path()).unwrap().get_many(&[k]).unwrap().len(), 1);
    }
}
