//! Ships the settings fansql's window and aggregate functions carry (thread cap, plot folder and
//! size; `fansql_udfs::run_settings`) from the scheduler to the executors inside each task's
//! plan.
//!
//! The scheduler plans a query with function instances made from the client's settings (its
//! session builder registers them from the query's config), but Ballista's codec sends a
//! function by name only, and an executor would take the instance of that name from its own
//! registry, made at start with default settings. This codec writes the settings next to the
//! name and makes the executor's instance from them; everything else is Ballista's codec.

use std::sync::Arc;

use ballista_core::serde::BallistaPhysicalExtensionCodec;
use datafusion::common::Result;
use datafusion::execution::TaskContext;
use datafusion::logical_expr::{AggregateUDF, HigherOrderUDF, ScalarUDF, WindowUDF};
use datafusion::physical_expr_common::physical_expr::proto_decode::PhysicalExprDecodeCtx;
use datafusion::physical_expr_common::physical_expr::proto_encode::PhysicalExprEncodeCtx;
use datafusion::physical_plan::{ExecutionPlan, PhysicalExpr};
use datafusion_proto::physical_plan::{PhysicalExtensionCodec, PhysicalProtoConverterExtension};
use fansql_udfs::run_settings::{self, RunSettings};

#[derive(Debug, Default)]
pub struct SettingsCodec {
    ballista: BallistaPhysicalExtensionCodec,
}

impl PhysicalExtensionCodec for SettingsCodec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn ExecutionPlan>],
        ctx: &TaskContext,
        proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        self.ballista.try_decode(buf, inputs, ctx, proto_converter)
    }

    fn try_encode(
        &self,
        node: Arc<dyn ExecutionPlan>,
        buf: &mut Vec<u8>,
        proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<()> {
        self.ballista.try_encode(node, buf, proto_converter)
    }

    fn try_decode_udf(&self, name: &str, buf: &[u8]) -> Result<Arc<ScalarUDF>> {
        self.ballista.try_decode_udf(name, buf)
    }

    fn try_encode_udf(&self, node: &ScalarUDF, buf: &mut Vec<u8>) -> Result<()> {
        self.ballista.try_encode_udf(node, buf)
    }

    fn try_decode_higher_order_function(&self, name: &str, buf: &[u8]) -> Result<Arc<HigherOrderUDF>> {
        self.ballista.try_decode_higher_order_function(name, buf)
    }

    fn try_encode_higher_order_function(&self, node: &HigherOrderUDF, buf: &mut Vec<u8>) -> Result<()> {
        self.ballista.try_encode_higher_order_function(node, buf)
    }

    fn try_decode_expr(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn PhysicalExpr>],
        ctx: &PhysicalExprDecodeCtx<'_>,
    ) -> Result<Arc<dyn PhysicalExpr>> {
        self.ballista.try_decode_expr(buf, inputs, ctx)
    }

    fn try_encode_expr(
        &self,
        node: &Arc<dyn PhysicalExpr>,
        buf: &mut Vec<u8>,
        ctx: &PhysicalExprEncodeCtx<'_>,
    ) -> Result<()> {
        self.ballista.try_encode_expr(node, buf, ctx)
    }

    fn try_decode_udaf(&self, name: &str, buf: &[u8]) -> Result<Arc<AggregateUDF>> {
        decode(name, buf, fansql_udfs::aggregate_function, || self.ballista.try_decode_udaf(name, buf))
    }

    fn try_encode_udaf(&self, node: &AggregateUDF, buf: &mut Vec<u8>) -> Result<()> {
        match run_settings::of_aggregate_function(node) {
            Some(settings) => encode(settings, buf),
            None => self.ballista.try_encode_udaf(node, buf),
        }
    }

    fn try_decode_udwf(&self, name: &str, buf: &[u8]) -> Result<Arc<WindowUDF>> {
        decode(name, buf, fansql_udfs::window_function, || self.ballista.try_decode_udwf(name, buf))
    }

    fn try_encode_udwf(&self, node: &WindowUDF, buf: &mut Vec<u8>) -> Result<()> {
        match run_settings::of_window_function(node) {
            Some(settings) => encode(settings, buf),
            None => self.ballista.try_encode_udwf(node, buf),
        }
    }
}

fn encode(settings: &RunSettings, buf: &mut Vec<u8>) -> Result<()> {
    buf.extend(settings.to_bytes());
    Ok(())
}

/// The fansql function `name` made with the settings in `buf`, when `buf` carries settings and
/// `make` knows the name; otherwise what Ballista's codec decodes.
fn decode<F>(
    name: &str,
    buf: &[u8],
    make: impl Fn(&str, &RunSettings) -> Option<Arc<F>>,
    ballista: impl FnOnce() -> Result<Arc<F>>,
) -> Result<Arc<F>> {
    if buf.is_empty() {
        return ballista();
    }
    match make(name, &RunSettings::from_bytes(buf)?) {
        Some(function) => Ok(function),
        None => ballista(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> RunSettings {
        RunSettings { threads: 3, output_dir: "/plots".into(), plot_width: 320, plot_height: 240 }
    }

    #[test]
    fn window_and_aggregate_functions_arrive_with_their_settings() {
        let codec = SettingsCodec::default();
        let kmeans = fansql_udfs::window_function("kmeans", &settings()).expect("kmeans");
        let mut buf = Vec::new();
        codec.try_encode_udwf(&kmeans, &mut buf).unwrap();
        let decoded = codec.try_decode_udwf("kmeans", &buf).unwrap();
        assert_eq!(run_settings::of_window_function(&decoded), Some(&settings()));

        let plot = fansql_udfs::aggregate_function("plot_scatter", &settings()).expect("plot_scatter");
        let mut buf = Vec::new();
        codec.try_encode_udaf(&plot, &mut buf).unwrap();
        let decoded = codec.try_decode_udaf("plot_scatter", &buf).unwrap();
        assert_eq!(run_settings::of_aggregate_function(&decoded), Some(&settings()));
    }

    #[test]
    fn other_functions_go_by_name_as_before() {
        let codec = SettingsCodec::default();
        let stage = fansql_udfs::window_function("stage", &settings()).expect("stage");
        let mut buf = Vec::new();
        codec.try_encode_udwf(&stage, &mut buf).unwrap();
        assert!(buf.is_empty(), "nothing but the name is sent for a function without settings");
    }
}
