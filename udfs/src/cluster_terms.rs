//! `cluster_terms(text, cluster [, n]) OVER (...)`: the most distinctive words of each row's
//! cluster within the window partition, by class-based TF-IDF (as BERTopic's c-TF-IDF): the
//! texts of a cluster form one document; a word weighs tf(word, cluster) · ln(1 + A / f(word)),
//! where A is the mean number of words per cluster and f the word's count over all clusters.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, ListBuilder, StringBuilder};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Int64Type};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, partition_constant};
use crate::doc_sections::CLUSTERS;
use crate::macros::user_defined_function;

const NAME: &str = "cluster_terms";
const SYNTAX: &str = "cluster_terms(text, cluster [, n]) OVER (PARTITION BY ...)";
const DEFAULT_TERMS: i64 = 10;
/// Words shorter than this are left out (chat filler: "ok", "u", "lol" is kept out below).
const MIN_WORD_CHARS: usize = 3;

/// Common words of the languages the logs are written in, which say nothing about a cluster.
const STOP_WORDS: &[&str] = &[
    "the", "and", "you", "your", "for", "are", "was", "but", "not", "with", "have", "that", "this", "what", "just",
    "can", "all", "get", "got", "how", "too", "its", "it's", "i'm", "im", "don't", "dont", "yes", "yeah", "lol",
    "haha", "hahaha", "one", "now", "out", "about", "there", "then", "when", "will", "would", "could", "from", "they",
    "them", "she", "her", "his", "him", "had", "has", "were", "been", "did", "does", "who", "why", "our", "que", "los",
    "las", "por", "con", "una", "para", "del", "est", "les", "des", "und", "ich", "die", "der", "das", "ist", "nicht",
    "mit", "uma", "com", "para", "você", "vous", "pas", "mais",
];

static UDWF: LazyLock<Arc<WindowUDF>> = LazyLock::new(|| Arc::new(WindowUDF::from(ClusterTerms::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        CLUSTERS,
        "The n most distinctive words of each row's cluster within the window partition, as \
         LIST<VARCHAR>, by class-based TF-IDF: all texts of a cluster form one document and a \
         word weighs tf(word, cluster) x ln(1 + A / f(word)), A the mean words per cluster, f \
         the word's count over all clusters; ties by word. Words are lowercased letter runs of \
         3+ characters, common words of English, Spanish, German, Portuguese and French left \
         out. NULL cluster or text: the row adds nothing; a NULL cluster gets NULL.",
        SYNTAX,
    )
    .with_argument("text", "The row's text.")
    .with_argument("cluster", "The row's cluster (an integer).")
    .with_argument("n", "How many words (default 10).")
    .with_sql_example(
        "```sql\nSELECT DISTINCT cluster, cluster_terms(text, cluster, 8) OVER () AS terms FROM clustered ORDER BY cluster;\n```",
    )
    .with_related_udf("kmeans")
    .build()
});

/// The shared `cluster_terms` window function.
pub fn udwf() -> Arc<WindowUDF> {
    Arc::clone(&UDWF)
}

user_defined_function!(ClusterTerms, Volatility::Immutable);

impl WindowUDFImpl for ClusterTerms {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 3)?;
        for (position, name) in [(1, "cluster"), (2, "n")] {
            if let Some(given) = arg_types.get(position) {
                if !given.is_integer() && given != &DataType::Null {
                    return plan_err!("{NAME}: argument {} ({name}) must be an integer, got {given}", position + 1);
                }
            }
        }
        let mut coerced = vec![DataType::Utf8, DataType::Int64];
        if arg_types.len() == 3 {
            coerced.push(DataType::Int64);
        }
        Ok(coerced)
    }

    fn partition_evaluator(&self, _args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        Ok(Box::new(TermsEvaluator))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        let list = DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)));
        Ok(Arc::new(Field::new(field_args.name(), list, true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

/// The words of a text that count.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS && !STOP_WORDS.contains(&w.as_str()))
}

/// The top `n` words of each cluster by class-based TF-IDF.
pub fn top_terms(texts: &[(i64, &str)], n: usize) -> BTreeMap<i64, Vec<String>> {
    let mut counts: BTreeMap<i64, HashMap<String, usize>> = BTreeMap::new();
    for (cluster, text) in texts {
        let cluster_counts = counts.entry(*cluster).or_default();
        for word in words(text) {
            *cluster_counts.entry(word).or_default() += 1;
        }
    }
    let mut overall: HashMap<&str, usize> = HashMap::new();
    for cluster_counts in counts.values() {
        for (word, count) in cluster_counts {
            *overall.entry(word).or_default() += count;
        }
    }
    let total: usize = overall.values().sum();
    let mean_words = total as f64 / counts.len().max(1) as f64;
    counts
        .iter()
        .map(|(cluster, cluster_counts)| {
            let mut scored: Vec<(f64, &str)> = cluster_counts
                .iter()
                .map(|(word, &tf)| (tf as f64 * (1.0 + mean_words / overall[word.as_str()] as f64).ln(), word.as_str()))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
            (*cluster, scored.into_iter().take(n).map(|(_, w)| w.to_string()).collect())
        })
        .collect()
}

#[derive(Debug)]
struct TermsEvaluator;

impl PartitionEvaluator for TermsEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let texts = cast(&values[0], &DataType::Utf8)?;
        let texts = texts.as_string::<i32>();
        let clusters = values[1].as_primitive::<Int64Type>();
        let n = partition_constant::<Int64Type>(NAME, "n", values.get(2), DEFAULT_TERMS)?;
        if n < 1 {
            return exec_err!("{NAME}: n must be at least 1, got {n}");
        }
        let rows: Vec<(i64, &str)> = (0..num_rows)
            .filter(|&r| clusters.is_valid(r) && texts.is_valid(r))
            .map(|r| (clusters.value(r), texts.value(r)))
            .collect();
        let terms = top_terms(&rows, n as usize);
        let mut builder = ListBuilder::new(StringBuilder::new());
        for row in 0..num_rows {
            match clusters.is_valid(row).then(|| terms.get(&clusters.value(row))).flatten() {
                Some(words) => {
                    words.iter().for_each(|w| builder.values().append_value(w));
                    builder.append(true);
                }
                None if clusters.is_valid(row) => builder.append(true),
                None => builder.append(false),
            }
        }
        Ok(Arc::new(builder.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinctive_words_win_over_shared_ones() {
        let texts = [
            (0, "buy the video bundle, bundle price please"),
            (0, "bundle deal video"),
            (1, "miss you babe, thinking about you tonight babe"),
            (1, "goodnight babe, price later"),
        ];
        let terms = top_terms(&texts, 2);
        assert_eq!(terms[&0], vec!["bundle", "video"]);
        assert_eq!(terms[&1], vec!["babe", "goodnight"]);
    }
}
