//! The loss curves of a run, drawn with plotters: training total, test total and each component.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::model::history::HistoryPoint;

type Series = (&'static str, RGBColor, fn(&HistoryPoint) -> Option<f32>);

const SERIES: [Series; 5] = [
    ("train loss", RGBColor(31, 119, 180), |p| {
        Some(p.train_total)
    }),
    ("test loss", RGBColor(214, 39, 40), |p| p.test_total),
    ("reconstruction", RGBColor(44, 160, 44), |p| {
        Some(p.train_reconstruction)
    }),
    ("KL", RGBColor(148, 103, 189), |p| p.train_kl),
    ("penalty", RGBColor(255, 127, 14), |p| p.train_penalty),
];

fn draw(canvas: web_sys::HtmlCanvasElement, history: &[HistoryPoint]) -> Option<()> {
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let last_step = history.last().map(|p| p.step).unwrap_or(1).max(1) as f32;
    let values = history
        .iter()
        .flat_map(|p| SERIES.iter().filter_map(move |s| (s.2)(p)))
        .filter(|v| v.is_finite());
    let top = values.fold(1e-3f32, f32::max) * 1.05;
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(26)
        .y_label_area_size(46)
        .build_cartesian_2d(0f32..last_step, 0f32..top)
        .ok()?;
    chart
        .configure_mesh()
        .x_desc("step")
        .y_desc("loss per image")
        .light_line_style(RGBColor(236, 238, 243))
        .label_style(("sans-serif", 11))
        .draw()
        .ok()?;
    for (name, colour, value) in SERIES {
        let points: Vec<(f32, f32)> = history
            .iter()
            .filter_map(|p| value(p).map(|v| (p.step as f32, v)))
            .filter(|(_, v)| v.is_finite())
            .collect();
        if points.is_empty() {
            continue;
        }
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(2)))
            .ok()?
            .label(name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", 11))
        .draw()
        .ok()?;
    root.present().ok()
}

#[component]
pub fn LossChart(#[prop(into)] history: Signal<Vec<HistoryPoint>>) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        if let Some(el) = canvas.get() {
            history.with(|h| draw(el, h));
        }
    });
    view! { <canvas node_ref=canvas class="loss-chart" width="560" height="300" data-testid="loss-chart"></canvas> }
}
