//! `plot_scatter(x, y, label, path [, title])`: a scatter plot PNG drawn with plotters, points
//! coloured by label with a legend. Text is drawn with the DejaVu Sans font built into the
//! binary (assets/, Bitstream Vera licence), so plots read the same on machines without fonts.

use std::sync::{Arc, LazyLock, Once};

use datafusion::common::Result;
use datafusion::logical_expr::{AggregateUDF, Documentation};
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use super::{ordered_labels, write_error, Layout, PlotFunction, Point, Titles, PALETTE};
use crate::doc_sections::PLOTS;
use crate::run_settings::RunSettings;

const LAYOUT: Layout = Layout {
    name: "plot_scatter",
    syntax: "plot_scatter(x, y, label, path [, title [, x_title, y_title]])",
    dims: 2,
    hover: false,
};

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        PLOTS,
        "Aggregate: draws the group's points as a scatter plot PNG at path (relative paths land \
         under fansql.output_dir, which `fansql run --out DIR` sets) and returns the path \
         written. Points are coloured by label (numeric labels in numeric order), with a legend, \
         axis titles and the title; fansql.plot.width and .height set the size (1200 x 900). \
         Rows with a NULL or non-finite coordinate are left out. The font is built in.",
        LAYOUT.syntax,
    )
    .with_argument("x", "Horizontal coordinate (a number).")
    .with_argument("y", "Vertical coordinate (a number).")
    .with_argument("label", "What colours the point, e.g. the cluster.")
    .with_argument("path", "The PNG to write (the same on every row).")
    .with_argument("title", "Title above the plot (optional).")
    .with_argument("x_title, y_title", "Axis titles (optional, both or neither; default x and y).")
    .with_sql_example(
        "```sql\nSELECT plot_scatter(xy[1], xy[2], cluster, 'cluster_umap_method_A.png', 'Method A: clusters on UMAP')\nFROM clustered_method_a;\n```",
    )
    .with_related_udf("plot_scatter_3d")
    .with_related_udf("umap")
    .build()
});

/// The `plot_scatter` aggregate function, running with `settings` (output folder, picture size).
pub fn udaf(settings: &RunSettings) -> Arc<AggregateUDF> {
    Arc::new(AggregateUDF::from(PlotFunction::new(LAYOUT, draw, &DOC, settings)))
}

static FONT: Once = Once::new();

fn register_built_in_font() {
    FONT.call_once(|| {
        // The bytes are a valid TrueType font shipped with the crate; a failure would only
        // leave text undrawn, never break the plot.
        let _ = register_font("sans-serif", FontStyle::Normal, include_bytes!("../../assets/DejaVuSans.ttf"));
    });
}

/// Range of one coordinate with 5 % margins (a flat range gets ±1).
fn padded_range(values: impl Iterator<Item = f64>) -> std::ops::Range<f64> {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        return 0.0..1.0;
    }
    let pad = if hi > lo { (hi - lo) * 0.05 } else { 1.0 };
    lo - pad..hi + pad
}

fn draw(_layout: &Layout, points: &[Point], path: &str, titles: &Titles, settings: &RunSettings) -> Result<()> {
    register_built_in_font();
    let (width, height) = (settings.plot_width, settings.plot_height);
    let mut pixels = vec![255u8; width as usize * height as usize * 3];
    let fail = |e: &dyn std::fmt::Display| write_error(LAYOUT.name, path, e);
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| fail(&e))?;
        let x_range = padded_range(points.iter().map(|p| p.coordinates[0]));
        let y_range = padded_range(points.iter().map(|p| p.coordinates[1]));
        let mut chart = ChartBuilder::on(&root)
            .caption(&titles.title, ("sans-serif", 28))
            .margin(20)
            .x_label_area_size(55)
            .y_label_area_size(70)
            .build_cartesian_2d(x_range, y_range)
            .map_err(|e| fail(&e))?;
        chart
            .configure_mesh()
            .x_desc(&titles.axes[0])
            .y_desc(&titles.axes[1])
            .axis_desc_style(("sans-serif", 18))
            .label_style(("sans-serif", 14))
            .light_line_style(RGBColor(235, 235, 235))
            .draw()
            .map_err(|e| fail(&e))?;
        for (i, label) in ordered_labels(points).iter().enumerate() {
            let (r, g, b) = PALETTE[i % PALETTE.len()];
            let colour = RGBColor(r, g, b);
            chart
                .draw_series(
                    points
                        .iter()
                        .filter(|p| &p.label == label)
                        .map(|p| Circle::new((p.coordinates[0], p.coordinates[1]), 4, colour.mix(0.8).filled())),
                )
                .map_err(|e| fail(&e))?
                .label(label.as_str())
                .legend(move |(x, y)| Circle::new((x, y), 6, colour.filled()));
        }
        if !points.is_empty() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperRight)
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK)
                .label_font(("sans-serif", 16))
                .draw()
                .map_err(|e| fail(&e))?;
        }
        root.present().map_err(|e| fail(&e))?;
    }
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| fail(&e))?;
    writer.write_image_data(&pixels).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))?;
    Ok(())
}
