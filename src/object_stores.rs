//! Object stores for `s3://`, `gs://` and `http(s)://` URLs, made on first use from the usual
//! environment variables (`AWS_*`, `GOOGLE_*`). The shell, the scheduler and every executor
//! install the same registry, so a cluster process reads a URL with its own credentials and
//! no credentials ever travel with a plan.

use std::sync::Arc;

use datafusion::error::{DataFusionError, Result};
use datafusion::execution::object_store::{DefaultObjectStoreRegistry, ObjectStoreRegistry};
use object_store::aws::AmazonS3Builder;
use object_store::gcp::GoogleCloudStorageBuilder;
use object_store::http::HttpBuilder;
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

/// The store behind an `s3://`, `gs://` or `http(s)://` URL, configured from the environment.
fn store_from_env(url: &Url) -> Result<Arc<dyn ObjectStore>> {
    let host = url.host_str().unwrap_or_default();
    Ok(match url.scheme() {
        "s3" => {
            let mut builder = AmazonS3Builder::from_env().with_bucket_name(host);
            let endpoint = std::env::var("AWS_ENDPOINT_URL").or_else(|_| std::env::var("AWS_ENDPOINT"));
            if endpoint.is_ok_and(|e| e.starts_with("http://")) {
                builder = builder.with_allow_http(true);
            }
            Arc::new(builder.build()?)
        }
        "gs" | "gcs" => Arc::new(GoogleCloudStorageBuilder::from_env().with_bucket_name(host).build()?),
        "http" | "https" => {
            let origin = &url[..url::Position::BeforePath];
            Arc::new(HttpBuilder::new().with_url(origin).build()?)
        }
        other => {
            return Err(DataFusionError::Plan(format!(
                "unsupported URL scheme '{other}' (use a local path, s3://, gs:// or http(s)://)"
            )))
        }
    })
}
