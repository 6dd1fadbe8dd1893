//! Colour images (planar RGB, 3 × 784 values each, see `data::colouring`) in a grid, drawn at
//! their own resolution and upscaled by CSS like the grey digit canvases.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::ImageData;

use crate::SIDE;
use crate::app::web::raster::context_2d;
use crate::data::colouring::to_rgba8;

/// `images` laid out `cols` to a row; an empty list shows a black square.
#[component]
pub fn ColourCanvas(
    #[prop(into)] images: Signal<Vec<Vec<f32>>>,
    cols: usize,
    #[prop(into)] testid: String,
    /// What the images show, for screen readers.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else {
            return;
        };
        images.with(|images| {
            let rows = images.len().div_ceil(cols).max(1);
            canvas.set_width((cols * SIDE) as u32);
            canvas.set_height((rows * SIDE) as u32);
            let Some(ctx) = context_2d(&canvas) else {
                return;
            };
            ctx.set_fill_style_str("#000");
            ctx.fill_rect(0.0, 0.0, (cols * SIDE) as f64, (rows * SIDE) as f64);
            for (k, rgb) in images.iter().enumerate() {
                let rgba = to_rgba8(rgb);
                if let Ok(image) = ImageData::new_with_u8_clamped_array(Clamped(&rgba), SIDE as u32)
                {
                    let (x, y) = ((k % cols) * SIDE, (k / cols) * SIDE);
                    let _ = ctx.put_image_data(&image, x as f64, y as f64);
                }
            }
        });
    });
    view! {
        <canvas
            node_ref=canvas
            class="digit colour"
            data-testid=testid
            role="img"
            aria-label=move || label.get()
            width=SIDE
            height=SIDE
        ></canvas>
    }
}
