//! Information retrieval with the bottleneck's descriptors: the query (the current digit) against
//! the 8,000 training digits in four spaces — pixels, PCA-16, the AE-16 code h and the VAE-16
//! mean μ — by Euclidean distance. The table measures precision@10 with every test digit as a
//! query, one Burn matmul per block of queries on the engine in use.

use std::sync::Arc;

use leptos::prelude::*;

use super::spaces::Space;
use crate::analysis::retrieval::{Neighbour, nearest, precision_at_k};
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::formula::Concept;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::error::EngineError;
use crate::app::engine::resources::Resources;
use crate::app::engine::search::TensorGallery;
use crate::app::homework::use_homework;
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{use_current_digit, use_resources};
use crate::app::web::{next_frame, now_ms, random_index};
use crate::formula;
use crate::i18n::tk;
use crate::link::digit::DigitRef;
use crate::slug::{Slug, Titled};

/// Neighbours shown and scored.
const K: usize = 10;

/// The training digits in every space (the gallery): per space, the vectors and their length.
struct Galleries {
    vectors: [(Vec<f32>, usize); 4],
}

impl Galleries {
    async fn build(resources: &Resources) -> Result<Self, EngineError> {
        Ok(Self {
            vectors: in_every_space(
                resources,
                &resources.training_digits().wait().await?.all_images(),
            )
            .await?,
        })
    }
}

/// `images` (n × 784) in every space.
async fn in_every_space(
    resources: &Resources,
    images: &[f32],
) -> Result<[(Vec<f32>, usize); 4], EngineError> {
    let mut out = Vec::new();
    for space in Space::ALL {
        out.push(space.vectors(resources, images).await?);
    }
    Ok(out.try_into().expect("four spaces"))
}

/// One space's row of the table.
#[derive(Clone, Debug, PartialEq)]
struct Score {
    precision: f64,
    ms_per_query: f64,
}

#[component]
pub fn RetrievalTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let link = use_link();
    let digit = use_current_digit();
    let errors = TaskErrors::new();
    let hw = use_homework();
    let tests = resources.with(|r| r.test_digits().len());
    let (query, query_image) = digit.bind_view_digit(resources, link);

    let galleries = RwSignal::new(None::<Arc<Galleries>>);
    let results = RwSignal::new(None::<[Vec<Neighbour>; 4]>);
    let scores = RwSignal::new(None::<[Score; 4]>);
    let progress = RwSignal::new(0.0f64);
    let table_ms = RwSignal::new(None::<f64>);
    // The gallery in every space, again whenever the models in use change.
    Effect::new(move |_| {
        resources.with(|r| r.models_in_use().track());
        galleries.set(None);
        scores.set(None);
        leptos::task::spawn_local(async move {
            next_frame().await;
            let resources = resources.get();
            let built = Galleries::build(&resources).await;
            if let Some(g) = errors.check(tk("apps-retrieval-task-gallery"), built) {
                galleries.try_set(Some(Arc::new(g)));
            }
        });
    });
    // The query's neighbours (one query: plain Rust is quick enough).
    Effect::new(move |_| {
        let Some(g) = galleries.get() else {
            return;
        };
        let x = query_image.get();
        leptos::task::spawn_local(async move {
            let resources = resources.get();
            let outcome = in_every_space(&resources, &x).await;
            if let Some(q) = errors.check(tk("apps-retrieval-task-query"), outcome) {
                let found = std::array::from_fn(|s| {
                    let (gallery, dim) = &g.vectors[s];
                    nearest(&q[s].0, gallery, *dim, K).remove(0)
                });
                results.try_set(Some(found));
            }
        });
    });
    // The table: every test digit as a query, in every space.
    let measure = move |_| {
        let Some(g) = galleries.get_untracked() else {
            return;
        };
        scores.set(None);
        table_ms.set(None);
        progress.set(0.0);
        leptos::task::spawn_local(async move {
            let resources = resources.get();
            let start = now_ms();
            let outcome = measure_all(&resources, &g, progress).await;
            if let Some(s) = errors.check(tk("apps-retrieval-task-table"), outcome) {
                hw.app_metrics.try_update(|m| {
                    for space in Space::ALL {
                        m.insert(
                            format!("retrieval_precision_{}", space.slug()),
                            s[space.index()].precision,
                        );
                    }
                });
                scores.try_set(Some(s));
                table_ms.try_set(Some(now_ms() - start));
            }
        });
    };

    let result_row = move |space: Space| {
        let slug = space.slug();
        view! {
            <div class="retrieval-row">
                <strong>{move || i18n.t(space.title_key())}</strong>
                <div class="retrieval-results" data-testid=format!("retrieval-results-{slug}")>
                    {move || {
                        results.with(|r| {
                            r.as_ref().map(|r| {
                                r[space.index()]
                                    .iter()
                                    .filter_map(|n| {
                                        // Results exist only once the training digits are there.
                                        let (image, label) = resources.with(|l| {
                                            l.training_digits().get().map(|t| (t.image(n.index), t.labels[n.index]))
                                        })?;
                                        Some(view! {
                                            <span class="result" data-label=label.to_string()>
                                                <DigitCanvas
                                                    pixels=Signal::stored(Some(image))
                                                    testid=format!("retrieval-{slug}-{}", n.index)
                                                    label=Signal::derive(move || {
                                                        i18n.t_with("apps-retrieval-result-label", &[("label", (label as usize).into())])
                                                    })
                                                />
                                            </span>
                                        })
                                    })
                                    .collect_view()
                            })
                        })
                    }}
                </div>
            </div>
        }
    };
    let table_row = move |space: Space| {
        let slug = space.slug();
        let cell = move |f: fn(&Score) -> f64, decimals: usize| {
            move || {
                scores.with(|s| match s {
                    Some(s) => i18n.num(f(&s[space.index()]), decimals),
                    None => "—".to_string(),
                })
            }
        };
        view! {
            <tr>
                <th scope="row">{move || i18n.t(space.title_key())}</th>
                <td data-testid=format!("retrieval-precision-{slug}")>{cell(|s| s.precision, 3)}</td>
                <td data-testid=format!("retrieval-ms-{slug}")>{cell(|s| s.ms_per_query, 3)}</td>
            </tr>
        }
    };
    let random_query = move |_| query.set(DigitRef::Test(random_index(tests)));
    let use_drawing = move |_| {
        if let DigitRef::Pixels(p) = digit.as_link_untracked() {
            query.set(DigitRef::Pixels(p));
        }
    };
    view! {
        <div class="retrieval-tab">
            <p>{move || i18n.t("apps-retrieval-intro")}</p>
            <Concept math=Signal::derive(formula::encoder) caption=tk("apps-retrieval-concept-encoder") />
            <Concept math=Signal::derive(formula::euclidean_distance) caption=tk("apps-retrieval-concept-distance") />
            <div class="toolbar">
                <span>{move || i18n.t("apps-retrieval-query")}</span>
                <DigitCanvas
                    pixels=Signal::derive(move || Some(query_image.get()))
                    testid="retrieval-query"
                    label=Signal::derive(move || i18n.t("apps-retrieval-query"))
                />
                <button on:click=use_drawing>{move || i18n.t("apps-use-drawing")}</button>
                <button data-testid="retrieval-random" on:click=random_query>{move || i18n.t("apps-random-digit")}</button>
            </div>
            <TaskErrorList errors=errors />
            <Show when=move || galleries.with(Option::is_none)>
                <p class="caption" role="status">{move || i18n.t("apps-retrieval-building")}</p>
            </Show>
            {Space::ALL.into_iter().map(result_row).collect_view()}
            <h3>{move || i18n.t("apps-retrieval-table-title")}</h3>
            <p class="caption">{move || i18n.t("apps-retrieval-table-explain")}</p>
            <button
                data-testid="retrieval-measure"
                disabled=move || galleries.with(Option::is_none)
                on:click=measure
            >
                {move || i18n.t("apps-retrieval-measure")}
            </button>
            <progress
                max="1"
                value=move || progress.get().to_string()
                aria-label=move || i18n.t("apps-retrieval-progress")
            ></progress>
            <table class="retrieval-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("apps-retrieval-space")}</th>
                        <th scope="col">{move || i18n.t("apps-retrieval-precision")}</th>
                        <th scope="col">{move || i18n.t("apps-retrieval-ms")}</th>
                    </tr>
                </thead>
                <tbody>{Space::ALL.into_iter().map(table_row).collect_view()}</tbody>
            </table>
            <super::Elapsed testid="retrieval-table-time" key=tk("apps-retrieval-elapsed") ms=table_ms.into() />
        </div>
    }
}

/// Precision@10 of the test split against the training digits in each space, with the time per
/// query; `progress` goes from 0 to 1 over the four spaces.
async fn measure_all(
    resources: &Resources,
    g: &Galleries,
    progress: RwSignal<f64>,
) -> Result<[Score; 4], EngineError> {
    let train = resources.training_digits().wait().await?;
    let images = resources.test_digits().all_images();
    let n = resources.test_digits().len();
    let queries = in_every_space(resources, &images).await?;
    let mut scores = Vec::new();
    for space in Space::ALL {
        let s = space.index();
        let (gallery, dim) = &g.vectors[s];
        let start = now_ms();
        // On the engine in use (the CPU if WebGPU fails on the way).
        let (found, _) = resources
            .run(resources.batch_engine(), |models| {
                let queries = &queries[s].0;
                async move {
                    TensorGallery::new(gallery, *dim, &models.device)
                        .nearest(queries, K, |done| {
                            progress.try_set((s as f64 + done as f64 / n as f64) / 4.0);
                        })
                        .await
                }
            })
            .await?;
        let ms = now_ms() - start;
        scores.push(Score {
            precision: precision_at_k(&found, &resources.test_digits().labels, &train.labels, K),
            ms_per_query: ms / n as f64,
        });
        next_frame().await;
    }
    progress.try_set(1.0);
    Ok(scores.try_into().expect("four spaces"))
}
