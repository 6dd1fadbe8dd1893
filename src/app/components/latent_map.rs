//! A latent map drawn with plotters: the codes of the test digits coloured by class, the current
//! digit (with its 1σ and 2σ ellipse for a VAE), an interpolation path and the picked point.
//! Pointer moves and clicks report map coordinates.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::PointerEvent;

use super::digit_canvas::{device_scale, pointer_fraction};
pub use crate::analysis::latent_map::MapPoints;
use crate::app::i18n::use_i18n;

/// CSS size of a map.
const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 360.0;
/// How far one arrow key moves the keyboard cursor, as a share of the map.
const KEY_STEP: f32 = 0.03;

/// Tableau 10: one colour per digit class.
pub const CLASS_COLOURS: [(u8, u8, u8); 10] = [
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

/// What is drawn over the points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Markers {
    /// The current digit's code.
    pub current: Option<[f32; 2]>,
    /// Its σ along each axis (VAE on an exact 2-D map only).
    pub sigma: Option<[f32; 2]>,
    /// An interpolation path from A to B.
    pub path: Option<([f32; 2], [f32; 2])>,
    /// Points pinned by clicks, labelled A, B, … in order.
    pub pins: Vec<[f32; 2]>,
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// Draws the map; returns the plotting area's pixel ranges (canvas pixels) for pointer mapping.
fn draw(
    canvas: web_sys::HtmlCanvasElement,
    map: &MapPoints,
    markers: &Markers,
    cursor: Option<[f32; 2]>,
) -> Option<(std::ops::Range<i32>, std::ops::Range<i32>)> {
    let s = device_scale();
    let px = |v: f64| (v * s).round() as i32;
    canvas.set_width((WIDTH * s) as u32);
    canvas.set_height((HEIGHT * s) as u32);
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let r = map.region;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d(r.x.0..r.x.1, r.y.0..r.y.1)
        .ok()?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .light_line_style(RGBColor(236, 238, 243))
        .label_style(("sans-serif", px(12.0)))
        .draw()
        .ok()?;
    chart
        .draw_series(map.points.iter().zip(&map.labels).map(|(p, &l)| {
            Circle::new(
                (p[0], p[1]),
                px(2.0),
                rgb(CLASS_COLOURS[l as usize % 10]).filled(),
            )
        }))
        .ok()?;
    if let Some((a, b)) = markers.path {
        chart
            .draw_series(LineSeries::new(
                [(a[0], a[1]), (b[0], b[1])],
                BLACK.stroke_width(px(2.0) as u32),
            ))
            .ok()?;
        chart
            .draw_series(
                [a, b]
                    .iter()
                    .map(|p| Circle::new((p[0], p[1]), px(4.0), BLACK.filled())),
            )
            .ok()?;
    }
    if let (Some(c), Some(s)) = (markers.current, markers.sigma) {
        for k in [1.0f32, 2.0] {
            let ellipse = (0..=48).map(|i| {
                let a = i as f32 / 48.0 * std::f32::consts::TAU;
                (c[0] + k * s[0] * a.cos(), c[1] + k * s[1] * a.sin())
            });
            chart
                .draw_series(LineSeries::new(ellipse, BLACK.stroke_width(px(1.0) as u32)))
                .ok()?;
        }
    }
    if let Some(c) = markers.current {
        chart
            .draw_series([Cross::new(
                (c[0], c[1]),
                px(7.0),
                BLACK.stroke_width(px(3.0) as u32),
            )])
            .ok()?;
    }
    for (k, p) in markers.pins.iter().enumerate() {
        let name = char::from(b'A' + k as u8).to_string();
        chart
            .draw_series([Circle::new(
                (p[0], p[1]),
                px(6.0),
                RED.stroke_width(px(2.0) as u32),
            )])
            .ok()?;
        chart
            .draw_series([Text::new(
                name,
                (p[0], p[1]),
                ("sans-serif", px(15.0))
                    .into_font()
                    .color(&RED)
                    .pos(Pos::new(HPos::Left, VPos::Bottom)),
            )])
            .ok()?;
    }
    if let Some(c) = cursor {
        chart
            .draw_series([Cross::new(
                (c[0], c[1]),
                px(10.0),
                RGBColor(43, 125, 233).stroke_width(px(2.0) as u32),
            )])
            .ok()?;
    }
    root.present().ok()?;
    Some(chart.plotting_area().get_pixel_range())
}

#[component]
pub fn LatentMap(
    #[prop(into)] map: Signal<Option<MapPoints>>,
    #[prop(into)] markers: Signal<Markers>,
    #[prop(into)] testid: String,
    /// What the map shows and how to use it, for screen readers (in the current language).
    #[prop(into)]
    label: Signal<String>,
    /// Called with map coordinates while the pointer moves over the map.
    #[prop(optional)]
    on_hover: Option<Callback<[f32; 2]>>,
    /// Called with map coordinates on a click.
    #[prop(optional)]
    on_pick: Option<Callback<[f32; 2]>>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let area = StoredValue::new(None::<(std::ops::Range<i32>, std::ops::Range<i32>)>);
    // The keyboard cursor, in map coordinates (arrow keys move it, Enter picks).
    let cursor = RwSignal::new(None::<[f32; 2]>);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let at = cursor.get();
        map.with(|m| {
            if let Some(m) = m {
                area.set_value(markers.with(|mk| draw(el, m, mk, at)));
            }
        });
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(region) = map.with_untracked(|m| m.as_ref().map(|m| m.region)) else {
            return;
        };
        let step = |(lo, hi): (f32, f32)| (hi - lo) * KEY_STEP;
        let centre = [
            (region.x.0 + region.x.1) / 2.0,
            (region.y.0 + region.y.1) / 2.0,
        ];
        let [x, y] = cursor.get_untracked().unwrap_or(centre);
        let moved = match ev.key().as_str() {
            "ArrowLeft" => [x - step(region.x), y],
            "ArrowRight" => [x + step(region.x), y],
            "ArrowUp" => [x, y + step(region.y)],
            "ArrowDown" => [x, y - step(region.y)],
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(f) = on_pick {
                    f.run([x, y]);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let moved = [
            moved[0].clamp(region.x.0, region.x.1),
            moved[1].clamp(region.y.0, region.y.1),
        ];
        cursor.set(Some(moved));
        if let Some(f) = on_hover {
            f.run(moved);
        }
    };
    // Canvas pixels → map coordinates, if the pointer is over the plotting area.
    let to_map = move |ev: &web_sys::MouseEvent| -> Option<[f32; 2]> {
        let el = canvas.get_untracked()?;
        let (xr, yr) = area.get_value()?;
        let region = map.with_untracked(|m| m.as_ref().map(|m| m.region))?;
        let (ux, uy) = pointer_fraction(&el, ev);
        let (px, py) = (ux * el.width() as f64, uy * el.height() as f64);
        let fx = (px - xr.start as f64) / (xr.end - xr.start) as f64;
        let fy = (py - yr.start as f64) / (yr.end - yr.start) as f64;
        if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
            return None;
        }
        let x = region.x.0 + (region.x.1 - region.x.0) * fx as f32;
        let y = region.y.1 - (region.y.1 - region.y.0) * fy as f32;
        Some([x, y])
    };
    view! {
        <canvas
            node_ref=canvas
            class="latent-map"
            width=WIDTH.to_string()
            height=HEIGHT.to_string()
            data-testid=testid
            tabindex="0"
            role="application"
            aria-label=move || label.get()
            on:keydown=on_key
            on:blur=move |_| cursor.set(None)
            on:pointermove=move |ev: PointerEvent| {
                if let (Some(p), Some(f)) = (to_map(&ev), on_hover) {
                    f.run(p);
                }
            }
            on:click=move |ev: web_sys::MouseEvent| {
                if let (Some(p), Some(f)) = (to_map(&ev), on_pick) {
                    f.run(p);
                }
            }
        ></canvas>
    }
}

/// The class legend under the maps.
#[component]
pub fn ClassLegend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-label=move || i18n.t("latent-legend-label")>
            {CLASS_COLOURS
                .iter()
                .enumerate()
                .map(|(k, &(r, g, b))| {
                    view! {
                        <li>
                            <span class="swatch" style:background=format!("rgb({r}, {g}, {b})")></span>
                            {k.to_string()}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
