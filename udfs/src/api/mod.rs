//! What the API-backed functions (`profile_llm`, `embed`) share: keys from the environment,
//! HTTP with retries, client-side rate limits, the persistent answer cache and spend counters.
//! One implementation, used by every provider.

pub mod batch;
pub mod cache;
pub mod http;
pub mod object_stores;
pub mod rate_limit;
pub mod secrets;
pub mod shared_cache;
pub mod spend;
