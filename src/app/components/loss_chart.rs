//! The loss curves of a run, drawn with plotters: one panel per part of the loss, each on its own
//! scale (`train::curves` decides which), crisp on high-density screens, and a sentence instead
//! of empty axes before the first step.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::digit_canvas::device_scale;
use crate::model::history::HistoryPoint;
use crate::train::curves::{Curve, Panel, panels};

/// CSS size of the chart: its width, and the height of one panel.
const WIDTH: f64 = 560.0;
const PANEL_HEIGHT: f64 = 190.0;

fn colour(curve: Curve) -> RGBColor {
    match curve {
        Curve::TrainTotal => RGBColor(31, 119, 180),
        Curve::TestTotal => RGBColor(214, 39, 40),
        Curve::Reconstruction => RGBColor(44, 160, 44),
        Curve::Kl => RGBColor(148, 103, 189),
        Curve::Penalty => RGBColor(255, 127, 14),
    }
}

fn curve_name(curve: Curve) -> &'static str {
    match curve {
        Curve::TrainTotal => "training batches",
        Curve::TestTotal => "test digits",
        Curve::Reconstruction => "reconstruction (training)",
        Curve::Kl => "KL (training)",
        Curve::Penalty => "penalty (training)",
    }
}

fn panel_title(panel: Panel) -> &'static str {
    match panel {
        Panel::Total => "loss minimised",
        Panel::Reconstruction => "reconstruction term",
        Panel::Kl => "KL(q(z|x) ‖ N(0, I))",
        Panel::Penalty => "regulariser Ω",
    }
}

/// Draws one panel; `s` scales every size from CSS pixels to canvas pixels.
fn draw_panel(
    area: &DrawingArea<CanvasBackend, plotters::coord::Shift>,
    panel: Panel,
    history: &[HistoryPoint],
    s: f64,
) -> Option<()> {
    let px = |v: f64| (v * s).round() as i32;
    let last_step = history.last().map(|p| p.step).unwrap_or(1).max(1) as f32;
    let (lo, hi) = panel.range(history);
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .caption(panel_title(panel), ("sans-serif", px(14.0)))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(58.0))
        .build_cartesian_2d(0f32..last_step, lo..hi)
        .ok()?;
    chart
        .configure_mesh()
        .x_desc("step")
        .x_labels(6)
        .y_labels(4)
        .light_line_style(RGBColor(236, 238, 243))
        .label_style(("sans-serif", px(13.0)))
        .axis_desc_style(("sans-serif", px(13.0)))
        .draw()
        .ok()?;
    for &curve in panel.curves() {
        let points: Vec<(f32, f32)> = history
            .iter()
            .filter_map(|p| curve.value(p).map(|v| (p.step as f32, v)))
            .filter(|(_, v)| v.is_finite())
            .collect();
        if points.is_empty() {
            continue;
        }
        let c = colour(curve);
        let width = px(2.0) as u32;
        chart
            .draw_series(LineSeries::new(points, c.stroke_width(width)))
            .ok()?
            .label(curve_name(curve))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], c.stroke_width(width))
            });
    }
    if panel == Panel::Total && !history.is_empty() {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(200, 200, 200))
            .label_font(("sans-serif", px(13.0)))
            .draw()
            .ok()?;
    }
    Some(())
}

fn draw(canvas: web_sys::HtmlCanvasElement, history: &[HistoryPoint]) -> Option<()> {
    let s = device_scale();
    let panels = panels(history);
    canvas.set_width((WIDTH * s) as u32);
    canvas.set_height((PANEL_HEIGHT * panels.len() as f64 * s) as u32);
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    for (area, &panel) in root.split_evenly((panels.len(), 1)).iter().zip(&panels) {
        draw_panel(area, panel, history, s)?;
    }
    root.present().ok()
}

/// What the chart shows, in words (its text alternative).
fn describe(history: &[HistoryPoint]) -> String {
    match history.last() {
        None => "Loss chart: empty until training starts.".into(),
        Some(p) => format!(
            "Loss chart: {} steps; the latest training loss is {:.2}{}.",
            p.step,
            p.train_total,
            history
                .iter()
                .rev()
                .find_map(|p| p.test_total)
                .map(|t| format!(", the latest test loss {t:.2}"))
                .unwrap_or_default()
        ),
    }
}

#[component]
pub fn LossChart(#[prop(into)] history: Signal<Vec<HistoryPoint>>) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        if let Some(el) = canvas.get() {
            history.with(|h| draw(el, h));
        }
    });
    let empty = move || history.with(Vec::is_empty);
    view! {
        <figure class="loss-chart-figure">
            <div class="chart-frame">
                <canvas
                    node_ref=canvas
                    class="loss-chart"
                    data-testid="loss-chart"
                    role="img"
                    aria-label=move || history.with(|h| describe(h))
                ></canvas>
                <Show when=empty>
                    <p class="chart-empty" data-testid="loss-chart-empty">
                        "Press Start (or Single step) to train: the losses appear here as it learns."
                    </p>
                </Show>
            </div>
            <figcaption class="caption wide">
                "Losses are per image: the reconstruction term sums over the 784 pixels (binary cross-entropy, in nats; "
                "squared error for the linear AE), so they read in the hundreds. The other views show the mean squared error per pixel."
            </figcaption>
        </figure>
    }
}
