//! Answering many texts through a paid API, shared by every provider: each distinct text once,
//! cached answers first, the rest in batches with a bounded number of requests in flight.
//!
//! An answer is used only when the provider's `request` says it lines up with its items; one
//! that does not is asked again, then its batch is split in halves down to single items, and an
//! item that fails even alone is NULL (counted in `items_failed`). Every usable answer is cached
//! as soon as it arrives, before anything else happens, so work paid for is never lost.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use datafusion::arrow::array::StringArray;
use datafusion::common::{DataFusionError, Result};
use futures::future::BoxFuture;
use futures::{FutureExt, StreamExt, TryStreamExt};

use super::cache::Caches;
use super::spend::Counters;

/// Times a batch whose answer cannot be used is asked, before it is split.
const ANSWER_ATTEMPTS: usize = 2;

/// One item of a batch: the cache key its answer is stored under, and its text.
#[derive(Debug, Clone)]
pub struct Item {
    pub key: String,
    pub text: String,
}

/// A provider that answers batches of texts.
#[async_trait]
pub trait BatchApi: Send + Sync + 'static {
    type Answer: Clone + Send + Sync + 'static;

    /// The kind the answers are stored under in the cache (`fansql cache` lists kinds).
    const CACHE_KIND: &'static str;
    /// The spend counters of the function family.
    fn counters(&self) -> &'static Counters;
    fn encode(answer: &Self::Answer) -> Vec<u8>;
    fn decode(bytes: &[u8]) -> Option<Self::Answer>;
    /// One request for `items`: Some(answers in item order) when the answer lines up, None when
    /// it cannot be used. HTTP failures that survive the retries are errors.
    async fn request(&self, items: &[Item]) -> Result<Option<Vec<Self::Answer>>>;
}

/// The distinct texts of a column, and for each row the index of its text (None for NULL rows
/// and rows `keep` rejects).
pub fn distinct_texts(texts: &StringArray, keep: impl Fn(&str) -> bool) -> (Vec<&str>, Vec<Option<usize>>) {
    let mut distinct: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let rows = texts
        .iter()
        .map(|text| {
            let text = text.filter(|t| keep(t))?;
            Some(*index.entry(text).or_insert_with(|| {
                distinct.push(text);
                distinct.len() - 1
            }))
        })
        .collect();
    (distinct, rows)
}

/// The cached answers for `keys` (None where there is none, or when the cache is not to be read),
/// counting hits.
pub async fn cached_answers<A: BatchApi>(
    cache: Option<&Caches>,
    read: bool,
    keys: &[String],
    counters: &Counters,
) -> Result<Vec<Option<A::Answer>>> {
    let found = match (cache, read) {
        (Some(cache), true) => cache.get_many(A::CACHE_KIND, keys).await?,
        _ => HashMap::new(),
    };
    let answers: Vec<Option<A::Answer>> = keys.iter().map(|k| found.get(k).and_then(|v| A::decode(v))).collect();
    Counters::add(&counters.cache_hits, answers.iter().filter(|a| a.is_some()).count() as u64);
    Ok(answers)
}

/// One answered batch: its items' indexes and each item's answer (None where it failed alone).
type BatchAnswers<T> = (Vec<usize>, Vec<Option<T>>);

/// Answers `batches` (of indexes into `items`) with up to `concurrency` requests in flight and
/// writes each answer into `answers` at its item's index.
pub async fn answer_batches<A: BatchApi>(
    api: Arc<A>,
    cache: Option<Arc<Caches>>,
    items: &[Item],
    batches: Vec<Vec<usize>>,
    concurrency: usize,
    answers: &mut [Option<A::Answer>],
) -> Result<()> {
    Counters::add(&api.counters().items_total, batches.iter().map(|b| b.len() as u64).sum());
    let results: Vec<BatchAnswers<A::Answer>> = futures::stream::iter(batches)
        .map(|batch| {
            let batch_items = batch.iter().map(|&i| items[i].clone()).collect();
            // A task of its own, so that reading large answers uses every core.
            let task = tokio::spawn(answer_batch(Arc::clone(&api), cache.clone(), batch_items));
            task.map(|joined| match joined {
                Ok(answered) => answered.map(|a| (batch, a)),
                Err(e) => Err(DataFusionError::Execution(format!("{}: a request task failed: {e}", A::CACHE_KIND))),
            })
        })
        .buffer_unordered(concurrency.max(1))
        .try_collect()
        .await?;
    for (batch, answered) in results {
        for (i, answer) in batch.into_iter().zip(answered) {
            answers[i] = answer;
        }
    }
    Ok(())
}

/// Answers one batch, asking again and splitting as needed. One entry per item.
fn answer_batch<A: BatchApi>(
    api: Arc<A>,
    cache: Option<Arc<Caches>>,
    items: Vec<Item>,
) -> BoxFuture<'static, Result<Vec<Option<A::Answer>>>> {
    async move {
        let counters = api.counters();
        for attempt in 0..ANSWER_ATTEMPTS {
            if attempt > 0 {
                Counters::add(&counters.retries, 1);
            }
            if let Some(answered) = api.request(&items).await? {
                if let Some(cache) = &cache {
                    let entries: Vec<(String, Vec<u8>)> =
                        items.iter().zip(&answered).map(|(i, a)| (i.key.clone(), A::encode(a))).collect();
                    cache.put_many(A::CACHE_KIND, &entries).await?;
                }
                Counters::add(&counters.items_sent, items.len() as u64);
                Counters::add(&counters.items_done, items.len() as u64);
                return Ok(answered.into_iter().map(Some).collect());
            }
        }
        if items.len() == 1 {
            Counters::add(&counters.items_failed, 1);
            Counters::add(&counters.items_done, 1);
            return Ok(vec![None]);
        }
        let mut first = items;
        let second = first.split_off(first.len() / 2);
        let mut answered = answer_batch(Arc::clone(&api), cache.clone(), first).await?;
        answered.extend(answer_batch(api, cache, second).await?);
        Ok(answered)
    }
    .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_texts_map_rows_to_first_occurrence() {
        let texts = StringArray::from(vec![Some("a"), None, Some(" "), Some("b"), Some("a")]);
        let (distinct, rows) = distinct_texts(&texts, |t| !t.trim().is_empty());
        assert_eq!(distinct, vec!["a", "b"]);
        assert_eq!(rows, vec![Some(0), None, None, Some(1), Some(0)]);
    }
}
