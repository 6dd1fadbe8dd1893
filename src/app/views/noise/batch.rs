//! The noise lab's batch view: 16 test digits under the current corruption, and each model's mean
//! error over the whole test split (recomputed, a newer corruption abandoning an older one). The
//! 16 digits are drawn from a seed (link parameter `batch`), so a link shows the same ones.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::model_title;
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::evaluate::{MeansProgress, split_means};
use crate::app::engine::models::Reconstructor;
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::app::web::random_seed;
use crate::data::corrupt::Corruption;
use crate::i18n::{num, tk};
use crate::rng::seeded;
use crate::slug::Slug;

/// Digits in the batch view.
const BATCH_VIEW: usize = 16;
/// Wait this long after the last change before recomputing the whole split (ms).
const SETTLE_MS: u32 = 250;

/// Largest seed of the batch's digits ("Other digits" picks below a million).
pub const BATCH_SEED_MAX: u64 = 4_294_967_295;

/// The test digits of the batch view for `seed`.
fn pick(seed: u64, test_len: usize) -> Vec<usize> {
    let mut rng = seeded(seed);
    (0..BATCH_VIEW)
        .map(|_| rand::RngExt::random_range(&mut rng, 0..test_len))
        .collect()
}

/// A model's name in a row label of the mosaic.
fn row_key(model: Reconstructor) -> &'static str {
    match model {
        Reconstructor::Ae => tk("noise-row-ae"),
        Reconstructor::Dae => tk("noise-row-dae"),
        Reconstructor::Inpaint => tk("noise-row-inpaint"),
        Reconstructor::Vae => tk("noise-row-vae"),
    }
}

#[component]
pub fn BatchView(
    #[prop(into)] corruption: Signal<Corruption>,
    /// The seed the 16 digits are drawn with.
    seed: RwSignal<u64>,
) -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let errors = TaskErrors::new();
    let test_len = resources.with(|r| r.test_digits().len());
    let indices = Memo::new(move |_| pick(seed.get(), test_len));
    let rows = RwSignal::new(Vec::<Vec<f32>>::new());
    // The last complete means, and whether they still describe the corruption on screen.
    let means = RwSignal::new(None::<MeansProgress>);
    let progress = RwSignal::new(None::<MeansProgress>);
    let stale = RwSignal::new(true);

    // While the student is still changing the corruption (a slider drag, a mask stroke) nothing
    // runs: pointer feedback stays within a frame. Once it settles, the 16 digits are
    // reconstructed and the whole split averaged; a newer change abandons older work.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let (c, idx) = (corruption.get(), indices.get());
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        stale.set(true);
        progress.set(None);
        let current = move || generation.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            TimeoutFuture::new(SETTLE_MS).await;
            if !current() {
                return;
            }
            let resources = resources.get();
            let clean = resources.test_digits().batch(&idx);
            let noisy = c.apply_indexed(&clean, &idx);
            let outcome = resources.run_all_on(resources.batch_engine(), &noisy).await;
            if let Some((o, _)) = errors.check(tk("noise-task-batch"), outcome)
                && current()
            {
                let mut next = vec![clean, noisy];
                next.extend(Reconstructor::ALL.map(|m| o.get(m).to_vec()));
                rows.try_set(next);
            }
            if !current() {
                return;
            }
            let outcome = split_means(resources, c, |p| {
                // `try_set` hands the value back when the view has closed: then stop.
                current() && progress.try_set(Some(p.clone())).is_none()
            })
            .await;
            if current()
                && let Some(Some(done)) = errors.check(tk("noise-task-means"), outcome)
            {
                means.try_set(Some(done));
                stale.try_set(false);
            }
        });
    });

    let mean_of = move |k: usize| {
        move || {
            means.with(|m| {
                m.as_ref()
                    .and_then(|m| m.means.mean(k))
                    .map(|v| i18n.num(v, 4))
                    .unwrap_or_else(|| "…".into())
            })
        }
    };
    let status = move || {
        if !stale.get() {
            return means.with(|m| match m {
                Some(MeansProgress {
                    means,
                    engine: Some(e),
                    ms,
                }) => i18n.t_with(
                    "noise-batch-done",
                    &[
                        ("count", means.total.into()),
                        ("ms", num(*ms, 0)),
                        ("engine", e.label().into()),
                    ],
                ),
                _ => String::new(),
            });
        }
        let done = progress.with(|p| p.as_ref().map_or(0, |p| p.means.done));
        let key = if means.with(Option::is_some) {
            tk("noise-batch-computing-stale")
        } else {
            tk("noise-batch-computing")
        };
        i18n.t_with(key, &[("done", done.into()), ("total", test_len.into())])
    };

    view! {
        <section class="batch" data-testid="batch-view">
            <h3>{move || i18n.t("noise-batch-title")}</h3>
            <div class="batch-grid" class:stale=stale>
                <ol class="row-labels" aria-hidden="true">
                    <li>{move || i18n.t("noise-row-clean")}</li>
                    <li>{move || i18n.t("noise-row-corrupted")}</li>
                    {Reconstructor::ALL.map(|m| view! { <li>{move || i18n.t(row_key(m))}</li> }).into_iter().collect_view()}
                </ol>
                <MosaicCanvas
                    rows=rows
                    cols=BATCH_VIEW
                    testid="batch-mosaic"
                    label=Signal::derive(move || i18n.t("noise-batch-label"))
                />
            </div>
            <button data-testid="batch-other" on:click=move |_| seed.set(random_seed(1_000_000))>
                {move || i18n.t("noise-batch-other")}
            </button>
            <h3>{move || i18n.t("noise-means-title")}</h3>
            <table class="means" class:stale=stale>
                <tr>{Reconstructor::ALL.map(|m| view! { <th>{move || i18n.t(model_title(m))}</th> }).into_iter().collect_view()}</tr>
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
