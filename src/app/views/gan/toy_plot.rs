//! The toy plot: the discriminator's field D(x) as a heat map (green: "real", purple: "fake"),
//! the target's samples, the generator's points, and the arrows along which G is about to move
//! them. With the "draw your own" target the pointer adds target points.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::components::digit_canvas::{device_scale, pointer_fraction};
use crate::app::engine::gan::{GanSession, ToySnapshot};
use crate::app::i18n::use_i18n;
use crate::app::web::raster::context_2d;
use crate::gan::plot::{ViewBox, arrow_end, field_colour, max_norm};
use crate::gan::settings::{GanSettings, ToyTarget};
use crate::rng::seeded;

/// CSS size of the square plot.
const SIZE: f64 = 420.0;
/// The longest arrow, in plane units, and the gradient norm that draws it at least: batches with
/// smaller gradients draw shorter arrows (the minimax loss's vanishing gradient shows), larger
/// ones are scaled down to fit.
const LONGEST_ARROW: f32 = 0.6;
const REFERENCE_NORM: f32 = 1.0;
const REAL_COLOUR: &str = "#1a7f37";
const FAKE_COLOUR: &str = "#6f42c1";

fn dot(ctx: &web_sys::CanvasRenderingContext2d, (x, y): (f64, f64), r: f64) {
    ctx.begin_path();
    let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
    ctx.fill();
    ctx.stroke();
}

/// The keyboard's drawing cross moves this far per arrow key (plane units), with Shift five times.
const NUDGE: f32 = 0.1;

fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    snapshot: Option<&ToySnapshot>,
    settings: &GanSettings,
    cross: [f32; 2],
) {
    let s = device_scale();
    let size = SIZE * s;
    canvas.set_width(size as u32);
    canvas.set_height(size as u32);
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    let view = ViewBox::default();
    ctx.set_fill_style_str("#f7f7f7");
    ctx.fill_rect(0.0, 0.0, size, size);
    if let Some(snap) = snapshot {
        // The field: cell (i, j) of row i (from the bottom) and column j.
        let n = snap.field_cells;
        let cell = size / n as f64;
        for (k, &p) in snap.field.iter().enumerate() {
            let (i, j) = (k / n, k % n);
            let [r, g, b] = field_colour(p);
            ctx.set_fill_style_str(&format!("rgb({r},{g},{b})"));
            // +1 px overlap: no seams between cells.
            ctx.fill_rect(
                j as f64 * cell,
                size - (i + 1) as f64 * cell,
                cell + 1.0,
                cell + 1.0,
            );
        }
    }
    // The axes through the origin.
    ctx.set_stroke_style_str("rgba(0,0,0,0.15)");
    ctx.set_line_width(s);
    ctx.begin_path();
    ctx.move_to(size / 2.0, 0.0);
    ctx.line_to(size / 2.0, size);
    ctx.move_to(0.0, size / 2.0);
    ctx.line_to(size, size / 2.0);
    ctx.stroke();
    let real = match snapshot {
        Some(snap) => snap.real.clone(),
        None => settings.toy().sample(256, &mut seeded(settings.seed)),
    };
    // A white rim keeps each dot visible on the field of its own colour.
    ctx.set_stroke_style_str("#ffffff");
    ctx.set_line_width(0.8 * s);
    ctx.set_fill_style_str(REAL_COLOUR);
    for p in real.chunks_exact(2) {
        dot(&ctx, view.to_canvas([p[0], p[1]], size), 2.4 * s);
    }
    if settings.target == ToyTarget::Drawn {
        // The student's own points, as drawn.
        ctx.set_stroke_style_str(REAL_COLOUR);
        for &p in &settings.drawn {
            let (x, y) = view.to_canvas(p, size);
            ctx.stroke_rect(x - 3.0 * s, y - 3.0 * s, 6.0 * s, 6.0 * s);
        }
        // Where Enter adds a point from the keyboard.
        let (x, y) = view.to_canvas(cross, size);
        ctx.set_stroke_style_str("#222222");
        ctx.set_line_width(1.5 * s);
        ctx.begin_path();
        ctx.move_to(x - 7.0 * s, y);
        ctx.line_to(x + 7.0 * s, y);
        ctx.move_to(x, y - 7.0 * s);
        ctx.line_to(x, y + 7.0 * s);
        ctx.stroke();
    }
    let Some(snap) = snapshot else { return };
    ctx.set_stroke_style_str("#ffffff");
    ctx.set_line_width(0.8 * s);
    ctx.set_fill_style_str(FAKE_COLOUR);
    for p in snap.fake.chunks_exact(2) {
        dot(&ctx, view.to_canvas([p[0], p[1]], size), 2.4 * s);
    }
    let longest = max_norm(&snap.gradients).max(REFERENCE_NORM);
    ctx.set_stroke_style_str("rgba(40,40,40,0.8)");
    ctx.set_line_width(1.2 * s);
    ctx.begin_path();
    for (p, g) in snap
        .arrow_points
        .chunks_exact(2)
        .zip(snap.gradients.chunks_exact(2))
    {
        let point = [p[0], p[1]];
        if let Some(end) = arrow_end(point, [g[0], g[1]], longest, LONGEST_ARROW) {
            let (x0, y0) = view.to_canvas(point, size);
            let (x1, y1) = view.to_canvas(end, size);
            ctx.move_to(x0, y0);
            ctx.line_to(x1, y1);
            // A small head: two strokes back from the tip.
            let angle = (y1 - y0).atan2(x1 - x0);
            for turn in [2.6, -2.6f64] {
                ctx.move_to(x1, y1);
                ctx.line_to(
                    x1 + 5.0 * s * (angle + turn).cos(),
                    y1 + 5.0 * s * (angle + turn).sin(),
                );
            }
        }
    }
    ctx.stroke();
}

#[component]
pub fn ToyPlot(session: GanSession) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<Canvas>::new();
    let settings = session.settings;
    let cross = RwSignal::new([0.0f32, 0.0]);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let cross = cross.get();
        session
            .toy
            .with(|snap| settings.with(|s| paint(&el, snap.as_ref(), s, cross)));
    });
    let drawable = move || settings.with(|s| s.target == ToyTarget::Drawn);
    // The keyboard draws too: arrows move the cross, Enter or Space adds a point there.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !drawable() {
            return;
        }
        let step = if ev.shift_key() { 5.0 * NUDGE } else { NUDGE };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, step),
            "ArrowDown" => (0.0, -step),
            "Enter" | " " => {
                ev.prevent_default();
                let p = cross.get_untracked();
                settings.update(|s| s.add_drawn(p));
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        cross.update(|c| *c = ViewBox::default().nudge(*c, dx, dy));
    };
    let drawing = RwSignal::new(false);
    let add_point = move |ev: &web_sys::MouseEvent| {
        if settings.with_untracked(|s| s.target) != ToyTarget::Drawn {
            return;
        }
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let p = ViewBox::default().from_fraction(pointer_fraction(&el, ev));
        settings.update(|s| s.add_drawn(p));
    };
    let label = move || {
        session.toy.with(|snap| match snap {
            None => i18n.t("gan-toy-plot-empty"),
            Some(s) => i18n.t_with(
                "gan-toy-plot-label",
                &[
                    ("fake", (s.fake.len() / 2).into()),
                    ("real", (s.real.len() / 2).into()),
                ],
            ),
        })
    };
    view! {
        <canvas
            node_ref=canvas
            class="toy-plot"
            class:drawing=drawable
            tabindex=move || if drawable() { "0" } else { "-1" }
            on:keydown=on_key
            data-testid="gan-toy-plot"
            role="img"
            aria-label=label
            on:pointerdown=move |ev| {
                drawing.set(true);
                add_point(ev.unchecked_ref());
            }
            on:pointermove=move |ev| {
                if drawing.get_untracked() {
                    add_point(ev.unchecked_ref());
                }
            }
            on:pointerup=move |_| drawing.set(false)
            on:pointerleave=move |_| drawing.set(false)
        ></canvas>
    }
}
