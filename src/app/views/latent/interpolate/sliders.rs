//! The interpolation's two sliders: the step shown (i of N, as t = i/N) and the number of steps N.

use leptos::prelude::*;

use super::{STEPS_MAX, STEPS_MIN};
use crate::app::components::fields::RangeField;
use crate::app::i18n::use_i18n;
use crate::i18n::num;
use crate::link::latent::step_of;

/// The step shown: the slider moves t, and snaps to the nearest i/N.
#[component]
pub fn StepSlider(t: RwSignal<f32>, step: Memo<usize>, steps: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <RangeField
            label=Signal::derive(move || {
                let (i, n) = (step.get(), steps.get());
                i18n.t_with("latent-interp-step", &[
                    ("i", i.into()),
                    ("n", n.into()),
                    ("t", num(i as f64 / n as f64, 2)),
                ])
            })
            testid="interp-slider"
            value=Signal::derive(move || step.get() as f64 / steps.get() as f64)
            min=0.0 max=1.0 step=0.01
            on_value=Callback::new(move |v: f64| {
                let n = steps.get_untracked();
                t.set(step_of(v as f32, n) as f32 / n as f32);
            })
        />
    }
}

/// The number of steps N (the strips show N + 1 images).
#[component]
pub fn StepsSlider(t: RwSignal<f32>, steps: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <RangeField
            label=Signal::derive(move || {
                let n = steps.get();
                i18n.t_with("latent-interp-n", &[("n", n.into()), ("count", (n + 1).into())])
            })
            testid="interp-n"
            value=Signal::derive(move || steps.get() as f64)
            min=STEPS_MIN as f64 max=STEPS_MAX as f64 step=1.0
            live=false
            on_value=Callback::new(move |v: f64| {
                // The slider keeps its place along the line: the nearest step of the new N.
                let fraction = t.get_untracked();
                let n = v.round() as usize;
                steps.set(n);
                t.set(step_of(fraction, n) as f32 / n as f32);
            })
        />
    }
}
