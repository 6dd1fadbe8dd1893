//! Handing in a task: the lab model with its test metrics (recomputed here on the CPU engine,
//! as the teacher will), the measures the view computed, the figures it shows, all logged.

use std::collections::BTreeMap;
use std::sync::Arc;

use burn::prelude::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::engine::resources::Resources;
use crate::app::engine::trained::TrainedSlot;
use crate::app::engine::training::TrainSession;
use crate::app::homework::Homework;
use crate::homework::assignment::HandIn;
use crate::homework::listed;
use crate::homework::log::{NewEntry, kinds};
use crate::homework::metrics::model_metrics;
use crate::homework::replay::{model_file_weights_sha256, weights_sha256};
use crate::homework::report::{Figure, TaskReport};
use crate::i18n::Text;
use crate::model::trained_file;

/// The engine the session trained on, as the log writes it.
fn engine_name(session: TrainSession) -> String {
    session
        .engine
        .get_untracked()
        .map(|b| b.attribute().to_string())
        .unwrap_or_else(|| "cpu".into())
}

/// Writes a finished run of the task under way to the work log.
pub fn log_run(hw: Homework, session: TrainSession, task: usize, slot: &TrainedSlot) {
    let mut metrics = BTreeMap::new();
    metrics.insert("steps".to_string(), session.step.get_untracked() as f64);
    if let Some(loss) = session.last_loss.get_untracked() {
        metrics.insert("train_loss".to_string(), loss as f64);
    }
    hw.log(NewEntry {
        time_ms: js_sys::Date::now(),
        task,
        kind: kinds::RUN.into(),
        config: serde_json::to_value(&slot.config).unwrap_or_default(),
        seed: slot.config.seed,
        engine: engine_name(session),
        metrics,
        weights_sha256: Some(weights_sha256(&slot.net)),
    });
}

/// The elements (by `data-testid`) each figure an assignment may ask for is taken from, in
/// order of preference; any other name is taken as a `data-testid` itself.
const FIGURES: &[(&str, &[&str])] = &[
    ("curves", &["loss-chart"]),
    ("reconstructions", &["recon-grid", "batch-mosaic"]),
    (
        "latent-map",
        &["latent-map-train", "latent-map-vae", "latent-map-ae"],
    ),
    ("samples", &["sample-grid-vae", "sample-grid-ae"]),
    ("interpolation", &["interp-strip-vae", "interp-strip-ae"]),
    ("roc", &["anomaly-roc"]),
    ("histogram", &["anomaly-histogram"]),
    ("clusters", &["kmeans-centres-ae"]),
    ("neighbours", &["retrieval-results-ae"]),
];

/// The PNG (base64) of the figure `name` as the page shows it: its canvas, or the canvases
/// inside its element drawn where they stand.
fn figure_png(name: &str) -> Option<String> {
    let ids: Vec<&str> = FIGURES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, ids)| ids.to_vec())
        .unwrap_or_else(|| vec![name]);
    let element = ids.iter().find_map(|id| {
        document()
            .query_selector(&format!("[data-testid=\"{id}\"]"))
            .ok()
            .flatten()
    })?;
    let canvas = match element.clone().dyn_into::<web_sys::HtmlCanvasElement>() {
        Ok(canvas) => canvas,
        Err(_) => compose(&element)?,
    };
    let url = canvas.to_data_url().ok()?;
    url.split_once(',').map(|(_, b64)| b64.to_string())
}

/// One canvas with every canvas inside `element`, at their places on the page.
fn compose(element: &web_sys::Element) -> Option<web_sys::HtmlCanvasElement> {
    let mut canvases = Vec::new();
    collect_canvases(element, &mut canvases);
    let frame = element.get_bounding_client_rect();
    let out: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width(frame.width().ceil().max(1.0) as u32);
    out.set_height(frame.height().ceil().max(1.0) as u32);
    let context: web_sys::CanvasRenderingContext2d =
        out.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str("white");
    context.fill_rect(0.0, 0.0, frame.width(), frame.height());
    let mut drawn = 0;
    for canvas in canvases {
        let r = canvas.get_bounding_client_rect();
        if context
            .draw_image_with_html_canvas_element_and_dw_and_dh(
                &canvas,
                r.left() - frame.left(),
                r.top() - frame.top(),
                r.width(),
                r.height(),
            )
            .is_ok()
        {
            drawn += 1;
        }
    }
    (drawn > 0).then_some(out)
}

/// Every canvas in `element`'s subtree, in document order.
fn collect_canvases(element: &web_sys::Element, out: &mut Vec<web_sys::HtmlCanvasElement>) {
    let mut child = element.first_element_child();
    while let Some(c) = child {
        match c.clone().dyn_into::<web_sys::HtmlCanvasElement>() {
            Ok(canvas) => out.push(canvas),
            Err(c) => collect_canvases(&c, out),
        }
        child = c.next_element_sibling();
    }
}

/// Hands in what task `task` asks for; says what was handed in, or what is missing.
pub async fn hand_in(
    hw: Homework,
    resources: Arc<Resources>,
    session: TrainSession,
    task: usize,
) -> Result<Text, Text> {
    let Some(t) = hw
        .assignment
        .with_untracked(|a| a.as_ref().and_then(|a| a.task(task).cloned()))
    else {
        return Err(Text::new("hw-no-such-task"));
    };
    if session.state.get_untracked().is_active() {
        return Err(Text::new("hw-busy-training"));
    }
    let mut report = TaskReport {
        task,
        ..TaskReport::default()
    };
    for item in &t.hand_in {
        match item {
            HandIn::Model { constraints } => {
                let bytes = session
                    .export()
                    .await
                    .map_err(|why| Text::new("hw-no-model").with("why", why))?;
                let (_, meta) = trained_file::decode(&bytes, &Device::flex())
                    .map_err(|e| Text::new("hw-no-model").with("why", e.to_string()))?;
                let steps = meta.history.last().map_or(0, |p| p.step) as u64;
                // The teacher's check, said now: a model trained with another seed gets no points.
                if let Some(want) = hw.seed(task)
                    && meta.config.seed != want
                {
                    return Err(Text::new("hw-wrong-seed")
                        .with("got", meta.config.seed.to_string())
                        .with("want", want.to_string()));
                }
                if let Some(why) = listed(constraints.violations(&meta.config, steps)) {
                    return Err(Text::new("hw-model-constraints").with("why", why));
                }
                let metrics = model_metrics(&bytes, resources.test_digits(), &Device::flex())
                    .map_err(|e| Text::new("hw-no-model").with("why", e.to_string()))?;
                report.metrics.extend(metrics);
                let weights = model_file_weights_sha256(&bytes)
                    .map_err(|e| Text::new("hw-no-model").with("why", e.to_string()))?;
                // The engine that trained these weights (the log knows, even after a reload moved
                // the lab to the CPU), else the one in use.
                let trained_on = hw
                    .work
                    .with_untracked(|w| w.log.engine_of(&weights).map(str::to_string));
                report.engine = Some(trained_on.unwrap_or_else(|| engine_name(session)));
                report.weights_sha256 = Some(weights);
                report.config = serde_json::to_value(&meta.config).ok();
                report.seed = Some(meta.config.seed);
                report.steps = Some(steps);
                report.set_model(&bytes);
            }
            HandIn::Metrics { names } => {
                let published = hw.app_metrics.get_untracked();
                for name in names {
                    let value = report
                        .metrics
                        .get(name)
                        .or_else(|| published.get(name))
                        .copied()
                        .ok_or_else(|| Text::new("hw-missing-metric").with("name", name.clone()))?;
                    report.metrics.insert(name.clone(), value);
                }
            }
            HandIn::Figure { name } => {
                let png = figure_png(name)
                    .ok_or_else(|| Text::new("hw-missing-figure").with("name", name.clone()))?;
                report.figures.push(Figure {
                    name: name.clone(),
                    png_base64: png,
                });
            }
            // Written on the assignment's page.
            HandIn::Answer { .. } => {}
        }
    }
    // JSON has no NaN: a diverged model's or a degenerate measure's value is left out.
    report.metrics.retain(|_, v| v.is_finite());
    hw.log(NewEntry {
        time_ms: js_sys::Date::now(),
        task,
        kind: kinds::HAND_IN.into(),
        config: report.config.clone().unwrap_or_default(),
        seed: report.seed.unwrap_or_default(),
        engine: report.engine.clone().unwrap_or_default(),
        metrics: report.metrics.clone(),
        weights_sha256: report.weights_sha256.clone(),
    });
    hw.hand_in(report);
    Ok(Text::new("hw-handed-in-notice").with("n", task))
}
