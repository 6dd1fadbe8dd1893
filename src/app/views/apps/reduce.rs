//! Dimensionality reduction: the 2,000 test digits in two dimensions, three ways — PCA-2 of the
//! pixels, the AE-2 code h and the VAE-2 mean μ — with one number of class separation each: the
//! accuracy of a 5-nearest-neighbour vote in the plane (each digit against the other 1,999).

use leptos::prelude::*;

use super::spaces::Space;
use crate::PIXELS;
use crate::analysis::latent_map::{LatentSpaceMap, MapPoints};
use crate::analysis::retrieval::knn_accuracy_leave_one_out;
use crate::app::components::formula::Concept;
use crate::app::components::latent_map::{LatentMap, Markers};
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::{Family, LatentSize};
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::app::web::next_frame;
use crate::formula;
use crate::i18n::tk;
use crate::slug::Slug;

/// Neighbours in the vote.
const K: usize = 5;

/// A space of the tab, with the translation keys of its title and caption.
#[derive(Clone, Copy)]
struct Plane {
    space: Space,
    title: &'static str,
    caption: &'static str,
}

/// The tab's spaces: the two-dimensional ones (PCA-2 and the 2-D codes; the pixels have no
/// picture in a plane).
const PLANES: [Plane; 3] = [
    Plane {
        space: Space::Pca,
        title: tk("apps-reduce-pca"),
        caption: tk("apps-reduce-pca-caption"),
    },
    Plane {
        space: Space::Ae,
        title: tk("apps-reduce-ae"),
        caption: tk("apps-reduce-ae-caption"),
    },
    Plane {
        space: Space::Vae,
        title: tk("apps-reduce-vae"),
        caption: tk("apps-reduce-vae-caption"),
    },
];

/// One space's map and its k-NN accuracy.
#[derive(Clone, Debug, PartialEq)]
struct Reduced {
    map: MapPoints,
    accuracy: f64,
}

fn reduce(points: Vec<[f32; 2]>, labels: &[u8]) -> Reduced {
    let flat: Vec<f32> = points.iter().flatten().copied().collect();
    Reduced {
        accuracy: knn_accuracy_leave_one_out(&flat, labels, 2, K),
        map: MapPoints::new(points, labels),
    }
}

#[component]
pub fn ReduceTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let errors = TaskErrors::new();
    let spaces: [RwSignal<Option<Reduced>>; 3] = std::array::from_fn(|_| RwSignal::new(None));
    let [pca, ae, vae] = spaces;
    // Whenever the models in use change (a lab model may stand in for the AE-2 or VAE-2).
    Effect::new(move |_| {
        resources.with(|r| r.models_in_use().track());
        leptos::task::spawn_local(async move {
            let resources = resources.get();
            let labels = resources.test_digits().labels.clone();
            let images = resources.test_digits().all_images();
            // PCA first: it needs no model, and the page shows progress between the spaces.
            next_frame().await;
            let projected = LatentSpaceMap::fit(&images, PIXELS, &labels).map.points;
            pca.try_set(Some(reduce(projected, &labels)));
            for (family, target) in [(Family::Ae, ae), (Family::Vae, vae)] {
                next_frame().await;
                let engine = resources.batch_engine();
                let outcome = resources
                    .encode_on(engine, family, LatentSize::Two, &images)
                    .await;
                if let Some(codes) = errors.check(tk("apps-reduce-task-encode"), outcome) {
                    let points = codes.mean.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
                    target.try_set(Some(reduce(points, &labels)));
                }
            }
        });
    });
    let panel = move |plane: Plane, state: RwSignal<Option<Reduced>>| {
        let Plane {
            space,
            title,
            caption,
        } = plane;
        let slug = space.slug();
        view! {
            <figure class="reduce-space">
                <figcaption><strong>{move || i18n.t(title)}</strong></figcaption>
                <LatentMap
                    map=Signal::derive(move || state.with(|s| s.as_ref().map(|s| s.map.clone())))
                    markers=Signal::derive(Markers::default)
                    testid=format!("reduce-map-{slug}")
                    label=Signal::derive(move || i18n.t(title))
                />
                <p class="caption">
                    {move || i18n.t("apps-reduce-knn")}" "
                    <strong data-testid=format!("reduce-knn-{slug}")>
                        {move || state.with(|s| match s {
                            Some(s) => i18n.num(s.accuracy, 3),
                            None => "…".to_string(),
                        })}
                    </strong>
                </p>
                <p class="caption">{move || i18n.t(caption)}</p>
            </figure>
        }
    };
    view! {
        <div class="reduce-tab">
            <p>{move || i18n.t("apps-reduce-intro")}</p>
            <Concept
                math=Signal::derive(formula::encoder)
                caption=tk("apps-reduce-concept-encoder")
            />
            <Concept
                math=Signal::derive(formula::pca_projection)
                caption=tk("apps-reduce-concept-pca")
            />
            <TaskErrorList errors=errors />
            <div class="reduce-spaces">
                {PLANES
                    .into_iter()
                    .zip(spaces)
                    .map(|(plane, state)| panel(plane, state))
                    .collect_view()}
            </div>
            <p class="caption">{move || i18n.t_with("apps-reduce-knn-explain", &[("k", K.into())])}</p>
        </div>
    }
}
