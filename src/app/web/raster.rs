//! Drawing a sketch on a canvas the way the pad shows it, and turning that canvas into the
//! 28×28 model input through MNIST's preprocessing. Used by the pad and, off-screen, to restore
//! the saved drawing's input at start-up.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::data::sketch::{PEN_WIDTH, Point, Sketch};
use crate::data::{Grayscale, Split, to_mnist};
use crate::link::pixels;
use crate::{PIXELS, SIDE};

/// Side of the pad's drawing buffer in pixels (CSS may show it larger or smaller).
pub const PAD: u32 = 280;
const INK: &str = "#ffffff";

pub fn set_pen(ctx: &CanvasRenderingContext2d) {
    ctx.set_stroke_style_str(INK);
    ctx.set_fill_style_str(INK);
    ctx.set_line_width((PEN_WIDTH * PAD as f32) as f64);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
}

pub fn draw_segment(ctx: &CanvasRenderingContext2d, from: Point, to: Point) {
    let s = PAD as f64;
    ctx.begin_path();
    ctx.move_to(from[0] as f64 * s, from[1] as f64 * s);
    ctx.line_to(to[0] as f64 * s, to[1] as f64 * s);
    ctx.stroke();
}

pub fn draw_dot(ctx: &CanvasRenderingContext2d, at: Point) {
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
pub fn render(ctx: &CanvasRenderingContext2d, sketch: &Sketch, tests: &Split) {
    ctx.clear_rect(0.0, 0.0, PAD as f64, PAD as f64);
    if let Some(i) = sketch.background.filter(|&i| i < tests.len()) {
        draw_digit(ctx, &tests.image(i));
    }
    if let Some(levels) = &sketch.pixels {
        draw_digit(ctx, &pixels::from_levels(levels));
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
pub fn model_input(canvas: &HtmlCanvasElement, sketch: &Sketch, tests: &Split) -> Option<Vec<f32>> {
    if sketch.is_empty() {
        return None;
    }
    if sketch.strokes.is_empty() {
        if let Some(levels) = &sketch.pixels {
            return Some(pixels::from_levels(levels));
        }
        if let Some(i) = sketch.background {
            return Some(tests.image(i));
        }
    }
    let ctx = context_2d(canvas)?;
    let rgba = ctx
        .get_image_data(0.0, 0.0, PAD as f64, PAD as f64)
        .ok()?
        .data();
    let mut input = to_mnist(&Grayscale::from_rgba_alpha(
        PAD as usize,
        PAD as usize,
        &rgba,
    ));
    // 8-bit like MNIST, so that a link carries the input exactly.
    pixels::quantise(&mut input);
    debug_assert_eq!(input.len(), PIXELS);
    Some(input)
}

/// The model input of `sketch`, rendered on an off-screen pad.
pub fn rasterise(sketch: &Sketch, tests: &Split) -> Option<Vec<f32>> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(PAD);
    canvas.set_height(PAD);
    render(&context_2d(&canvas)?, sketch, tests);
    model_input(&canvas, sketch, tests)
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}
