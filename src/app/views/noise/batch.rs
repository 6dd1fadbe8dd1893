//! The noise lab's batch view: 16 test digits under the current corruption, and each model's mean
//! error over the whole test split (recomputed, a newer corruption abandoning an older one).

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::model_title;
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::evaluate::{MeansProgress, split_means};
use crate::app::engine::models::Reconstructor;
use crate::app::state::use_lab;
use crate::app::web::random_seed;
use crate::app::web::runner::LatestRunner;
use crate::data::corrupt::Corruption;
use crate::rng::seeded;

/// Digits in the batch view.
const BATCH_VIEW: usize = 16;
/// Wait this long after the last change before recomputing the whole split (ms).
const SETTLE_MS: u32 = 250;

#[component]
pub fn BatchView(corruption: RwSignal<Corruption>) -> impl IntoView {
    let lab = use_lab();
    let errors = TaskErrors::new();
    let test_len = lab.with(|r| r.data.test.len());
    let pick = move || {
        let mut rng = seeded(random_seed(1_000_000));
        (0..BATCH_VIEW)
            .map(|_| rand::RngExt::random_range(&mut rng, 0..test_len))
            .collect::<Vec<_>>()
    };
    let indices = RwSignal::new(pick());
    let rows = RwSignal::new(Vec::<Vec<f32>>::new());
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let job = (corruption.get(), indices.get());
        runner.submit(job, move |(c, idx)| async move {
            let lab = lab.get();
            let clean = lab.data.test.batch(&idx);
            let noisy = c.apply_indexed(&clean, &idx);
            let outcome = lab.run_all_on(lab.batch_engine(), &noisy).await;
            if let Some((o, _)) = errors.check("Reconstructing the 16 digits", outcome) {
                let mut next = vec![clean, noisy];
                next.extend(Reconstructor::ALL.map(|m| o.get(m).to_vec()));
                rows.try_set(next);
            }
        });
    });

    // Means over the whole test split; a newer corruption abandons an older computation.
    let means = RwSignal::new(None::<MeansProgress>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let c = corruption.get();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        // Old means no longer describe this corruption: show "computing" at once.
        means.set(None);
        let current = move || generation.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            // Let a slider drag settle before starting.
            TimeoutFuture::new(SETTLE_MS).await;
            if !current() {
                return;
            }
            let outcome = split_means(lab.get(), c, |p| {
                // `try_set` hands the value back when the view has closed: then stop.
                current() && means.try_set(Some(p.clone())).is_none()
            })
            .await;
            if current() {
                errors.check("Averaging over the test split", outcome);
            }
        });
    });

    let mean_of = move |k: usize| {
        move || {
            means.with(|m| {
                m.as_ref()
                    .and_then(|m| m.means.mean(k))
                    .map(|v| format!("{v:.4}"))
                    .unwrap_or_else(|| "…".into())
            })
        }
    };
    let status = move || {
        means.with(|m| match m {
            Some(MeansProgress {
                means,
                engine: Some(e),
                ms,
            }) if means.is_complete() => format!(
                "{} digits in {ms:.0} ms on the {} engine",
                means.total,
                e.label()
            ),
            Some(p) => format!("computing… {} of {} digits", p.means.done, p.means.total),
            None => format!("computing… 0 of {test_len} digits"),
        })
    };

    view! {
        <section class="batch" data-testid="batch-view">
            <h3>"16 random test digits under this corruption"</h3>
            <div class="batch-grid">
                <ol class="row-labels">
                    <li>"clean"</li><li>"corrupted"</li><li>"plain AE"</li><li>"denoising AE"</li><li>"inpainting AE"</li><li>"VAE"</li>
                </ol>
                <MosaicCanvas rows=rows cols=BATCH_VIEW testid="batch-mosaic" />
            </div>
            <button on:click=move |_| indices.set(pick())>"Other digits"</button>
            <h3>"Mean MSE against clean over the test split"</h3>
            <table class="means">
                <tr>{Reconstructor::ALL.map(|m| view! { <th>{model_title(m)}</th> }).into_iter().collect_view()}</tr>
                <tr>
                    {Reconstructor::ALL
                        .iter()
                        .enumerate()
                        .map(|(k, m)| view! { <td class="num" data-testid=format!("batch-mean-{}", m.slug())>{mean_of(k)}</td> })
                        .collect_view()}
                </tr>
            </table>
            <p class="caption" data-testid="batch-progress">{status}</p>
            <TaskErrorList errors=errors />
        </section>
    }
}
