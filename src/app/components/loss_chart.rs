//! The loss curves of a run, drawn with plotters: one panel per part of the loss, each on its own
//! scale (`train::curves` decides which), crisp on high-density screens, and a sentence instead
//! of empty axes before the first step.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::digit_canvas::device_scale;
use crate::app::i18n::use_i18n;
use crate::i18n::number::format_number;
use crate::i18n::{Decimals, Lang, Text, num, tk, translate};
use crate::model::history::HistoryPoint;
use crate::train::curves::{Curve, Panel, panels, thin};

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
        Curve::TrainTotal => tk("train-chart-curve-train"),
        Curve::TestTotal => tk("train-chart-curve-test"),
        Curve::Reconstruction => tk("train-chart-curve-reconstruction"),
        Curve::Kl => tk("train-chart-curve-kl"),
        Curve::Penalty => tk("train-chart-curve-penalty"),
    }
}

fn panel_title(panel: Panel) -> &'static str {
    match panel {
        Panel::Total => tk("train-chart-panel-total"),
        Panel::Reconstruction => tk("train-chart-panel-reconstruction"),
        Panel::Kl => tk("train-chart-panel-kl"),
        Panel::Penalty => tk("train-chart-panel-penalty"),
    }
}

/// An axis label: up to `decimals` decimals, the language's marks.
fn tick(value: f64, decimals: usize, lang: Lang) -> String {
    format_number(value, Decimals::UpTo(decimals), true, lang)
}

/// Draws one panel; `s` scales every size from CSS pixels to canvas pixels.
fn draw_panel(
    area: &DrawingArea<CanvasBackend, plotters::coord::Shift>,
    panel: Panel,
    history: &[HistoryPoint],
    s: f64,
    lang: Lang,
) -> Option<()> {
    let px = |v: f64| (v * s).round() as i32;
    let last_step = history.last().map(|p| p.step).unwrap_or(1).max(1) as f32;
    let (lo, hi) = panel.range(history);
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .caption(
            translate(lang, panel_title(panel), &[]),
            ("sans-serif", px(14.0)),
        )
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(58.0))
        .build_cartesian_2d(0f32..last_step, lo..hi)
        .ok()?;
    chart
        .configure_mesh()
        .x_desc(translate(lang, tk("train-chart-axis-step"), &[]))
        .x_labels(6)
        .y_labels(4)
        .x_label_formatter(&|v| tick(f64::from(*v), 0, lang))
        .y_label_formatter(&|v| tick(f64::from(*v), 3, lang))
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
        // No more points than the canvas has pixels across: a long run draws as fast as a short one.
        let points = thin(&points, (WIDTH * s) as usize);
        if points.is_empty() {
            continue;
        }
        let c = colour(curve);
        let width = px(2.0) as u32;
        chart
            .draw_series(LineSeries::new(points, c.stroke_width(width)))
            .ok()?
            .label(translate(lang, curve_name(curve), &[]))
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

fn draw(canvas: web_sys::HtmlCanvasElement, history: &[HistoryPoint], lang: Lang) -> Option<()> {
    let s = device_scale();
    let panels = panels(history);
    canvas.set_width((WIDTH * s) as u32);
    canvas.set_height((PANEL_HEIGHT * panels.len() as f64 * s) as u32);
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    for (area, &panel) in root.split_evenly((panels.len(), 1)).iter().zip(&panels) {
        draw_panel(area, panel, history, s, lang)?;
    }
    root.present().ok()
}

/// What the chart shows, in words (its text alternative).
fn describe(history: &[HistoryPoint]) -> Text {
    let Some(last) = history.last() else {
        return Text::new("train-chart-description-empty");
    };
    let text = Text::new("train-chart-description")
        .with("steps", last.step)
        .with("train", num(last.train_total, 2));
    match history.iter().rev().find_map(|p| p.test_total) {
        Some(test) => Text::new("train-chart-description-with-test")
            .with("chart", text)
            .with("test", num(test, 2)),
        None => text,
    }
}

#[component]
pub fn LossChart(#[prop(into)] history: Signal<Vec<HistoryPoint>>) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(el) = canvas.get() {
            history.with(|h| draw(el, h, lang));
        }
    });
    let empty = move || history.with(Vec::is_empty);
    view! {
        <figure class="loss-chart-figure">
            <div class="train-chart-frame">
                <canvas
                    node_ref=canvas
                    class="loss-chart"
                    data-testid="loss-chart"
                    role="img"
                    aria-label=move || i18n.text(&history.with(|h| describe(h)))
                ></canvas>
                <Show when=empty>
                    <p class="train-chart-empty" data-testid="loss-chart-empty">
                        {move || i18n.t("train-chart-empty")}
                    </p>
                </Show>
            </div>
            <figcaption class="caption wide">{move || i18n.t("train-chart-caption")}</figcaption>
        </figure>
    }
}
