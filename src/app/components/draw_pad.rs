//! The drawing pad: pointer events (mouse, touch, pen) paint strokes on the current digit's
//! sketch; at most once per animation frame the pad is turned into the 28×28 model input.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::{HtmlCanvasElement, PointerEvent};

use super::digit_canvas::pointer_fraction;
use crate::app::i18n::use_i18n;
use crate::app::state::{use_current_digit, use_resources};
use crate::app::web::raster::{
    PAD, context_2d, draw_dot, draw_segment, model_input, render, set_pen,
};
use crate::data::sketch::Point;

fn pad_point(canvas: &HtmlCanvasElement, ev: &PointerEvent) -> Point {
    let (x, y) = pointer_fraction(canvas, ev);
    [x.clamp(0.0, 1.0) as f32, y.clamp(0.0, 1.0) as f32]
}

/// The pad, drawing on the current digit's sketch (so buttons elsewhere can clear it or load a
/// test digit); the current digit's input follows every change, at most once per animation frame.
#[component]
pub fn DrawPad() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let digit = use_current_digit();
    let sketch = digit.sketch;
    let canvas = NodeRef::<Canvas>::new();
    let drawing = StoredValue::new(false);
    let frame_pending = StoredValue::new(false);

    // Recompute the model input on the next animation frame (coalescing every change until then).
    let schedule_input = move || {
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        // The frame may come after the pad is gone (the student opened another view): then the
        // canvas and its state are disposed and there is nothing to do.
        request_animation_frame(move || {
            frame_pending.try_set_value(false);
            if let Some(Some(el)) = canvas.try_get_untracked() {
                let next = resources
                    .with(|r| sketch.with_untracked(|s| model_input(&el, s, r.test_digits())));
                digit.input.set(next);
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
            resources.with(|r| sketch.with_untracked(|s| render(&ctx, s, r.test_digits())));
        }
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
            role="img"
            aria-label=move || i18n.t("draw-pad-label")
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
        ></canvas>
    }
}
