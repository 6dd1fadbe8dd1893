//! The corrupted image, large, where the occlusion mask is drawn: drag a rectangle or paint with
//! a brush.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::PointerEvent;

use crate::SIDE;
use crate::app::components::digit_canvas::{paint_gray, pointer_fraction};
use crate::app::i18n::use_i18n;
use crate::data::corrupt::Mask;

/// How a drag on the image adds to the mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaskTool {
    Rect,
    Brush,
}

/// The corrupted image, large, where the mask is drawn: drag a rectangle or paint with a brush.
#[component]
pub fn MaskCanvas(
    corrupted: Memo<Vec<f32>>,
    mask: RwSignal<Mask>,
    tool: RwSignal<MaskTool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<Canvas>::new();
    // The mask before the current drag, and where the drag started (pixel coordinates).
    let drag = StoredValue::new(None::<(Mask, (f32, f32))>);
    Effect::new(move |_| {
        if let Some(el) = canvas.get() {
            corrupted.with(|img| paint_gray(&el, img, SIDE as u32));
        }
    });
    let pixel = move |ev: &PointerEvent| -> Option<(f32, f32)> {
        let (x, y) = pointer_fraction(&canvas.get_untracked()?, ev);
        let side = SIDE as f64;
        Some((
            (x * side).clamp(0.0, side - 0.01) as f32,
            (y * side).clamp(0.0, side - 0.01) as f32,
        ))
    };
    let paint = move |start: (f32, f32), base: &Mask, at: (f32, f32)| {
        let mut next = base.clone();
        match tool.get_untracked() {
            MaskTool::Rect => next.add_rect(
                (start.0 as usize, start.1 as usize),
                (at.0 as usize, at.1 as usize),
            ),
            MaskTool::Brush => next.add_disc(at.0, at.1, 1.5),
        }
        mask.set(next);
    };
    let on_down = move |ev: PointerEvent| {
        let (Some(p), Some(el)) = (pixel(&ev), canvas.get_untracked()) else {
            return;
        };
        let _ = el.set_pointer_capture(ev.pointer_id());
        let base = mask.get_untracked();
        paint(p, &base, p);
        // A brush keeps what it painted; a rectangle is redrawn from the mask before the drag.
        let keep = if tool.get_untracked() == MaskTool::Brush {
            mask.get_untracked()
        } else {
            base
        };
        drag.set_value(Some((keep, p)));
    };
    let on_move = move |ev: PointerEvent| {
        let Some((base, start)) = drag.get_value() else {
            return;
        };
        let Some(p) = pixel(&ev) else { return };
        paint(start, &base, p);
        if tool.get_untracked() == MaskTool::Brush {
            drag.set_value(Some((mask.get_untracked(), start)));
        }
    };
    let on_up = move |_: PointerEvent| drag.set_value(None);
    view! {
        <canvas
            node_ref=canvas
            class="digit large mask-target"
            width=SIDE.to_string()
            height=SIDE.to_string()
            data-testid="corrupted-input"
            role="img"
            aria-label=move || i18n.t("noise-corrupted-label")
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
        ></canvas>
    }
}
