//! `stage(ts, purchased) OVER (PARTITION BY fan_id, model_id ORDER BY ts)`: the purchase-milestone
//! stage of each message of a fan+model pair.
//!
//! The rule compares times, not row positions, so rows tied on `ts` always share a stage:
//! - `stage_1`: up to and including the first purchase time (every row when there is none);
//! - `stage_2`: after the first purchase time, up to and including the last purchase time
//!   (only when the two differ);
//! - `stage_3`: after the last purchase time.

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, StringBuilder};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, TimestampNanosecondType};
use datafusion::common::{Result, ScalarValue};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, coerce_boolean, coerce_timestamp};
use crate::doc_sections::CONVERSATIONS;
use crate::macros::user_defined_function;

const NAME: &str = "stage";
const SYNTAX: &str = "stage(ts, purchased) OVER (PARTITION BY fan_id, model_id ORDER BY ts)";

static UDWF: LazyLock<Arc<WindowUDF>> = LazyLock::new(|| Arc::new(WindowUDF::from(Stage::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        CONVERSATIONS,
        "Purchase-milestone stage of each row of a partition (a fan+model pair): 'stage_1' up to \
         and including the first purchase time (all rows when there is no purchase), 'stage_2' \
         after the first purchase time up to and including the last purchase time (only when \
         they differ), 'stage_3' after the last purchase time. Times are compared, so rows tied \
         on ts share a stage. A NULL purchased counts as no purchase; a row with a NULL ts gets \
         a NULL stage and is ignored when finding the purchase times.",
        SYNTAX,
    )
    .with_argument("ts", "Message time (TIMESTAMP or DATE).")
    .with_argument("purchased", "Whether the message carried a purchase (BOOLEAN).")
    .with_sql_example(
        "```sql\nSELECT row_id, stage(ts, purchased) OVER (PARTITION BY fan_id, model_id ORDER BY ts) AS stage\nFROM messages;\n```",
    )
    .with_related_udf("conversation_index")
    .build()
});

/// The shared `stage` window function.
pub fn udwf() -> Arc<WindowUDF> {
    Arc::clone(&UDWF)
}

user_defined_function!(Stage, Volatility::Immutable);

impl WindowUDFImpl for Stage {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 2)?;
        Ok(vec![coerce_timestamp(NAME, 1, "ts", &arg_types[0])?, coerce_boolean(NAME, 2, "purchased", &arg_types[1])?])
    }

    fn partition_evaluator(&self, _args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        Ok(Box::new(StageEvaluator::default()))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        Ok(Arc::new(Field::new(field_args.name(), DataType::Utf8, true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

/// The first and last purchase times of a partition. In streaming (bounded) execution each row
/// asks for the rest of its partition (`get_range`), so DataFusion evaluates a partition's rows
/// only once the whole partition has arrived; the times are found on the first row.
#[derive(Debug, Default)]
struct StageEvaluator {
    purchase_times: Option<(Option<i64>, Option<i64>)>,
}

fn purchase_times(values: &[ArrayRef]) -> (Option<i64>, Option<i64>) {
    let ts = values[0].as_primitive::<TimestampNanosecondType>();
    let purchased = values[1].as_boolean();
    ts.iter()
        .zip(purchased.iter())
        .filter_map(|(t, p)| if p == Some(true) { t } else { None })
        .fold((None, None), |(lo, hi), t| {
            (Some(lo.map_or(t, |lo: i64| lo.min(t))), Some(hi.map_or(t, |hi: i64| hi.max(t))))
        })
}

fn stage_of(t: Option<i64>, (first, last): (Option<i64>, Option<i64>)) -> Option<&'static str> {
    let t = t?;
    Some(match (first, last) {
        (Some(first), Some(last)) if t > first => {
            if t <= last {
                "stage_2"
            } else {
                "stage_3"
            }
        }
        _ => "stage_1",
    })
}

impl PartitionEvaluator for StageEvaluator {
    fn supports_bounded_execution(&self) -> bool {
        true
    }

    fn is_causal(&self) -> bool {
        false
    }

    fn get_range(&self, idx: usize, n_rows: usize) -> Result<Range<usize>> {
        Ok(idx..n_rows)
    }

    fn evaluate(&mut self, values: &[ArrayRef], range: &Range<usize>) -> Result<ScalarValue> {
        let times = *self.purchase_times.get_or_insert_with(|| purchase_times(values));
        let ts = values[0].as_primitive::<TimestampNanosecondType>();
        let t = ts.is_valid(range.start).then(|| ts.value(range.start));
        Ok(ScalarValue::Utf8(stage_of(t, times).map(str::to_string)))
    }

    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let times = purchase_times(values);
        let ts = values[0].as_primitive::<TimestampNanosecondType>();
        let mut out = StringBuilder::with_capacity(num_rows, num_rows * 7);
        for t in ts.iter() {
            out.append_option(stage_of(t, times));
        }
        Ok(Arc::new(out.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{BooleanArray, StringArray, TimestampNanosecondArray};

    fn stages(rows: &[(Option<i64>, Option<bool>)]) -> Vec<Option<String>> {
        let ts: ArrayRef = Arc::new(TimestampNanosecondArray::from(rows.iter().map(|r| r.0).collect::<Vec<_>>()));
        let p: ArrayRef = Arc::new(BooleanArray::from(rows.iter().map(|r| r.1).collect::<Vec<_>>()));
        let out = StageEvaluator::default().evaluate_all(&[ts, p], rows.len()).unwrap();
        let out = out.as_any().downcast_ref::<StringArray>().unwrap().clone();
        out.iter().map(|s| s.map(str::to_string)).collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn no_purchase_is_all_stage_1() {
        assert_eq!(stages(&[(Some(1), Some(false)), (Some(2), None)]), vec![s("stage_1"), s("stage_1")]);
    }

    #[test]
    fn one_purchase_splits_into_stage_1_and_3() {
        let got = stages(&[(Some(1), Some(false)), (Some(2), Some(true)), (Some(3), Some(false))]);
        assert_eq!(got, vec![s("stage_1"), s("stage_1"), s("stage_3")]);
    }

    #[test]
    fn two_purchase_times_make_stage_2() {
        let got =
            stages(&[(Some(1), Some(true)), (Some(2), Some(false)), (Some(3), Some(true)), (Some(4), Some(false))]);
        assert_eq!(got, vec![s("stage_1"), s("stage_2"), s("stage_2"), s("stage_3")]);
    }

    #[test]
    fn ties_on_ts_share_a_stage() {
        let got =
            stages(&[(Some(5), Some(false)), (Some(5), Some(true)), (Some(6), Some(false)), (Some(5), Some(false))]);
        assert_eq!(got, vec![s("stage_1"), s("stage_1"), s("stage_3"), s("stage_1")]);
    }

    #[test]
    fn null_ts_gets_null() {
        assert_eq!(stages(&[(None, Some(true)), (Some(1), Some(false))]), vec![None, s("stage_1")]);
    }
}
