//! Where a reconstruction error sits among the 2,000 test digits' errors: a small histogram with
//! the current digit marked, and the share of test digits that reconstruct better. Gives "MSE
//! 0.023" a scale: typical for a digit, or unusual (an anomaly)?

use leptos::prelude::*;

use crate::analysis::metrics::ErrorDistribution;
use crate::app::components::messages::TaskErrors;
use crate::app::engine::Family;
use crate::app::engine::evaluate::test_errors;
use crate::app::i18n::use_i18n;
use crate::app::state::ResourceHandle;
use crate::i18n::{num, tk};
use crate::slug::Slug;

/// Bars of the histogram, and the quantile its last bar ends at (the rest is gathered there).
const BINS: usize = 24;
const TOP_QUANTILE: f64 = 0.99;
/// Size of the drawing, in SVG units.
const W: f64 = 140.0;
const H: f64 = 36.0;

/// Makes sure the test digits' errors under the models in use are known (computed once, then
/// shared through `Resources` until other models are chosen).
pub fn ensure_test_errors(resources: ResourceHandle, errors: TaskErrors) {
    let resources = resources.get();
    if resources.test_errors_current() {
        return;
    }
    let generation = resources.models_in_use().get_untracked();
    leptos::task::spawn_local(async move {
        let outcome = test_errors(resources.clone()).await;
        if let Some(dist) = errors.check(tk("draw-task-test-errors"), outcome) {
            resources.store_test_errors(generation, dist);
        }
    });
}

/// The histogram as SVG rectangles `(x, y, height)`, and the error at the right edge: the same
/// for every drawing, so it is computed once per distribution.
fn bars(dist: &ErrorDistribution) -> (Vec<(f64, f64, f64)>, f64) {
    let top = dist.quantile(TOP_QUANTILE).max(1e-9);
    let counts = dist.histogram(BINS, top);
    let peak = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let width = W / BINS as f64;
    let rects = counts
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let h = (c as f64 / peak) * (H - 4.0);
            (k as f64 * width, H - h, h)
        })
        .collect();
    (rects, top)
}

#[component]
pub fn ErrorScale(
    resources: ResourceHandle,
    family: Family,
    #[prop(into)] error: Signal<Option<f64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The distribution is shared (an `Arc`); only the share below the current error changes as the
    // student draws.
    let errors = Signal::derive(move || resources.with(|r| r.test_errors()));
    let share = Signal::derive(move || {
        let e = error.get()?;
        errors.with(|d| d.as_ref().map(|d| d[family].share_below(e)))
    });
    let sentence = move || match (errors.with(Option::is_some), share.get()) {
        (true, Some(share)) => {
            let key = if share > 0.99 {
                tk("draw-scale-worse-anomaly")
            } else if share > 0.9 {
                tk("draw-scale-worse-high")
            } else {
                tk("draw-scale-worse")
            };
            i18n.t_with(key, &[("percent", num(share * 100.0, 0))])
        }
        (false, _) => i18n.t("draw-scale-measuring"),
        (true, None) => String::new(),
    };
    let share_attr = move || share.get().map(|s| format!("{s:.4}")).unwrap_or_default();
    let histogram = Memo::new(move |_| errors.with(|d| d.as_ref().map(|d| bars(&d[family]))));
    let picture = move || {
        histogram.get().map(|(rects, top)| {
            let width = W / BINS as f64;
            let marker = move || {
                error
                    .get()
                    .map(|e| view! { <rect x=(e / top).clamp(0.0, 1.0) * (W - 1.0) y="0" width="2" height=H fill="#b3261e"></rect> })
            };
            view! {
                <svg class="error-scale" viewBox=format!("0 0 {W} {H}") width=W height=H aria-hidden="true">
                    {rects
                        .into_iter()
                        .map(|(x, y, h)| view! { <rect x=x y=y width=width - 1.0 height=h fill="#9aa6bd"></rect> })
                        .collect_view()}
                    {marker}
                </svg>
            }
        })
    };
    view! {
        <span class="error-scale-box" data-testid=format!("error-scale-{}", family.slug()) data-share=share_attr>
            {picture}
            <span class="caption">{sentence}</span>
        </span>
    }
}
