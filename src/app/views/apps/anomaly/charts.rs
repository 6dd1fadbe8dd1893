//! The anomaly tab's two charts (plotters): the histogram of the scores of the digits and of
//! each outlier set, on a logarithmic score axis, with the threshold and the current digit; and
//! the ROC curve of each outlier set.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::{ModelScores, Outliers};
use crate::analysis::roc::roc_curve;
use crate::analysis::scores::{log_histogram, log_score};
use crate::app::components::digit_canvas::device_scale;
use crate::app::i18n::use_i18n;
use crate::i18n::number::format_number;
use crate::i18n::{Decimals, Lang, tk, translate};
use crate::slug::Titled;

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 260.0;
const BINS: usize = 40;

const DIGITS: RGBColor = RGBColor(31, 119, 180);

fn set_colour(set: Outliers) -> RGBColor {
    match set {
        Outliers::Fashion => RGBColor(214, 39, 40),
        Outliers::Noise => RGBColor(148, 103, 189),
        Outliers::Rotated => RGBColor(255, 127, 14),
    }
}

fn tick(value: f64, lang: Lang) -> String {
    format_number(value, Decimals::UpTo(3), true, lang)
}

/// The chart's canvas at this screen's density, cleared; and the density (canvas pixels per CSS
/// pixel), which scales every size.
fn frame(
    canvas: web_sys::HtmlCanvasElement,
) -> Option<(DrawingArea<CanvasBackend, plotters::coord::Shift>, f64)> {
    let s = device_scale();
    canvas.set_width((WIDTH * s) as u32);
    canvas.set_height((HEIGHT * s) as u32);
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    Some((root, s))
}

fn draw_histogram(
    canvas: web_sys::HtmlCanvasElement,
    scores: &ModelScores,
    threshold: Option<f32>,
    current: Option<f32>,
    lang: Lang,
) -> Option<()> {
    let (root, s) = frame(canvas)?;
    let px = |v: f64| (v * s).round() as i32;
    let all = scores.digits.iter().chain(scores.outliers.iter().flatten());
    let logs: Vec<f64> = all.map(|&v| log_score(v)).collect();
    let lo = logs.iter().copied().fold(f64::INFINITY, f64::min) - 0.05;
    let hi = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max) + 0.05;
    let series: Vec<(String, RGBColor, Vec<f64>)> = std::iter::once((
        translate(lang, tk("apps-anomaly-set-digits"), &[]),
        DIGITS,
        log_histogram(&scores.digits, lo, hi, BINS),
    ))
    .chain(Outliers::ALL.into_iter().map(|set| {
        (
            translate(lang, set.title_key(), &[]),
            set_colour(set),
            log_histogram(&scores.outliers[set as usize], lo, hi, BINS),
        )
    }))
    .collect();
    let top = series
        .iter()
        .flat_map(|(_, _, v)| v.iter().copied())
        .fold(0.0, f64::max)
        * 1.1;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(lo..hi, 0.0..top.max(0.01))
        .ok()?;
    chart
        .configure_mesh()
        .x_desc(translate(lang, tk("apps-anomaly-axis-score"), &[]))
        .y_desc(translate(lang, tk("apps-anomaly-axis-share"), &[]))
        .x_labels(6)
        .y_labels(4)
        .x_label_formatter(&|v| tick(10f64.powf(*v), lang))
        .y_label_formatter(&|v| tick(*v, lang))
        .light_line_style(RGBColor(236, 238, 243))
        .label_style(("sans-serif", px(12.0)))
        .axis_desc_style(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    let width = (hi - lo) / BINS as f64;
    for (name, colour, values) in series {
        let steps: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .flat_map(|(b, &v)| [(lo + b as f64 * width, v), (lo + (b + 1) as f64 * width, v)])
            .collect();
        let stroke = colour.stroke_width(px(2.0) as u32);
        chart
            .draw_series(LineSeries::new(steps, stroke))
            .ok()?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], stroke));
    }
    let vertical = |at: f32, colour: RGBColor| {
        let x = log_score(at);
        PathElement::new(
            vec![(x, 0.0), (x, top)],
            colour.stroke_width(px(2.0) as u32),
        )
    };
    if let Some(t) = threshold {
        chart
            .draw_series(std::iter::once(vertical(t, BLACK)))
            .ok()?;
    }
    if let Some(c) = current {
        chart
            .draw_series(std::iter::once(vertical(c, RGBColor(44, 160, 44))))
            .ok()?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    root.present().ok()
}

fn draw_roc(canvas: web_sys::HtmlCanvasElement, scores: &ModelScores, lang: Lang) -> Option<()> {
    let (root, s) = frame(canvas)?;
    let px = |v: f64| (v * s).round() as i32;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(0.0..1.0, 0.0..1.0)
        .ok()?;
    chart
        .configure_mesh()
        .x_desc(translate(lang, tk("apps-anomaly-axis-fpr"), &[]))
        .y_desc(translate(lang, tk("apps-anomaly-axis-tpr"), &[]))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| tick(*v, lang))
        .y_label_formatter(&|v| tick(*v, lang))
        .light_line_style(RGBColor(236, 238, 243))
        .label_style(("sans-serif", px(12.0)))
        .axis_desc_style(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    chart
        .draw_series(LineSeries::new(
            vec![(0.0, 0.0), (1.0, 1.0)],
            RGBColor(180, 180, 180).stroke_width(1),
        ))
        .ok()?;
    for set in Outliers::ALL {
        let points: Vec<(f64, f64)> = roc_curve(&scores.digits, &scores.outliers[set as usize])
            .iter()
            .map(|p| (p.fpr, p.tpr))
            .collect();
        let stroke = set_colour(set).stroke_width(px(2.0) as u32);
        chart
            .draw_series(LineSeries::new(points, stroke))
            .ok()?
            .label(translate(lang, set.title_key(), &[]))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], stroke));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    root.present().ok()
}

#[component]
pub fn Histogram(
    #[prop(into)] scores: Signal<Option<ModelScores>>,
    #[prop(into)] threshold: Signal<Option<f32>>,
    #[prop(into)] current: Signal<Option<f32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let lang = i18n.lang();
        let (t, c) = (threshold.get(), current.get());
        if let Some(el) = canvas.get() {
            scores.with(|s| s.as_ref().map(|s| draw_histogram(el, s, t, c, lang)));
        }
    });
    view! {
        <figure>
            <canvas
                node_ref=canvas
                class="anomaly-chart"
                data-testid="anomaly-histogram"
                role="img"
                aria-label=move || i18n.t("apps-anomaly-histogram-label")
            ></canvas>
            <figcaption class="caption">{move || i18n.t("apps-anomaly-histogram-caption")}</figcaption>
        </figure>
    }
}

#[component]
pub fn Roc(#[prop(into)] scores: Signal<Option<ModelScores>>) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(el) = canvas.get() {
            scores.with(|s| s.as_ref().map(|s| draw_roc(el, s, lang)));
        }
    });
    view! {
        <figure>
            <canvas
                node_ref=canvas
                class="anomaly-chart"
                data-testid="anomaly-roc"
                role="img"
                aria-label=move || i18n.t("apps-anomaly-roc-label")
            ></canvas>
            <figcaption class="caption">{move || i18n.t("apps-anomaly-roc-caption")}</figcaption>
        </figure>
    }
}
