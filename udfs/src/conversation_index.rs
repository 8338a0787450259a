//! `conversation_index(ts [, gap]) OVER (PARTITION BY fan_id, model_id ORDER BY ts)`: numbers the
//! conversations of a fan+model pair. A new conversation starts when more than `gap` (default
//! 4 hours) passes since the pair's previous message.

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Int32Builder};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, TimestampNanosecondType};
use datafusion::common::{exec_err, plan_err, Result, ScalarValue};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, coerce_timestamp, window_literal};
use crate::doc_sections::CONVERSATIONS;
use crate::macros::user_defined_function;

const NAME: &str = "conversation_index";
const SYNTAX: &str = "conversation_index(ts [, gap INTERVAL]) OVER (PARTITION BY fan_id, model_id ORDER BY ts)";
const NANOS_PER_HOUR: i64 = 3_600_000_000_000;
/// The seed's sessionizing rule: more than 4 hours of silence ends a conversation.
pub const DEFAULT_GAP_NANOS: i64 = 4 * NANOS_PER_HOUR;

static UDWF: LazyLock<Arc<WindowUDF>> = LazyLock::new(|| Arc::new(WindowUDF::from(ConversationIndex::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        CONVERSATIONS,
        "Numbers the conversations of each partition (a fan+model pair) from 1 in time order. \
         A new conversation starts when the gap to the previous message is strictly greater \
         than `gap` (default 4 hours). Rows with a NULL ts get NULL. The rows must be ordered \
         by ts ascending (ORDER BY ts in the OVER clause); rows out of order are an error.",
        SYNTAX,
    )
    .with_argument("ts", "Message time (TIMESTAMP or DATE).")
    .with_argument("gap", "Optional constant INTERVAL of silence that ends a conversation; default INTERVAL '4 hours'. Month intervals are not allowed.")
    .with_sql_example(
        "```sql\nSELECT fan_model_id || '_C' || conversation_index(ts) OVER w AS conversation_id\nFROM messages\nWINDOW w AS (PARTITION BY fan_id, model_id ORDER BY ts);\n```",
    )
    .with_related_udf("stage")
    .build()
});

/// The shared `conversation_index` window function.
pub fn udwf() -> Arc<WindowUDF> {
    Arc::clone(&UDWF)
}

user_defined_function!(ConversationIndex, Volatility::Immutable);

impl WindowUDFImpl for ConversationIndex {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 1, 2)?;
        let mut coerced = vec![coerce_timestamp(NAME, 1, "ts", &arg_types[0])?];
        if let Some(gap) = arg_types.get(1) {
            match gap {
                DataType::Interval(_) => coerced.push(gap.clone()),
                other => return plan_err!("{NAME}: argument 2 (gap) must be an INTERVAL, got {other}"),
            }
        }
        Ok(coerced)
    }

    fn partition_evaluator(&self, args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        let gap_nanos = match window_literal(NAME, "gap", args.input_exprs(), 2)? {
            None => DEFAULT_GAP_NANOS,
            Some(value) => interval_nanos(value)?,
        };
        Ok(Box::new(ConversationIndexEvaluator::new(gap_nanos)))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        Ok(Arc::new(Field::new(field_args.name(), DataType::Int32, true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

/// A fixed-length interval in nanoseconds; months have no fixed length and are refused.
fn interval_nanos(value: &ScalarValue) -> Result<i64> {
    let nanos = match value {
        ScalarValue::IntervalMonthDayNano(Some(v)) if v.months == 0 => {
            i64::from(v.days) * 24 * NANOS_PER_HOUR + v.nanoseconds
        }
        ScalarValue::IntervalDayTime(Some(v)) => {
            i64::from(v.days) * 24 * NANOS_PER_HOUR + i64::from(v.milliseconds) * 1_000_000
        }
        ScalarValue::IntervalYearMonth(Some(0)) => 0,
        other => {
            return plan_err!(
                "{NAME}: argument 2 (gap) must be a non-NULL interval of days, hours, minutes or seconds, got {other}"
            )
        }
    };
    if nanos < 0 {
        return plan_err!("{NAME}: argument 2 (gap) must not be negative");
    }
    Ok(nanos)
}

/// Walks a partition in time order. Streaming (bounded) execution calls `evaluate` once per row
/// in order, so the state below carries over between batches.
#[derive(Debug)]
struct ConversationIndexEvaluator {
    gap_nanos: i64,
    previous: Option<i64>,
    index: i32,
}

impl ConversationIndexEvaluator {
    fn new(gap_nanos: i64) -> Self {
        Self { gap_nanos, previous: None, index: 0 }
    }

    /// The index of the next row (in time order), or None for a NULL time.
    fn next(&mut self, t: Option<i64>) -> Result<Option<i32>> {
        let Some(t) = t else { return Ok(None) };
        match self.previous {
            Some(p) if t < p => {
                return exec_err!("{NAME}: rows are not in time order; write OVER (PARTITION BY ... ORDER BY ts)")
            }
            Some(p) if t - p <= self.gap_nanos => {}
            _ => self.index += 1,
        }
        self.previous = Some(t);
        Ok(Some(self.index))
    }
}

impl PartitionEvaluator for ConversationIndexEvaluator {
    fn supports_bounded_execution(&self) -> bool {
        true
    }

    fn is_causal(&self) -> bool {
        true
    }

    fn evaluate(&mut self, values: &[ArrayRef], range: &Range<usize>) -> Result<ScalarValue> {
        let ts = values[0].as_primitive::<TimestampNanosecondType>();
        let t = ts.is_valid(range.start).then(|| ts.value(range.start));
        Ok(ScalarValue::Int32(self.next(t)?))
    }

    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let ts = values[0].as_primitive::<TimestampNanosecondType>();
        let mut out = Int32Builder::with_capacity(num_rows);
        for t in ts.iter() {
            out.append_option(self.next(t)?);
        }
        Ok(Arc::new(out.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{Int32Array, TimestampNanosecondArray};

    fn run(times: Vec<Option<i64>>, gap: i64) -> Result<Vec<Option<i32>>> {
        let n = times.len();
        let array: ArrayRef = Arc::new(TimestampNanosecondArray::from(times));
        let out = ConversationIndexEvaluator::new(gap).evaluate_all(&[array], n)?;
        let out = out.as_any().downcast_ref::<Int32Array>().unwrap().clone();
        Ok(out.iter().collect())
    }

    #[test]
    fn gap_exactly_equal_stays_in_the_conversation() {
        let h = NANOS_PER_HOUR;
        let got = run(vec![Some(0), Some(4 * h), Some(8 * h + 1), Some(8 * h + 1)], DEFAULT_GAP_NANOS).unwrap();
        assert_eq!(got, vec![Some(1), Some(1), Some(2), Some(2)]);
    }

    #[test]
    fn null_times_get_null_and_do_not_break_the_count() {
        let got = run(vec![Some(0), None, Some(10)], 5).unwrap();
        assert_eq!(got, vec![Some(1), None, Some(2)]);
    }

    #[test]
    fn unordered_rows_are_an_error() {
        let err = run(vec![Some(10), Some(0)], 5).unwrap_err().to_string();
        assert!(err.contains("ORDER BY ts"), "{err}");
    }

    #[test]
    fn month_intervals_are_refused() {
        let month =
            ScalarValue::IntervalMonthDayNano(Some(datafusion::arrow::datatypes::IntervalMonthDayNano::new(1, 0, 0)));
        assert!(interval_nanos(&month).is_err());
    }
}
