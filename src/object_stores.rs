//! The object store registry of every fansql process: stores for `s3://`, `gs://` and
//! `http(s)://` URLs made on first use from the environment
//! (`fansql_udfs::api::object_stores`). The shell, the scheduler and every executor install the
//! same registry, so a cluster process reads a URL with its own credentials and no credentials
//! ever travel with a plan.

use std::sync::Arc;

use datafusion::error::Result;
use datafusion::execution::object_store::{DefaultObjectStoreRegistry, ObjectStoreRegistry};
use fansql_udfs::api::object_stores::store_from_env;
use object_store::ObjectStore;
use url::Url;

/// An object store registry that builds the store of an unknown bucket or origin from the
/// environment the first time it is asked for it.
#[derive(Debug, Default)]
pub struct EnvObjectStoreRegistry {
    known: DefaultObjectStoreRegistry,
}

impl ObjectStoreRegistry for EnvObjectStoreRegistry {
    fn register_store(&self, url: &Url, store: Arc<dyn ObjectStore>) -> Option<Arc<dyn ObjectStore>> {
        self.known.register_store(url, store)
    }

    fn deregister_store(&self, url: &Url) -> Result<Arc<dyn ObjectStore>> {
        self.known.deregister_store(url)
    }

    fn get_store(&self, url: &Url) -> Result<Arc<dyn ObjectStore>> {
        if let Ok(store) = self.known.get_store(url) {
            return Ok(store);
        }
        let store = store_from_env(url)?;
        self.known.register_store(url, Arc::clone(&store));
        Ok(store)
    }
}
