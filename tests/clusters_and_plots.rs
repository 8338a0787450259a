//! The clustering stage and reports on the bundled sample through the real binary: plots that
//! decode and show points (the 3D page in headless Chromium, with no network), and behaviour
//! clusters that recover the generator's personas.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;

use common::*;
use datafusion::arrow::array::AsArray;
use datafusion::prelude::SessionContext;

fn run_pipeline_and_reports(out: &Path) {
    let output = Command::new(binary())
        .args(["run", "queries/pipeline", "queries/reports", "--out", out.to_str().unwrap(), "--quiet"])
        .current_dir(project_root())
        .env_remove("FANSQL_DATA")
        .env_remove("OPENAI_API_KEY")
        .env_remove("VOYAGE_API_KEY")
        .env("FANSQL_CACHE_DIR", out.join("cache"))
        .output()
        .expect("run fansql");
    assert!(output.status.success(), "pipeline failed: {}", stderr(&output));
}

/// Width, height and RGB pixels of a PNG.
fn decode_png(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).expect("png exists")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = buffer[..info.buffer_size()].chunks(channels).map(|p| [p[0], p[1], p[2]]).collect();
    (info.width, info.height, pixels)
}

/// Distinct strongly coloured pixels (not white, grey or black): the points.
fn point_colours(pixels: &[[u8; 3]]) -> BTreeMap<[u8; 3], usize> {
    let mut colours = BTreeMap::new();
    for p in pixels {
        let (max, min) = (*p.iter().max().unwrap_or(&0), *p.iter().min().unwrap_or(&0));
        if max - min > 60 {
            *colours.entry(*p).or_insert(0) += 1;
        }
    }
    colours.retain(|_, n| *n > 30);
    colours
}

/// Adjusted Rand index of two labelings.
fn adjusted_rand_index(a: &[String], b: &[String]) -> f64 {
    let choose2 = |n: f64| n * (n - 1.0) / 2.0;
    let mut table: HashMap<(&str, &str), f64> = HashMap::new();
    let (mut rows, mut cols): (HashMap<&str, f64>, HashMap<&str, f64>) = Default::default();
    for (x, y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1.0;
        *rows.entry(x).or_default() += 1.0;
        *cols.entry(y).or_default() += 1.0;
    }
    let index: f64 = table.values().map(|&n| choose2(n)).sum();
    let (sum_rows, sum_cols): (f64, f64) =
        (rows.values().map(|&n| choose2(n)).sum(), cols.values().map(|&n| choose2(n)).sum());
    let expected = sum_rows * sum_cols / choose2(a.len() as f64);
    let maximum = (sum_rows + sum_cols) / 2.0;
    (index - expected) / (maximum - expected)
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| Command::new(name).arg("--version").output().map(|o| o.status.success()).unwrap_or(false))
}

#[tokio::test]
async fn clusters_plots_and_personas_on_the_sample() {
    let out = temp_dir();
    run_pipeline_and_reports(out.path());

    // The PNGs decode at the default size and show the five clusters' colours.
    for method in ["A", "B"] {
        let (width, height, pixels) = decode_png(&out.path().join(format!("cluster_umap_method_{method}.png")));
        assert_eq!((width, height), (1200, 900));
        let colours = point_colours(&pixels);
        assert!(colours.len() >= 5, "method {method}: {} point colours", colours.len());
    }
    // The requested size is honoured.
    let small = out.path().join("small.png");
    let sized = run(&[
        "-c",
        "SET fansql.plot.width = 640",
        "-c",
        "SET fansql.plot.height = 480",
        "-c",
        &format!(
            "SELECT plot_scatter(x, x * x, x % 3, '{}') FROM (VALUES (1), (2), (3), (4)) AS t(x)",
            small.display()
        ),
    ]);
    assert!(sized.status.success(), "{}", stderr(&sized));
    assert_eq!(decode_png(&small).0, 640);
    assert_eq!(decode_png(&small).1, 480);

    // The 3D pages are self-contained and draw points in a real browser with no network.
    for method in ["A", "B"] {
        let page = out.path().join(format!("cluster_3d_method_{method}.html"));
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(!html.contains("<script src") && !html.contains("https://"), "the page must not load anything");
        let Some(browser) = chromium() else {
            println!("skipping the browser check: no chromium here (.ci/run installs Debian's chromium)");
            continue;
        };
        let shot = out.path().join(format!("shot_{method}.png"));
        let result = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--proxy-server=127.0.0.1:9",
                &format!("--user-data-dir={}", out.path().join(format!("profile_{method}")).display()),
                "--window-size=1000,800",
                &format!("--screenshot={}", shot.display()),
                &format!("file://{}", page.display()),
            ])
            .output()
            .expect("run chromium");
        assert!(shot.exists(), "no screenshot: {}", String::from_utf8_lossy(&result.stderr));
        let (_, _, pixels) = decode_png(&shot);
        let colours = point_colours(&pixels);
        assert!(colours.len() >= 5, "method {method}: the page drew {} point colours", colours.len());
    }

    // Behaviour clusters recover the generator's personas, and the naming rule names them alike.
    let ctx = SessionContext::new();
    ctx.register_csv("clusters", out.path().join("behaviour_clusters.csv").to_str().unwrap(), Default::default())
        .await
        .unwrap();
    ctx.register_parquet(
        "labels",
        project_root().join("data/sample_labels.parquet").to_str().unwrap(),
        Default::default(),
    )
    .await
    .unwrap();
    let batches = ctx
        .sql(
            "SELECT CAST(c.\"cluster\" AS VARCHAR) AS cluster, c.persona AS named, l.persona AS truth \
             FROM clusters c JOIN labels l ON l.fan_model_id = c.fan_model_id",
        )
        .await
        .unwrap()
        .collect()
        .await
        .unwrap();
    let column = |name: &str| -> Vec<String> {
        batches
            .iter()
            .flat_map(|b| {
                let c = datafusion::arrow::compute::cast(
                    b.column_by_name(name).unwrap(),
                    &datafusion::arrow::datatypes::DataType::Utf8,
                )
                .unwrap();
                c.as_string::<i32>().iter().map(|v| v.unwrap_or_default().to_string()).collect::<Vec<_>>()
            })
            .collect()
    };
    let (clusters, named, truth) = (column("cluster"), column("named"), column("truth"));
    assert_eq!(clusters.len(), 467);
    let ari = adjusted_rand_index(&clusters, &truth);
    println!("behaviour clusters vs generator personas: adjusted Rand index {ari:.4}");
    assert!(ari >= 0.8, "adjusted Rand index {ari}");
    let same_name =
        named.iter().zip(&truth).filter(|(n, t)| n.to_lowercase().trim_end_matches('s') == t.as_str()).count();
    assert!(same_name as f64 >= 0.85 * truth.len() as f64, "{same_name} of {} named as their persona", truth.len());
}
