//! Object stores for `s3://`, `gs://`, `http(s)://` and `file://` URLs, configured from the
//! usual environment variables (`AWS_*`, `GOOGLE_*`) of the process that uses them, so no
//! credentials are ever part of a setting, a plan or a cache.

use std::sync::Arc;

use datafusion::common::{DataFusionError, Result};
use object_store::aws::AmazonS3Builder;
use object_store::gcp::GoogleCloudStorageBuilder;
use object_store::http::HttpBuilder;
use object_store::local::LocalFileSystem;
use object_store::ObjectStore;
use url::Url;

/// The store behind `url` (its bucket or origin), configured from the environment.
pub fn store_from_env(url: &Url) -> Result<Arc<dyn ObjectStore>> {
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
        "file" => Arc::new(LocalFileSystem::new()),
        other => {
            return Err(DataFusionError::Plan(format!(
                "unsupported URL scheme '{other}' (use a local path, s3://, gs:// or http(s)://)"
            )))
        }
    })
}
