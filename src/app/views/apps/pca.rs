//! PCA and the linear autoencoder: the lecture's "decodor liniar + MSE ⇒ autoencoderul învață
//! același subspațiu ca un PCA", measured. The shipped linear AE-16 (no activation anywhere,
//! trained on squared error) beside PCA-16 of the training pixels: reconstructions, test MSEs and
//! the principal angles between the two 16-D subspaces; the nonlinear AE-16 for contrast.

use leptos::prelude::*;

use super::models::AppModel;
use crate::PIXELS;
use crate::analysis::metrics::mse;
use crate::analysis::subspace::principal_angles;
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::formula::Concept;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::error::EngineError;
use crate::app::engine::resources::Resources;
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::app::web::next_frame;
use crate::formula;
use crate::i18n::tk;
use crate::model::pretrained::Shipped;

/// Test digits shown side by side.
const SHOWN: usize = 8;

/// Everything the tab shows, measured in the browser.
#[derive(Clone, Debug, PartialEq)]
struct Comparison {
    /// Originals, PCA-16, linear AE-16, AE-16 reconstructions of the first test digits.
    rows: Vec<Vec<f32>>,
    pca_mse: f64,
    linear_mse: f64,
    ae_mse: f64,
    /// Principal angles between the two subspaces, in degrees, smallest first.
    angles: Vec<f64>,
}

async fn compare(resources: &Resources) -> Result<Comparison, EngineError> {
    let linear = AppModel::load(Shipped::Linear16).await?;
    next_frame().await;
    let pca = resources.pixel_pca().await?.clone();
    let images = resources.test_digits().all_images();
    let mut linear_out = linear.run(&images).await?;
    // A linear decoder is not confined to [0, 1]: clip as a screen (and PCA's output) would.
    linear_out.iter_mut().for_each(|v| *v = v.clamp(0.0, 1.0));
    let pca_out: Vec<f32> = images
        .chunks_exact(PIXELS)
        .flat_map(|x| {
            let mut r = pca.reconstruct(&pca.project(x));
            r.iter_mut().for_each(|v| *v = v.clamp(0.0, 1.0));
            r
        })
        .collect();
    let (ae, _) = resources
        .reconstruct_both_on(resources.batch_engine(), &images)
        .await?;
    let basis: Vec<f32> = pca.components.iter().flatten().copied().collect();
    let angles = principal_angles(&linear.decoder_rows().await?, &basis, PIXELS);
    let first = |all: &[f32]| all[..SHOWN * PIXELS].to_vec();
    Ok(Comparison {
        rows: vec![
            first(&images),
            first(&pca_out),
            first(&linear_out),
            first(&ae.ae),
        ],
        pca_mse: mse(&pca_out, &images),
        linear_mse: mse(&linear_out, &images),
        ae_mse: mse(&ae.ae, &images),
        angles,
    })
}

#[component]
pub fn PcaTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let errors = TaskErrors::new();
    let result = RwSignal::new(None::<Comparison>);
    Effect::new(move |_| {
        resources.with(|r| r.models_in_use().track());
        leptos::task::spawn_local(async move {
            next_frame().await;
            let outcome = compare(&resources.get()).await;
            if let Some(c) = errors.check(tk("apps-pca-task"), outcome) {
                result.try_set(Some(c));
            }
        });
    });
    let number = move |f: fn(&Comparison) -> f64, decimals: usize| {
        move || {
            result.with(|r| match r {
                Some(c) => i18n.num(f(c), decimals),
                None => "…".to_string(),
            })
        }
    };
    view! {
        <div class="pca-tab">
            <p>{move || i18n.t("apps-pca-intro")}</p>
            <Concept math=Signal::derive(formula::pca_projection) caption=tk("apps-pca-concept-pca") />
            <Concept
                math=Signal::derive(move || formula::mean_squared_error(None))
                caption=tk("apps-pca-concept-mse")
            />
            <TaskErrorList errors=errors />
            <figure>
                <MosaicCanvas
                    rows=Signal::derive(move || result.with(|r| r.as_ref().map(|c| c.rows.clone()).unwrap_or_default()))
                    cols=SHOWN
                    testid="pca-mosaic"
                    label=Signal::derive(move || i18n.t("apps-pca-mosaic-label"))
                />
                <figcaption>{move || i18n.t("apps-pca-mosaic-caption")}</figcaption>
            </figure>
            <table class="retrieval-table">
                <tbody>
                    <tr>
                        <th scope="row">{move || i18n.t("apps-pca-mse-pca")}</th>
                        <td data-testid="pca-mse-pca">{number(|c| c.pca_mse, 5)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || i18n.t("apps-pca-mse-linear")}</th>
                        <td data-testid="pca-mse-linear">{number(|c| c.linear_mse, 5)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || i18n.t("apps-pca-mse-ae")}</th>
                        <td data-testid="pca-mse-ae">{number(|c| c.ae_mse, 5)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || i18n.t("apps-pca-max-angle")}</th>
                        <td data-testid="subspace-max-angle">
                            {number(|c| c.angles.last().copied().unwrap_or(f64::NAN), 2)}
                        </td>
                    </tr>
                </tbody>
            </table>
            <p class="caption">{move || i18n.t("apps-pca-angles-explain")}</p>
        </div>
    }
}
