//! `plot_scatter_3d(x, y, z, label, hover, path [, title [, x_title, y_title, z_title]])`: a
//! self-contained interactive HTML page of a 3D scatter plot: drag to rotate, wheel to zoom,
//! hover for a point's text, click a legend entry to hide its points. The data and a small
//! canvas renderer are inline (no CDN, no network), so the page works offline and can be mailed.
//! Written by hand: plotting libraries for the browser are large, and the seed's Plotly page
//! needed the network.

use std::sync::{Arc, LazyLock};

use datafusion::common::Result;
use datafusion::logical_expr::{AggregateUDF, Documentation};
use serde_json::json;

use super::{ordered_labels, write_error, Layout, PlotFunction, Point, Titles, PALETTE};
use crate::doc_sections::PLOTS;
use crate::run_settings::RunSettings;

const LAYOUT: Layout = Layout {
    name: "plot_scatter_3d",
    syntax: "plot_scatter_3d(x, y, z, label, hover, path [, title [, x_title, y_title, z_title]])",
    dims: 3,
    hover: true,
};

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        PLOTS,
        "Aggregate: writes the group's points as a self-contained interactive 3D scatter plot \
         (HTML with the data and renderer inline: no CDN, works offline) at path and returns the \
         path written; relative paths land under fansql.output_dir. Drag to rotate, wheel to \
         zoom, hover a point for its label and hover text, click a legend entry to hide or show \
         its points. Points are coloured by label. Rows with a NULL or non-finite coordinate are \
         left out.",
        LAYOUT.syntax,
    )
    .with_argument("x, y, z", "Coordinates (numbers), e.g. a 3-component umap.")
    .with_argument("label", "What colours the point, e.g. the cluster.")
    .with_argument("hover", "Text shown when the pointer is over the point, e.g. the fan id.")
    .with_argument("path", "The HTML file to write (the same on every row).")
    .with_argument("title", "Title of the page (optional), then optionally the three axis titles.")
    .with_sql_example(
        "```sql\nSELECT plot_scatter_3d(p[1], p[2], p[3], cluster, fan_model_id, 'cluster_3d_method_A.html', 'Method A')\nFROM clustered_method_a;\n```",
    )
    .with_related_udf("plot_scatter")
    .build()
});

/// The `plot_scatter_3d` aggregate function, running with `settings` (output folder, picture size).
pub fn udaf(settings: &RunSettings) -> Arc<AggregateUDF> {
    Arc::new(AggregateUDF::from(PlotFunction::new(LAYOUT, draw, &DOC, settings)))
}

/// Text safe inside HTML.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page for `points`.
pub fn page(points: &[Point], titles: &Titles) -> String {
    let labels = ordered_labels(points);
    let colours: Vec<String> =
        (0..labels.len()).map(|i| PALETTE[i % PALETTE.len()]).map(|(r, g, b)| format!("rgb({r},{g},{b})")).collect();
    let data: Vec<serde_json::Value> = points
        .iter()
        .map(|p| {
            let label = labels.iter().position(|l| l == &p.label).unwrap_or(0);
            json!([p.coordinates[0], p.coordinates[1], p.coordinates[2], label, p.hover])
        })
        .collect();
    let payload = json!({"points": data, "labels": labels, "colours": colours, "axes": titles.axes});
    // `</` would end the script element early; JSON allows `<\/` for it.
    let payload = payload.to_string().replace("</", "<\\/");
    TEMPLATE.replace("__TITLE__", &html_escape(&titles.title)).replace("__DATA__", &payload)
}

fn draw(_layout: &Layout, points: &[Point], path: &str, titles: &Titles, _settings: &RunSettings) -> Result<()> {
    std::fs::write(path, page(points, titles)).map_err(|e| write_error(LAYOUT.name, path, e))
}

const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>__TITLE__</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0; font-family: sans-serif; background: #fff; color: #222; overflow: hidden; }
h1 { font-size: 18px; margin: 10px 14px; }
#plot { position: absolute; top: 40px; left: 0; width: calc(100vw - 220px); height: calc(100vh - 40px); cursor: grab; }
#legend { position: absolute; top: 40px; right: 0; width: 210px; bottom: 0; overflow: auto; font-size: 14px; }
#legend div { cursor: pointer; padding: 3px 6px; user-select: none; }
#legend div.off { opacity: 0.35; }
#legend span { display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-right: 6px; vertical-align: middle; }
#tip { position: absolute; pointer-events: none; background: rgba(255,255,255,0.95); border: 1px solid #999; padding: 4px 6px; font-size: 13px; display: none; max-width: 320px; }
#help { position: absolute; bottom: 6px; left: 14px; font-size: 12px; color: #777; }
</style></head><body>
<h1>__TITLE__</h1><canvas id="plot"></canvas><div id="legend"></div><div id="tip"></div>
<div id="help">drag: rotate · wheel: zoom · hover: details · click legend: hide/show</div>
<script>
const DATA = __DATA__;
const canvas = document.getElementById('plot'), ctx = canvas.getContext('2d');
const tip = document.getElementById('tip'), legend = document.getElementById('legend');
const hidden = new Set();
let yaw = 0.7, pitch = 0.4, zoom = 1.0, drag = null, projected = [];
// Centre and scale the points into [-1, 1]^3.
const lo = [0, 1, 2].map(d => Math.min(...DATA.points.map(p => p[d])));
const hi = [0, 1, 2].map(d => Math.max(...DATA.points.map(p => p[d])));
const scale = Math.max(...[0, 1, 2].map(d => hi[d] - lo[d])) || 1;
const unit = DATA.points.map(p => [0, 1, 2].map(d => 2 * (p[d] - (lo[d] + hi[d]) / 2) / scale));
DATA.labels.forEach((label, i) => {
  const row = document.createElement('div');
  row.innerHTML = '<span style="background:' + DATA.colours[i] + '"></span>';
  row.appendChild(document.createTextNode(label));
  row.onclick = () => { hidden.has(i) ? hidden.delete(i) : hidden.add(i); row.classList.toggle('off'); draw(); };
  legend.appendChild(row);
});
function project(v) {
  const [x, y, z] = v;
  const x1 = x * Math.cos(yaw) - z * Math.sin(yaw), z1 = x * Math.sin(yaw) + z * Math.cos(yaw);
  const y2 = y * Math.cos(pitch) - z1 * Math.sin(pitch), z2 = y * Math.sin(pitch) + z1 * Math.cos(pitch);
  const f = 3.5 / (3.5 + z2), s = Math.min(canvas.width, canvas.height) * 0.38 * zoom;
  return [canvas.width / 2 + x1 * f * s, canvas.height / 2 - y2 * f * s, z2];
}
function draw() {
  canvas.width = canvas.clientWidth; canvas.height = canvas.clientHeight;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#999'; ctx.fillStyle = '#555'; ctx.font = '13px sans-serif';
  [[1, 0, 0], [0, 1, 0], [0, 0, 1]].forEach((axis, d) => {
    const a = project(axis.map(v => -v)), b = project(axis);
    ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
    ctx.fillText(DATA.axes[d], b[0] + 4, b[1] - 4);
  });
  projected = unit.map((v, i) => [...project(v), i]).filter(p => !hidden.has(DATA.points[p[3]][3]));
  projected.sort((a, b) => b[2] - a[2]);
  for (const [x, y, , i] of projected) {
    ctx.fillStyle = DATA.colours[DATA.points[i][3]];
    ctx.globalAlpha = 0.85; ctx.beginPath(); ctx.arc(x, y, 4, 0, 2 * Math.PI); ctx.fill();
  }
  ctx.globalAlpha = 1;
}
canvas.addEventListener('mousedown', e => { drag = [e.clientX, e.clientY]; canvas.style.cursor = 'grabbing'; });
window.addEventListener('mouseup', () => { drag = null; canvas.style.cursor = 'grab'; });
window.addEventListener('mousemove', e => {
  if (drag) {
    yaw += (e.clientX - drag[0]) * 0.01; pitch += (e.clientY - drag[1]) * 0.01;
    drag = [e.clientX, e.clientY]; draw(); return;
  }
  const r = canvas.getBoundingClientRect(), mx = e.clientX - r.left, my = e.clientY - r.top;
  let best = null, bestD = 64;
  for (const p of projected) { const d = (p[0] - mx) ** 2 + (p[1] - my) ** 2; if (d < bestD) { bestD = d; best = p; } }
  if (!best) { tip.style.display = 'none'; return; }
  const point = DATA.points[best[3]];
  tip.textContent = DATA.labels[point[3]] + (point[4] ? ': ' + point[4] : '');
  tip.style.left = (e.clientX + 12) + 'px'; tip.style.top = (e.clientY + 12) + 'px'; tip.style.display = 'block';
});
canvas.addEventListener('wheel', e => { e.preventDefault(); zoom *= Math.exp(-e.deltaY * 0.001); draw(); }, { passive: false });
window.addEventListener('resize', draw);
draw();
</script></body></html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_is_self_contained_and_escapes_text() {
        let points = vec![Point { coordinates: vec![0.0, 1.0, 2.0], label: "1".into(), hover: "</script><b>".into() }];
        let titles = Titles { title: "A & <B>".into(), axes: vec!["x".into(), "y".into(), "z".into()] };
        let html = page(&points, &titles);
        assert!(html.contains("A &amp; &lt;B&gt;"));
        assert!(!html.contains("</script><b>"), "hover text must not end the script");
        assert!(!html.contains("http://") && !html.contains("https://"), "no network");
    }
}
