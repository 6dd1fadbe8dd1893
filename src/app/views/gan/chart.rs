//! The game's curves, drawn with plotters: the D and G losses in one panel, D(real) and D(fake) in
//! another on [0, 1] with the equilibrium's ½ marked.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::app::components::digit_canvas::device_scale;
use crate::app::engine::gan::GanSession;
use crate::app::i18n::use_i18n;
use crate::i18n::number::format_number;
use crate::i18n::{Decimals, Lang, num, tk, translate};
use crate::model::gan_history::GanRecord;
use crate::train::curves::thin;

const WIDTH: f64 = 520.0;
const PANEL_HEIGHT: f64 = 170.0;

const D_COLOUR: RGBColor = RGBColor(136, 84, 208);
const G_COLOUR: RGBColor = RGBColor(46, 160, 67);

type Series = (&'static str, RGBColor, fn(&GanRecord) -> f32);

fn draw_panel(
    area: &DrawingArea<CanvasBackend, plotters::coord::Shift>,
    title: &'static str,
    history: &[GanRecord],
    series: &[Series],
    range: Option<(f32, f32)>,
    s: f64,
    lang: Lang,
) -> Option<()> {
    let px = |v: f64| (v * s).round() as i32;
    let last_step = history.last().map_or(1, |p| p.step).max(1) as f32;
    let (lo, hi) = range.unwrap_or_else(|| {
        // The minimax generator loss log(1 − D(G(z))) is negative: the axis takes it in.
        let values: Vec<f32> = history
            .iter()
            .flat_map(|p| series.iter().map(move |(_, _, f)| f(p)))
            .filter(|v| v.is_finite())
            .collect();
        let hi = values.iter().copied().fold(0.0f32, f32::max);
        let lo = values.iter().copied().fold(0.0f32, f32::min);
        ((lo * 1.1).min(0.0), (hi * 1.1).max(lo * 1.1 + 0.1))
    });
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .caption(translate(lang, title, &[]), ("sans-serif", px(14.0)))
        .x_label_area_size(px(30.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(0f32..last_step, lo..hi)
        .ok()?;
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(4)
        .x_label_formatter(&|v| format_number(f64::from(*v), Decimals::UpTo(0), true, lang))
        .y_label_formatter(&|v| format_number(f64::from(*v), Decimals::UpTo(2), true, lang))
        .light_line_style(RGBColor(236, 238, 243))
        .label_style(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    if range.is_some() {
        // The game's equilibrium: D cannot tell real from fake and says ½ to both.
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.5), (last_step, 0.5)],
                RGBColor(150, 150, 150).stroke_width(1),
            ))
            .ok()?;
    }
    let width = px(2.0) as u32;
    for &(name, colour, value) in series {
        let points: Vec<(f32, f32)> = history
            .iter()
            .map(|p| (p.step as f32, value(p)))
            .filter(|(_, v)| v.is_finite())
            .collect();
        let points = thin(&points, (WIDTH * s) as usize);
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(width)))
            .ok()?
            .label(translate(lang, name, &[]))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(width))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    Some(())
}

fn draw(canvas: web_sys::HtmlCanvasElement, history: &[GanRecord], lang: Lang) -> Option<()> {
    let s = device_scale();
    canvas.set_width((WIDTH * s) as u32);
    canvas.set_height((2.0 * PANEL_HEIGHT * s) as u32);
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let panels = root.split_evenly((2, 1));
    let losses: [Series; 2] = [
        (tk("gan-chart-d-loss"), D_COLOUR, |p| p.values.d_loss),
        (tk("gan-chart-g-loss"), G_COLOUR, |p| p.values.g_loss),
    ];
    let odds: [Series; 2] = [
        (tk("gan-chart-d-real"), G_COLOUR, |p| p.values.d_real),
        (tk("gan-chart-d-fake"), D_COLOUR, |p| p.values.d_fake),
    ];
    draw_panel(
        &panels[0],
        tk("gan-chart-losses"),
        history,
        &losses,
        None,
        s,
        lang,
    )?;
    draw_panel(
        &panels[1],
        tk("gan-chart-odds"),
        history,
        &odds,
        Some((0.0, 1.0)),
        s,
        lang,
    )?;
    root.present().ok()
}

#[component]
pub fn GanChart(session: GanSession) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<Canvas>::new();
    let history = session.history;
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(el) = canvas.get() {
            history.with(|h| draw(el, h, lang));
        }
    });
    let label = move || {
        history.with(|h| match h.last() {
            None => i18n.t("gan-chart-empty"),
            Some(p) => i18n.t_with(
                "gan-chart-description",
                &[
                    ("steps", p.step.into()),
                    ("d", num(f64::from(p.values.d_loss), 3)),
                    ("g", num(f64::from(p.values.g_loss), 3)),
                    ("real", num(f64::from(p.values.d_real), 2)),
                    ("fake", num(f64::from(p.values.d_fake), 2)),
                ],
            ),
        })
    };
    view! {
        <figure class="loss-chart-figure">
            <canvas node_ref=canvas class="loss-chart" data-testid=super::testid(session, "chart")
                role="img" aria-label=label></canvas>
            <figcaption class="caption wide">{move || i18n.t("gan-chart-caption")}</figcaption>
        </figure>
    }
}
