//! A 28×28 image drawn at its own resolution and upscaled by CSS (pixelated), white ink on black
//! as in MNIST. `None` shows an empty (black) image.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::ImageData;

use crate::app::web::raster::context_2d;

use crate::{PIXELS, SIDE};

/// Canvas pixels per CSS pixel on this screen (2 on most phones), capped at 3: charts drawn at
/// this scale stay crisp.
pub fn device_scale() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .clamp(1.0, 3.0)
}

/// Paints `pixels` (intensities in [0, 1]) onto a canvas `width` pixels wide.
pub fn paint_gray(canvas: &web_sys::HtmlCanvasElement, pixels: &[f32], width: u32) {
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    let rgba: Vec<u8> = pixels
        .iter()
        .flat_map(|&v| {
            let g = (v.clamp(0.0, 1.0) * 255.0).round() as u8;
            [g, g, g, 255]
        })
        .collect();
    if let Ok(image) = ImageData::new_with_u8_clamped_array(Clamped(&rgba), width) {
        let _ = ctx.put_image_data(&image, 0.0, 0.0);
    }
}

/// Where a pointer is on a canvas, as fractions of its displayed width and height (unclamped:
/// outside the canvas gives values outside [0, 1]). CSS may show a canvas at any size.
pub fn pointer_fraction(
    canvas: &web_sys::HtmlCanvasElement,
    ev: &web_sys::MouseEvent,
) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    (
        (ev.client_x() as f64 - rect.left()) / rect.width().max(1.0),
        (ev.client_y() as f64 - rect.top()) / rect.height().max(1.0),
    )
}

#[component]
pub fn DigitCanvas(
    #[prop(into)] pixels: Signal<Option<Vec<f32>>>,
    #[prop(into)] testid: String,
    /// What the image shows, for screen readers (a translated, reactive string).
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        match pixels.get() {
            Some(p) if p.len() == PIXELS => paint_gray(&el, &p, SIDE as u32),
            _ => paint_gray(&el, &[0.0; PIXELS], SIDE as u32),
        }
    });
    view! {
        <canvas
            node_ref=canvas
            class="digit"
            width=SIDE.to_string()
            height=SIDE.to_string()
            data-testid=testid
            role="img"
            aria-label=move || label.get()
        ></canvas>
    }
}

/// Lays out `rows` of 28×28 images (each row: its images one after another) as one grey image
/// `cols × 28` wide, for a mosaic canvas.
pub fn mosaic(rows: &[Vec<f32>], cols: usize) -> Vec<f32> {
    let width = cols * SIDE;
    let mut out = vec![0.0; rows.len() * SIDE * width];
    for (r, row) in rows.iter().enumerate() {
        for (c, img) in row.chunks_exact(PIXELS).take(cols).enumerate() {
            for y in 0..SIDE {
                let dst = (r * SIDE + y) * width + c * SIDE;
                out[dst..dst + SIDE].copy_from_slice(&img[y * SIDE..(y + 1) * SIDE]);
            }
        }
    }
    out
}

/// A grid of digits: `rows` of `cols` images each.
#[component]
pub fn MosaicCanvas(
    #[prop(into)] rows: Signal<Vec<Vec<f32>>>,
    #[prop(into)] cols: Signal<usize>,
    #[prop(into)] testid: String,
    /// What the grid shows, for screen readers.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let cols = cols.get();
        rows.with(|rows| {
            el.set_width((cols * SIDE) as u32);
            el.set_height((rows.len().max(1) * SIDE) as u32);
            paint_gray(&el, &mosaic(rows, cols), (cols * SIDE) as u32);
        });
    });
    view! { <canvas node_ref=canvas class="mosaic" data-testid=testid role="img" aria-label=move || label.map(|l| l.get())></canvas> }
}
