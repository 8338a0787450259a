//! Makes the relative paths given to plot functions absolute under `fansql.output_dir` while a
//! query is planned. The accumulator that draws may run in another process (a Ballista
//! executor, with its own working folder and none of this session's settings), so the plan
//! must say exactly where the file goes.

use std::any::Any;
use std::path::Path;

use datafusion::common::tree_node::{Transformed, TreeNode};
use datafusion::common::{DataFusionError, Result, ScalarValue};
use datafusion::config::ConfigOptions;
use datafusion::logical_expr::expr_rewriter::NamePreserver;
use datafusion::logical_expr::{Expr, LogicalPlan};
use datafusion::optimizer::AnalyzerRule;

use super::PlotFunction;
use crate::config::FansqlConfig;

/// The analyzer rule; [`crate::register_all`] installs it.
#[derive(Debug, Default)]
pub struct PlotOutputPaths;

impl AnalyzerRule for PlotOutputPaths {
    fn analyze(&self, plan: LogicalPlan, config: &ConfigOptions) -> Result<LogicalPlan> {
        let dir = FansqlConfig::from_options(config).output_dir;
        if dir.is_empty() {
            return Ok(plan);
        }
        let dir = Path::new(&dir);
        plan.transform_up_with_subqueries(|node| {
            // Keep each expression's name: the nodes above refer to the column by it.
            let names = NamePreserver::new(&node);
            node.map_expressions(|expr| {
                let name = names.save(&expr);
                let rewritten = expr.transform_up(|expr| absolute_plot_path(expr, dir))?;
                Ok(rewritten.update_data(|expr| name.restore(expr)))
            })
        })
        .map(|rewritten| rewritten.data)
    }

    fn name(&self) -> &str {
        "fansql_plot_output_paths"
    }
}

/// A relative `fansql.output_dir` ("outputs", `fansql run`'s default) is made absolute here too:
/// left relative, the path would be joined with the folder once more where the plot is drawn.
fn absolute_plot_path(expr: Expr, dir: &Path) -> Result<Transformed<Expr>> {
    let Expr::AggregateFunction(mut call) = expr else { return Ok(Transformed::no(expr)) };
    let function: &dyn Any = call.func.inner().as_ref();
    let Some(plot) = function.downcast_ref::<PlotFunction>() else {
        return Ok(Transformed::no(Expr::AggregateFunction(call)));
    };
    let at = plot.layout.path_at();
    let relative = match call.params.args.get(at) {
        Some(Expr::Literal(
            ScalarValue::Utf8(Some(path)) | ScalarValue::LargeUtf8(Some(path)) | ScalarValue::Utf8View(Some(path)),
            _,
        )) if Path::new(path).is_relative() => std::path::absolute(dir.join(path))
            .map_err(|e| DataFusionError::Plan(format!("fansql.output_dir {}: {e}", dir.display())))?
            .to_string_lossy()
            .into_owned(),
        _ => return Ok(Transformed::no(Expr::AggregateFunction(call))),
    };
    call.params.args[at] = Expr::Literal(ScalarValue::Utf8(Some(relative)), None);
    Ok(Transformed::yes(Expr::AggregateFunction(call)))
}
