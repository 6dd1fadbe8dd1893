//! The drawing pad: pointer events (mouse, touch, pen) paint strokes; at most once per animation
//! frame the pad is turned into the 28×28 model input. The sketch is saved in localStorage so a
//! reload keeps the drawing.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

use super::digit_canvas::{context_2d, pointer_fraction};
use super::storage::{load_setting, save_setting};
use crate::data::sketch::{PEN_WIDTH, Point, Sketch};
use crate::data::{Dataset, Grayscale, to_mnist};
use crate::{PIXELS, SIDE};

/// Side of the pad's drawing buffer in pixels (CSS may show it larger or smaller).
const PAD: u32 = 280;
const STORAGE_KEY: &str = "latent-lab.sketch.v1";
const INK: &str = "#ffffff";

/// The sketch saved by an earlier visit, if any.
pub fn saved_sketch() -> Sketch {
    load_setting::<Sketch>(STORAGE_KEY)
        .filter(Sketch::is_valid)
        .unwrap_or_default()
}

fn save_sketch(sketch: &Sketch) {
    save_setting(STORAGE_KEY, sketch);
}

fn pad_point(canvas: &HtmlCanvasElement, ev: &PointerEvent) -> Point {
    let (x, y) = pointer_fraction(canvas, ev);
    [x.clamp(0.0, 1.0) as f32, y.clamp(0.0, 1.0) as f32]
}

fn set_pen(ctx: &CanvasRenderingContext2d) {
    ctx.set_stroke_style_str(INK);
    ctx.set_fill_style_str(INK);
    ctx.set_line_width((PEN_WIDTH * PAD as f32) as f64);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
}

fn draw_segment(ctx: &CanvasRenderingContext2d, from: Point, to: Point) {
    let s = PAD as f64;
    ctx.begin_path();
    ctx.move_to(from[0] as f64 * s, from[1] as f64 * s);
    ctx.line_to(to[0] as f64 * s, to[1] as f64 * s);
    ctx.stroke();
}

fn draw_dot(ctx: &CanvasRenderingContext2d, at: Point) {
    let s = PAD as f64;
    ctx.begin_path();
    let _ = ctx.arc(
        at[0] as f64 * s,
        at[1] as f64 * s,
        (PEN_WIDTH * PAD as f32 / 2.0) as f64,
        0.0,
        std::f64::consts::TAU,
    );
    ctx.fill();
}

/// Paints a 28×28 digit over the whole pad as ink (alpha = intensity), smoothly upscaled.
fn draw_digit(ctx: &CanvasRenderingContext2d, pixels: &[f32]) {
    let Some(small) = document()
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    small.set_width(SIDE as u32);
    small.set_height(SIDE as u32);
    let Some(small_ctx) = context_2d(&small) else {
        return;
    };
    let rgba: Vec<u8> = pixels
        .iter()
        .flat_map(|&v| [255, 255, 255, (v.clamp(0.0, 1.0) * 255.0) as u8])
        .collect();
    if let Ok(img) =
        web_sys::ImageData::new_with_u8_clamped_array(wasm_bindgen::Clamped(&rgba), SIDE as u32)
    {
        let _ = small_ctx.put_image_data(&img, 0.0, 0.0);
        ctx.set_image_smoothing_enabled(true);
        let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            &small, 0.0, 0.0, PAD as f64, PAD as f64,
        );
    }
}

/// Redraws the whole sketch.
fn render(ctx: &CanvasRenderingContext2d, sketch: &Sketch, data: &Dataset) {
    ctx.clear_rect(0.0, 0.0, PAD as f64, PAD as f64);
    if let Some(i) = sketch.background.filter(|&i| i < data.test.len()) {
        draw_digit(ctx, &data.test.image(i));
    }
    set_pen(ctx);
    for stroke in &sketch.strokes {
        if let [only] = stroke.as_slice() {
            draw_dot(ctx, *only);
        }
        for pair in stroke.windows(2) {
            draw_segment(ctx, pair[0], pair[1]);
        }
    }
}

/// The model input for the pad: a loaded test digit as it is (already MNIST), otherwise the pad's
/// ink through MNIST preprocessing. `None` for an empty pad.
fn model_input(canvas: &HtmlCanvasElement, sketch: &Sketch, data: &Dataset) -> Option<Vec<f32>> {
    if sketch.is_empty() {
        return None;
    }
    if let (Some(i), true) = (sketch.background, sketch.strokes.is_empty()) {
        return Some(data.test.image(i));
    }
    let ctx = context_2d(canvas)?;
    let rgba = ctx
        .get_image_data(0.0, 0.0, PAD as f64, PAD as f64)
        .ok()?
        .data();
    let input = to_mnist(&Grayscale::from_rgba_alpha(
        PAD as usize,
        PAD as usize,
        &rgba,
    ));
    debug_assert_eq!(input.len(), PIXELS);
    Some(input)
}

/// The model input of the sketch saved by the draw view, rendered on an off-screen pad, so other
/// views can start from the student's own digit.
pub fn saved_sketch_input(data: &Dataset) -> Option<Vec<f32>> {
    let sketch = saved_sketch();
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(PAD);
    canvas.set_height(PAD);
    render(&context_2d(&canvas)?, &sketch, data);
    model_input(&canvas, &sketch, data)
}

/// The pad. `sketch` is owned by the parent (so buttons can clear it or load a digit); `input`
/// receives the model input after every change, at most once per animation frame.
#[component]
pub fn DrawPad(
    sketch: RwSignal<Sketch>,
    input: WriteSignal<Option<Vec<f32>>>,
    data: StoredValue<Dataset>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let drawing = StoredValue::new(false);
    let frame_pending = StoredValue::new(false);

    // Recompute the model input on the next animation frame (coalescing every change until then).
    let schedule_input = move || {
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            frame_pending.set_value(false);
            if let Some(el) = canvas.get_untracked() {
                let next = data.with_value(|d| sketch.with_untracked(|s| model_input(&el, s, d)));
                input.set(next);
            }
        });
    };

    // Full redraws when the sketch is replaced (clear, random digit, restore); strokes being drawn
    // are painted incrementally by the pointer handlers instead.
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        sketch.track();
        if drawing.get_value() {
            return;
        }
        if let Some(ctx) = context_2d(&el) {
            data.with_value(|d| sketch.with_untracked(|s| render(&ctx, s, d)));
        }
        sketch.with_untracked(save_sketch);
        schedule_input();
    });

    let on_down = move |ev: PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let _ = el.set_pointer_capture(ev.pointer_id());
        drawing.set_value(true);
        let p = pad_point(&el, &ev);
        if let Some(ctx) = context_2d(&el) {
            set_pen(&ctx);
            draw_dot(&ctx, p);
        }
        sketch.update(|s| s.strokes.push(vec![p]));
        schedule_input();
    };
    let on_move = move |ev: PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let p = pad_point(&el, &ev);
        let last = sketch.with_untracked(|s| s.strokes.last().and_then(|st| st.last().copied()));
        if let (Some(ctx), Some(last)) = (context_2d(&el), last) {
            set_pen(&ctx);
            draw_segment(&ctx, last, p);
        }
        sketch.update(|s| {
            if let Some(stroke) = s.strokes.last_mut() {
                stroke.push(p);
            }
        });
        schedule_input();
    };
    let on_up = move |_ev: PointerEvent| {
        if drawing.get_value() {
            drawing.set_value(false);
            sketch.with_untracked(save_sketch);
            schedule_input();
        }
    };

    view! {
        <canvas
            node_ref=canvas
            class="pad"
            width=PAD.to_string()
            height=PAD.to_string()
            data-testid="draw-pad"
            aria-label="Drawing pad: draw a digit with the mouse, a finger or a pen"
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
        ></canvas>
    }
}
