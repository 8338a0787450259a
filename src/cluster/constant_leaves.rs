//! A scheduler-side physical optimizer rule that works around a Ballista 55 defect.
//!
//! The scheduler gives each task a copy of its stage plan restricted to the task's partitions;
//! below a UNION ALL it swaps a constant-row or empty leaf (`PlaceholderRowExec`, `EmptyExec`,
//! which have no metrics) for an empty in-memory scan (which has) in the tasks that do not read
//! it (`ballista_scheduler::state::task_builder`). Tasks of one stage then report operator
//! metrics of different lengths, the scheduler rejects the second report ("task metrics array
//! size 5 does not equal with the stage metrics array size 4") and the job hangs or re-runs the
//! task, writing its rows twice. Planning those leaves as in-memory scans from the start gives
//! every task the same shape.

use std::sync::Arc;

use datafusion::arrow::array::RecordBatch;
use datafusion::arrow::array::RecordBatchOptions;
use datafusion::common::tree_node::{Transformed, TreeNode};
use datafusion::config::ConfigOptions;
use datafusion::datasource::memory::MemorySourceConfig;
use datafusion::datasource::source::DataSourceExec;
use datafusion::error::Result;
use datafusion::physical_optimizer::PhysicalOptimizerRule;
use datafusion::physical_plan::empty::EmptyExec;
use datafusion::physical_plan::placeholder_row::PlaceholderRowExec;
use datafusion::physical_plan::ExecutionPlan;

/// Plans `PlaceholderRowExec` (one row, no columns, per partition) and `EmptyExec` as the
/// equivalent in-memory scans.
#[derive(Debug, Default)]
pub struct ConstantLeavesAsMemoryScans;

impl PhysicalOptimizerRule for ConstantLeavesAsMemoryScans {
    fn optimize(&self, plan: Arc<dyn ExecutionPlan>, _config: &ConfigOptions) -> Result<Arc<dyn ExecutionPlan>> {
        plan.transform_up(|node| {
            let schema = node.schema();
            let partitions = node.properties().output_partitioning().partition_count();
            let rows: Vec<Vec<RecordBatch>> = if node.is::<PlaceholderRowExec>() && schema.fields().is_empty() {
                let row = RecordBatch::try_new_with_options(
                    Arc::clone(&schema),
                    vec![],
                    &RecordBatchOptions::new().with_row_count(Some(1)),
                )?;
                vec![vec![row]; partitions]
            } else if node.is::<EmptyExec>() {
                vec![vec![]; partitions]
            } else {
                return Ok(Transformed::no(node));
            };
            let scan: Arc<dyn ExecutionPlan> =
                DataSourceExec::from_data_source(MemorySourceConfig::try_new(&rows, schema, None)?);
            Ok(Transformed::yes(scan))
        })
        .map(|rewritten| rewritten.data)
    }

    fn name(&self) -> &str {
        "fansql_constant_leaves_as_memory_scans"
    }

    fn schema_check(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::datatypes::{DataType, Field, Schema};
    use datafusion::physical_plan::collect;
    use datafusion::prelude::SessionContext;

    #[tokio::test]
    async fn same_rows_as_the_leaves_replaced() {
        let none = Arc::new(Schema::empty());
        let some = Arc::new(Schema::new(vec![Field::new("a", DataType::Int64, true)]));
        let rule = ConstantLeavesAsMemoryScans;
        let task = SessionContext::new().task_ctx();
        let placeholder: Arc<dyn ExecutionPlan> = Arc::new(PlaceholderRowExec::new(none).with_partitions(2));
        let empty: Arc<dyn ExecutionPlan> = Arc::new(EmptyExec::new(some).with_partitions(3));
        for (leaf, rows) in [(placeholder, 2), (empty, 0)] {
            let scan = rule.optimize(Arc::clone(&leaf), &ConfigOptions::default()).unwrap();
            assert!(scan.is::<DataSourceExec>(), "{}", scan.name());
            assert_eq!(
                scan.properties().output_partitioning().partition_count(),
                leaf.properties().output_partitioning().partition_count()
            );
            assert_eq!(scan.schema(), leaf.schema());
            let batches = collect(scan, Arc::clone(&task)).await.unwrap();
            assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), rows);
        }
    }
}
