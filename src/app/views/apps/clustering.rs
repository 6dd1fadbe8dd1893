//! Clustering: k-means (k-means++ start, seeded, Lloyd iterations to convergence) on the 2,000
//! test digits in pixel space, PCA-16, the AE-16 code and the VAE-16 mean, side by side: purity
//! and normalised mutual information against the labels, the cluster × class table, and each
//! cluster's centre as an image (decoded for the latent spaces, the mean image for pixels).

use leptos::prelude::*;

use super::spaces::Space;
use crate::PIXELS;
use crate::analysis::clustering_metrics::Contingency;
use crate::analysis::kmeans::{KMeans, KMeansOptions, KMeansRun};
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::fields::{NumberField, RangeField};
use crate::app::components::formula::Concept;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::LatentSize;
use crate::app::engine::error::EngineError;
use crate::app::engine::resources::Resources;
use crate::app::homework::{Homework, use_homework};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::use_resources;
use crate::app::web::{next_frame, now_ms};
use crate::formula;
use crate::i18n::tk;
use crate::input::NumberRule;
use crate::link::value;
use crate::slug::{Slug, Titled};

/// One space's clustering, ready to show.
#[derive(Clone, Debug, PartialEq)]
struct Clustered {
    purity: f64,
    nmi: f64,
    table: Contingency,
    /// The centres as 28×28 images.
    centres: Vec<Vec<f32>>,
    /// Lloyd iterations to convergence, and the time k-means took (without the encoding).
    iterations: usize,
    ms: f64,
}

/// k-means in every space, one after another (the page repaints in between).
async fn cluster_all(
    resources: &Resources,
    k: usize,
    seed: u64,
    out: [RwSignal<Option<Clustered>>; 4],
    hw: Homework,
    is_current: impl Fn() -> bool,
) -> Result<(), EngineError> {
    let images = resources.test_digits().all_images();
    let labels = &resources.test_digits().labels;
    for space in Space::ALL {
        next_frame().await;
        // A newer k or seed (or model) started another clustering: leave it the signals.
        if !is_current() {
            return Ok(());
        }
        let (vectors, dim) = space.vectors(resources, &images).await?;
        let (result, ms) = kmeans_yielding(&vectors, dim, k, seed).await;
        // Centres as images: decoded in the code spaces, back through PCA, or as they are.
        let centres: Vec<f32> = match (space, space.family()) {
            (_, Some(family)) => {
                resources
                    .decode_on(
                        resources.batch_engine(),
                        family,
                        LatentSize::Sixteen,
                        &result.centres,
                    )
                    .await?
            }
            (Space::Pca, None) => {
                let pca = resources.pixel_pca().await?;
                result
                    .centres
                    .chunks_exact(dim)
                    .flat_map(|c| pca.reconstruct(c))
                    .collect()
            }
            _ => result.centres.clone(),
        };
        let centres = centres.chunks_exact(PIXELS).map(<[f32]>::to_vec).collect();
        let table = Contingency::from_labels(&result.assignments, labels);
        if !is_current() {
            return Ok(());
        }
        publish_metrics(hw, space, &table);
        out[space.index()].try_set(Some(Clustered {
            purity: table.purity(),
            nmi: table.nmi(),
            table,
            centres,
            iterations: result.iterations,
            ms,
        }));
    }
    Ok(())
}

/// Purity and NMI as measures a homework task can hand in (`kmeans_purity_ae`, …).
fn publish_metrics(hw: Homework, space: Space, table: &Contingency) {
    let slug = space.slug();
    hw.app_metrics.try_update(|m| {
        m.insert(format!("kmeans_purity_{slug}"), table.purity());
        m.insert(format!("kmeans_nmi_{slug}"), table.nmi());
    });
}

/// k-means on `vectors`, handing the page back to the browser whenever a stretch of Lloyd
/// iterations has run for a while (pixel space takes about a second); returns the clustering and
/// the milliseconds spent computing (without the pauses).
async fn kmeans_yielding(vectors: &[f32], dim: usize, k: usize, seed: u64) -> (KMeans, f64) {
    const SLICE_MS: f64 = 40.0;
    let mut computing = 0.0;
    let mut slice_start = now_ms();
    let mut run = KMeansRun::new(vectors, dim, &KMeansOptions::new(k, seed));
    while !run.step(vectors) {
        let now = now_ms();
        if now - slice_start > SLICE_MS {
            computing += now - slice_start;
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice_start = now_ms();
        }
    }
    let result = run.finish(vectors);
    (result, computing + now_ms() - slice_start)
}

const K_RULE: NumberRule = NumberRule::integer(2.0, 20.0);
const SEED_MAX: u64 = 999_999;

#[component]
pub fn ClusteringTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let link = use_link();
    let errors = TaskErrors::new();
    let k = RwSignal::new(10usize);
    let seed = RwSignal::new(1u64);
    link.bind(
        "k",
        k,
        |t| value::whole(t, 2..=20).map(|(v, i)| (v as usize, i)),
        |v| v.to_string(),
    );
    link.bind(
        "seed",
        seed,
        |t| value::whole(t, 0..=SEED_MAX),
        |v| v.to_string(),
    );
    let results: [RwSignal<Option<Clustered>>; 4] = std::array::from_fn(|_| RwSignal::new(None));
    let total_ms = RwSignal::new(None::<f64>);
    let hw = use_homework();
    // Which clustering is the newest (an older one still running stops writing).
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let (k, seed) = (k.get(), seed.get());
        resources.with(|r| r.models_in_use().track());
        results.iter().for_each(|r| r.set(None));
        total_ms.set(None);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let is_current = move || generation.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            let start = now_ms();
            let outcome = cluster_all(&resources.get(), k, seed, results, hw, is_current).await;
            if errors.check(tk("apps-cluster-task"), outcome).is_some() && is_current() {
                total_ms.try_set(Some(now_ms() - start));
            }
        });
    });
    let panel = move |space: Space| {
        let slug = space.slug();
        let state = results[space.index()];
        let number = move |f: fn(&Clustered) -> f64| {
            move || {
                state.with(|s| match s {
                    Some(s) => i18n.num(f(s), 3),
                    None => "…".to_string(),
                })
            }
        };
        view! {
            <figure class="cluster-space">
                <figcaption><strong>{move || i18n.t(space.title_key())}</strong></figcaption>
                <p class="caption">
                    {move || i18n.t("apps-cluster-purity")}" "
                    <strong data-testid=format!("kmeans-purity-{slug}")>{number(|s| s.purity)}</strong>
                    " · "{move || i18n.t("apps-cluster-nmi")}" "
                    <strong data-testid=format!("kmeans-nmi-{slug}")>{number(|s| s.nmi)}</strong>
                </p>
                <p class="caption" data-testid=format!("kmeans-time-{slug}") data-ms=move || state.with(|s| s.as_ref().map(|s| format!("{:.1}", s.ms)))>
                    {move || state.with(|s| s.as_ref().map(|s| i18n.t_with("apps-cluster-time", &[
                        ("iterations", s.iterations.into()),
                        ("ms", crate::i18n::num(s.ms, 0)),
                    ])))}
                </p>
                <MosaicCanvas
                    rows=Signal::derive(move || state.with(|s| s.as_ref().map(|s| vec![s.centres.concat()]).unwrap_or_default()))
                    cols=Signal::derive(move || state.with(|s| s.as_ref().map_or(1, |s| s.centres.len())))
                    testid=format!("kmeans-centres-{slug}")
                    label=Signal::derive(move || i18n.t("apps-cluster-centres"))
                />
                <details>
                    <summary>{move || i18n.t("apps-cluster-table")}</summary>
                    {move || state.with(|s| s.as_ref().map(|s| contingency_table(&s.table, slug)))}
                </details>
            </figure>
        }
    };
    view! {
        <div class="clustering-tab">
            <p>{move || i18n.t("apps-cluster-intro")}</p>
            <Concept math=Signal::derive(formula::kmeans_objective) caption=tk("apps-cluster-concept") />
            <div class="toolbar">
                <RangeField
                    label=Signal::derive(move || i18n.t_with("apps-cluster-k", &[("k", k.get().into())]))
                    testid="kmeans-k"
                    disabled=Signal::derive(move || link.is_locked("k"))
                    value=Signal::derive(move || k.get() as f64)
                    min=K_RULE.min max=K_RULE.max step=1.0
                    live=false
                    on_value=Callback::new(move |v: f64| k.set(v.round() as usize))
                />
                <NumberField
                    label=Signal::derive(move || i18n.t("apps-cluster-seed"))
                    testid="kmeans-seed"
                    disabled=Signal::derive(move || link.is_locked("seed"))
                    value=Signal::derive(move || seed.get() as f64)
                    rule=NumberRule::integer(0.0, SEED_MAX as f64)
                    step="1"
                    on_commit=Callback::new(move |v: f64| seed.set(v as u64))
                />
            </div>
            <TaskErrorList errors=errors />
            <div class="reduce-spaces">{Space::ALL.into_iter().map(panel).collect_view()}</div>
            <super::Elapsed testid="kmeans-total-time" key=tk("apps-cluster-elapsed") ms=total_ms.into() />
            <p class="caption">{move || i18n.t("apps-cluster-explain")}</p>
        </div>
    }
}

/// The cluster × class counts, a row per cluster.
fn contingency_table(table: &Contingency, slug: &'static str) -> impl IntoView + use<> {
    let header = (0..table.classes)
        .map(|c| view! { <th scope="col">{c}</th> })
        .collect_view();
    let rows = (0..table.clusters)
        .map(|cluster| {
            let cells = table
                .row(cluster)
                .iter()
                .map(|n| view! { <td>{*n}</td> })
                .collect_view();
            view! { <tr><th scope="row">{cluster + 1}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="contingency" data-testid=format!("kmeans-table-{slug}")>
            <thead><tr><th></th>{header}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
