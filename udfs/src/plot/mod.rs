//! `plot_scatter` (a PNG) and `plot_scatter_3d` (an interactive HTML page): aggregate functions
//! that collect points and write a file when the group is done, returning its path.
//!
//! Both share the point accumulator below. Relative paths land under `fansql.output_dir` (which
//! `fansql run --out DIR` sets), as saved queries' COPY targets do. DataFusion gives aggregate
//! accumulators no session settings, so each function instance carries the ones it needs
//! (`crate::run_settings`).

pub mod output_paths;
pub mod plot_scatter;
pub mod plot_scatter_3d;

use std::path::PathBuf;
use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, ListArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Float64Type};
use datafusion::common::{exec_err, plan_err, DataFusionError, Result, ScalarValue};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{Accumulator, AggregateUDFImpl, Documentation, Signature, Volatility};

use crate::run_settings::RunSettings;

/// Where `path` is written: under `output_dir` (`fansql.output_dir`) when relative; its folder
/// is created.
pub fn resolve_output(function: &str, path: &str, output_dir: &str) -> Result<PathBuf> {
    let given = PathBuf::from(path);
    let resolved =
        if given.is_relative() && !output_dir.is_empty() { PathBuf::from(output_dir).join(given) } else { given };
    if let Some(parent) = resolved.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| DataFusionError::Execution(format!("{function}: cannot create {}: {e}", parent.display())))?;
    }
    Ok(resolved)
}

/// Ten distinct colours (matplotlib's tab10), reused past ten labels.
pub const PALETTE: [(u8, u8, u8); 10] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
];

/// One point: coordinates (2 or 3), its label, and its hover text.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub coordinates: Vec<f64>,
    pub label: String,
    pub hover: String,
}

/// The labels of `points` in a stable order: numerically when all are numbers, else by text.
pub fn ordered_labels(points: &[Point]) -> Vec<String> {
    let mut labels: Vec<String> = points.iter().map(|p| p.label.clone()).collect();
    labels.sort();
    labels.dedup();
    if labels.iter().all(|l| l.parse::<f64>().is_ok()) {
        labels.sort_by(|a, b| a.parse::<f64>().unwrap_or(0.0).total_cmp(&b.parse::<f64>().unwrap_or(0.0)));
    }
    labels
}

/// How the arguments of a plot function are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layout {
    pub name: &'static str,
    pub syntax: &'static str,
    /// 2 or 3 coordinates.
    pub dims: usize,
    /// Whether a hover-text argument follows the label.
    pub hover: bool,
}

impl Layout {
    fn label_at(&self) -> usize {
        self.dims
    }

    fn path_at(&self) -> usize {
        self.dims + 1 + usize::from(self.hover)
    }

    /// Coerces x, y[, z] to DOUBLE and everything else to text, after checking the count: the
    /// path may be followed by a title and then one title per axis.
    pub fn coerce(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let required = self.path_at() + 1;
        let given = arg_types.len();
        crate::args::check_arity(self.name, self.syntax, given, required, required + 1 + self.dims)?;
        if given > required + 1 && given != required + 1 + self.dims {
            return plan_err!("{}: give a title for every axis or for none ({})", self.name, self.syntax);
        }
        arg_types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if i < self.dims {
                    if !t.is_numeric() && t != &DataType::Null {
                        return plan_err!("{}: argument {} must be a number, got {t}", self.name, i + 1);
                    }
                    Ok(DataType::Float64)
                } else {
                    Ok(DataType::Utf8)
                }
            })
            .collect()
    }

    pub fn state_fields(&self) -> Vec<FieldRef> {
        let list = |name: &str, item: DataType| {
            Arc::new(Field::new(name, DataType::List(Arc::new(Field::new_list_field(item, true))), true))
        };
        let mut fields: Vec<FieldRef> =
            ["x", "y", "z"][..self.dims].iter().map(|n| list(n, DataType::Float64)).collect();
        fields.push(list("labels", DataType::Utf8));
        fields.push(list("hovers", DataType::Utf8));
        fields.push(Arc::new(Field::new("path", DataType::Utf8, true)));
        fields.extend(self.title_names().iter().map(|n| Arc::new(Field::new(*n, DataType::Utf8, true))));
        fields
    }

    /// The plot title, then one title per axis.
    fn title_names(&self) -> &'static [&'static str] {
        &["title", "x_title", "y_title", "z_title"][..1 + self.dims]
    }
}

/// Draws `points` to the file at the path, with the plot title and axis titles, in the size the
/// settings give.
pub type Draw = fn(&Layout, &[Point], &str, &Titles, &RunSettings) -> Result<()>;

/// The plot title and one title per axis ("x", "y", "z" when not given).
#[derive(Debug, Clone)]
pub struct Titles {
    pub title: String,
    pub axes: Vec<String>,
}

/// Collects points, the path and the titles; `draw` writes the file.
#[derive(Debug)]
pub struct PointsAccumulator {
    layout: Layout,
    points: Vec<Point>,
    path: Option<String>,
    titles: Vec<Option<String>>,
    draw: Draw,
    settings: RunSettings,
}

impl PointsAccumulator {
    pub fn new(layout: Layout, draw: Draw, settings: RunSettings) -> Self {
        Self { layout, points: Vec::new(), path: None, titles: vec![None; 1 + layout.dims], draw, settings }
    }

    fn take_text(slot: &mut Option<String>, column: &ArrayRef, function: &str, what: &str) -> Result<()> {
        let column = cast(column, &DataType::Utf8)?;
        for value in column.as_string::<i32>().iter().flatten() {
            match slot {
                Some(existing) if existing != value => {
                    return exec_err!(
                        "{function}: {what} must be the same for the whole plot, got '{existing}' and '{value}'"
                    )
                }
                _ => *slot = Some(value.to_string()),
            }
        }
        Ok(())
    }
}

fn text_column(column: &ArrayRef) -> Result<Vec<Option<String>>> {
    let column = cast(column, &DataType::Utf8)?;
    Ok(column.as_string::<i32>().iter().map(|v| v.map(str::to_string)).collect())
}

impl Accumulator for PointsAccumulator {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        let layout = self.layout;
        let coordinates: Vec<ArrayRef> =
            values[..layout.dims].iter().map(|c| Ok(cast(c, &DataType::Float64)?)).collect::<Result<_>>()?;
        let labels = text_column(&values[layout.label_at()])?;
        let hovers = if layout.hover { text_column(&values[layout.label_at() + 1])? } else { vec![None; labels.len()] };
        Self::take_text(&mut self.path, &values[layout.path_at()], layout.name, "the path")?;
        for (slot, column) in self.titles.iter_mut().zip(&values[layout.path_at() + 1..]) {
            Self::take_text(slot, column, layout.name, "a title")?;
        }
        for row in 0..labels.len() {
            let point: Option<Vec<f64>> = coordinates
                .iter()
                .map(|c| {
                    let c = c.as_primitive::<Float64Type>();
                    (c.is_valid(row) && c.value(row).is_finite()).then(|| c.value(row))
                })
                .collect();
            if let Some(point) = point {
                self.points.push(Point {
                    coordinates: point,
                    label: labels[row].clone().unwrap_or_else(|| "NULL".into()),
                    hover: hovers[row].clone().unwrap_or_default(),
                });
            }
        }
        Ok(())
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        let name = self.layout.name;
        let Some(path) = self.path.clone() else { return Ok(ScalarValue::Utf8(None)) };
        if path.trim().is_empty() {
            return exec_err!("{name}: the path is empty");
        }
        let resolved = resolve_output(name, &path, &self.settings.output_dir)?;
        let resolved_text = resolved.to_string_lossy().into_owned();
        let titles = Titles {
            title: self.titles[0].clone().unwrap_or_default(),
            axes: ["x", "y", "z"][..self.layout.dims]
                .iter()
                .zip(&self.titles[1..])
                .map(|(default, given)| given.clone().unwrap_or_else(|| default.to_string()))
                .collect(),
        };
        (self.draw)(&self.layout, &self.points, &resolved_text, &titles, &self.settings)?;
        Ok(ScalarValue::Utf8(Some(resolved_text)))
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self)
            + self.points.iter().map(|p| p.coordinates.len() * 8 + p.label.len() + p.hover.len() + 64).sum::<usize>()
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        let floats = |d: usize| {
            let values: Vec<ScalarValue> =
                self.points.iter().map(|p| ScalarValue::Float64(Some(p.coordinates[d]))).collect();
            ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Float64))
        };
        let texts = |get: &dyn Fn(&Point) -> String| {
            let values: Vec<ScalarValue> = self.points.iter().map(|p| ScalarValue::Utf8(Some(get(p)))).collect();
            ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Utf8))
        };
        let mut state: Vec<ScalarValue> = (0..self.layout.dims).map(floats).collect();
        state.push(texts(&|p| p.label.clone()));
        state.push(texts(&|p| p.hover.clone()));
        state.push(ScalarValue::Utf8(self.path.clone()));
        state.extend(self.titles.iter().map(|t| ScalarValue::Utf8(t.clone())));
        Ok(state)
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let dims = self.layout.dims;
        let lists: Vec<&ListArray> = states[..dims + 2].iter().map(|s| s.as_list::<i32>()).collect();
        for row in 0..states[0].len() {
            if lists[0].is_null(row) {
                continue;
            }
            let coordinates: Vec<ArrayRef> = (0..dims).map(|d| lists[d].value(row)).collect();
            let labels = lists[dims].value(row);
            let hovers = lists[dims + 1].value(row);
            let (labels, hovers) = (labels.as_string::<i32>(), hovers.as_string::<i32>());
            for i in 0..labels.len() {
                self.points.push(Point {
                    coordinates: coordinates.iter().map(|c| c.as_primitive::<Float64Type>().value(i)).collect(),
                    label: labels.value(i).to_string(),
                    hover: hovers.value(i).to_string(),
                });
            }
        }
        Self::take_text(&mut self.path, &states[dims + 2], self.layout.name, "the path")?;
        for (slot, column) in self.titles.iter_mut().zip(&states[dims + 3..]) {
            Self::take_text(slot, column, self.layout.name, "a title")?;
        }
        Ok(())
    }
}

/// A plot aggregate: its argument layout, how it draws, its documentation and the settings it
/// runs with. Volatile: it writes a file, so it must run every time.
#[derive(Debug)]
pub struct PlotFunction {
    layout: Layout,
    draw: Draw,
    doc: &'static std::sync::LazyLock<Documentation>,
    signature: Signature,
    settings: RunSettings,
}

impl PlotFunction {
    pub fn new(
        layout: Layout,
        draw: Draw,
        doc: &'static std::sync::LazyLock<Documentation>,
        settings: &RunSettings,
    ) -> Self {
        Self { layout, draw, doc, signature: Signature::user_defined(Volatility::Volatile), settings: settings.clone() }
    }

    pub fn settings(&self) -> &RunSettings {
        &self.settings
    }
}

// Functions are told apart by name and settings (the draw function and documentation follow
// from the name).
impl PartialEq for PlotFunction {
    fn eq(&self, other: &Self) -> bool {
        self.layout == other.layout && self.settings == other.settings
    }
}

impl Eq for PlotFunction {}

impl std::hash::Hash for PlotFunction {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.layout.hash(state);
        self.settings.hash(state);
    }
}

impl AggregateUDFImpl for PlotFunction {
    fn name(&self) -> &str {
        self.layout.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        self.layout.coerce(arg_types)
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn accumulator(&self, _args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        Ok(Box::new(PointsAccumulator::new(self.layout, self.draw, self.settings.clone())))
    }

    fn state_fields(&self, _args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        Ok(self.layout.state_fields())
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(self.doc)
    }
}

/// The error for a file that cannot be written, naming it.
pub fn write_error(function: &str, path: &str, e: impl std::fmt::Display) -> DataFusionError {
    DataFusionError::Execution(format!("{function}: cannot write {path}: {e}"))
}
