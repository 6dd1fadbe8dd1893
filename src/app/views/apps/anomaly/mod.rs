//! Anomaly detection: an autoencoder trained on digits reconstructs anything else badly. The
//! reconstruction error (AE: MSE; VAE: −ELBO) of the 2,000 test digits against three sets of
//! non-digits — 2,000 Fashion-MNIST images, uniform noise, the test digits turned by 90° — on a
//! histogram, with a threshold (as a percentile of the digits' scores), the true and false
//! positive rates it gives, the ROC curve and AUC per model and set, and the current digit's
//! verdict.

mod charts;

use leptos::prelude::*;

use crate::analysis::roc::{auc, rates_at};
use crate::analysis::scores::percentile;
use crate::app::components::fields::{Choice, RangeField, SelectField};
use crate::app::components::formula::Concept;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::error::EngineError;
use crate::app::engine::evaluate::anomaly_scores;
use crate::app::engine::resources::Resources;
use crate::app::homework::{Homework, use_homework};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{use_current_digit, use_resources};
use crate::app::web::fetch::fetch_bytes;
use crate::app::web::{next_frame, now_ms};
use crate::data::bundle::decode_fashion;
use crate::data::outliers::{rotate_quarter, uniform_noise};
use crate::formula;
use crate::i18n::tk;
use crate::link::value;

/// The score a model gives an image: the larger, the less it looks like the training data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    Ae,
    Vae,
}

impl Model {
    pub const ALL: [Model; 2] = [Model::Ae, Model::Vae];

    pub fn slug(self) -> &'static str {
        match self {
            Model::Ae => "ae",
            Model::Vae => "vae",
        }
    }

    fn from_slug(slug: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.slug() == slug)
    }

    fn name_key(self) -> &'static str {
        match self {
            Model::Ae => tk("apps-anomaly-model-ae"),
            Model::Vae => tk("apps-anomaly-model-vae"),
        }
    }
}

/// A set of images that are not digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outliers {
    Fashion,
    Noise,
    Rotated,
}

impl Outliers {
    pub const ALL: [Outliers; 3] = [Outliers::Fashion, Outliers::Noise, Outliers::Rotated];

    pub fn slug(self) -> &'static str {
        match self {
            Outliers::Fashion => "fashion",
            Outliers::Noise => "noise",
            Outliers::Rotated => "rotated",
        }
    }

    pub fn name_key(self) -> &'static str {
        match self {
            Outliers::Fashion => tk("apps-anomaly-set-fashion"),
            Outliers::Noise => tk("apps-anomaly-set-noise"),
            Outliers::Rotated => tk("apps-anomaly-set-rotated"),
        }
    }
}

/// Every score of one model: the test digits' and each outlier set's.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelScores {
    pub digits: Vec<f32>,
    pub outliers: [Vec<f32>; 3],
}

/// The seed of the noise images (fixed: the same set on every visit).
const NOISE_SEED: u64 = 20241;

/// Scores of `images` under both models (see `evaluate::anomaly_scores`).
async fn score(resources: &Resources, images: &[f32]) -> Result<[Vec<f32>; 2], EngineError> {
    let scores = anomaly_scores(resources, images).await?;
    Ok([scores.ae, scores.vae])
}

/// Both models' scores of the test digits and of the three outlier sets, and the time the
/// scoring took (after the download).
async fn score_all(resources: &Resources) -> Result<([ModelScores; 2], f64), EngineError> {
    let fashion = decode_fashion(&fetch_bytes("static/fashion.bin").await?)
        .map_err(|e| EngineError::BadFile(e.to_string()))?
        .all_images();
    let digits = resources.test_digits().all_images();
    let n = resources.test_digits().len();
    let sets = [
        fashion,
        uniform_noise(n, NOISE_SEED),
        rotate_quarter(&digits),
    ];
    next_frame().await;
    let start = now_ms();
    let [ae_d, vae_d] = score(resources, &digits).await?;
    let (mut ae_o, mut vae_o) = (Vec::new(), Vec::new());
    for images in &sets {
        next_frame().await;
        let [a, v] = score(resources, images).await?;
        ae_o.push(a);
        vae_o.push(v);
    }
    let three = |v: Vec<Vec<f32>>| -> [Vec<f32>; 3] { v.try_into().expect("three sets") };
    let scores = [
        ModelScores {
            digits: ae_d,
            outliers: three(ae_o),
        },
        ModelScores {
            digits: vae_d,
            outliers: three(vae_o),
        },
    ];
    Ok((scores, now_ms() - start))
}

/// Every AUC as a measure a homework task can hand in (`anomaly_auc_ae_fashion`, …).
fn publish_aucs(hw: Homework, scores: &[ModelScores; 2]) {
    hw.app_metrics.try_update(|m| {
        for model in Model::ALL {
            let s = &scores[model as usize];
            for set in Outliers::ALL {
                if let Some(a) = auc(&s.digits, &s.outliers[set as usize]) {
                    m.insert(format!("anomaly_auc_{}_{}", model.slug(), set.slug()), a);
                }
            }
        }
    });
}

#[component]
pub fn AnomalyTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let link = use_link();
    let digit = use_current_digit();
    let errors = TaskErrors::new();
    let model = RwSignal::new(Model::Ae);
    // The threshold as the share of test digits below it (0.95: 5 % of digits flagged).
    let level = RwSignal::new(0.95f32);
    link.bind(
        "model",
        model,
        |t| value::choice(t, Model::from_slug).map(|m| (m, None)),
        |m| m.slug().to_string(),
    );
    link.bind(
        "q",
        level,
        |t| value::number(t, 0.5..=1.0),
        |v| value::write_number(*v),
    );
    let hw = use_homework();
    let scores = RwSignal::new(None::<[ModelScores; 2]>);
    let scores_ms = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        resources.with(|r| r.models_in_use().track());
        scores.set(None);
        scores_ms.set(None);
        leptos::task::spawn_local(async move {
            let outcome = score_all(&resources.get()).await;
            if let Some((s, ms)) = errors.check(tk("apps-anomaly-task-scores"), outcome) {
                publish_aucs(hw, &s);
                scores.try_set(Some(s));
                scores_ms.try_set(Some(ms));
            }
        });
    });
    // The current digit's scores (the drawing, or test digit 0 on an empty pad).
    let current = RwSignal::new(None::<[f32; 2]>);
    Effect::new(move |_| {
        let x = digit
            .input
            .get()
            .unwrap_or_else(|| resources.with(|r| r.test_digits().image(0)));
        leptos::task::spawn_local(async move {
            let outcome = score(&resources.get(), &x).await;
            if let Some([a, v]) = errors.check(tk("apps-anomaly-task-current"), outcome) {
                current.try_set(Some([a[0], v[0]]));
            }
        });
    });
    let chosen =
        Memo::new(move |_| scores.with(|s| s.as_ref().map(|s| s[model.get() as usize].clone())));
    let threshold = Memo::new(move |_| {
        chosen.with(|c| {
            c.as_ref()
                .map(|c| percentile(&c.digits, level.get() as f64))
        })
    });
    let verdict = move || {
        let (Some(t), Some(c)) = (threshold.get(), current.get()) else {
            return None;
        };
        let score = c[model.get() as usize];
        Some((score, score >= t))
    };
    let auc_cell = move |m: Model, set: Outliers| {
        move || {
            scores.with(|s| match s {
                Some(s) => {
                    let ms = &s[m as usize];
                    i18n.num(
                        auc(&ms.digits, &ms.outliers[set as usize]).unwrap_or(f64::NAN),
                        3,
                    )
                }
                None => "…".to_string(),
            })
        }
    };
    let rate_line = move |set: Outliers| {
        move || {
            let (Some(c), Some(t)) = (chosen.get(), threshold.get()) else {
                return String::new();
            };
            let r = rates_at(&c.digits, &c.outliers[set as usize], t);
            i18n.t_with(
                "apps-anomaly-rates",
                &[
                    ("set", crate::i18n::Text::new(set.name_key()).into()),
                    ("tpr", crate::i18n::num(r.tpr, 3)),
                ],
            )
        }
    };
    let fpr = move || {
        let (Some(c), Some(t)) = (chosen.get(), threshold.get()) else {
            return String::new();
        };
        // Any set gives the same false positive rate: it depends on the digits only.
        let r = rates_at(&c.digits, &c.outliers[0], t);
        i18n.t_with("apps-anomaly-fpr", &[("fpr", crate::i18n::num(r.fpr, 3))])
    };
    view! {
        <div class="anomaly-tab">
            <p>{move || i18n.t("apps-anomaly-intro")}</p>
            <Concept
                math=Signal::derive(move || formula::mean_squared_error(None))
                caption=tk("apps-anomaly-concept-ae")
            />
            <Concept math=Signal::derive(move || formula::elbo(None)) caption=tk("apps-anomaly-concept-vae") />
            <div class="toolbar">
                <label>
                    {move || i18n.t("apps-anomaly-model")}" "
                    <SelectField
                        testid="anomaly-model"
                        disabled=Signal::derive(move || link.is_locked("model"))
                        value=Signal::derive(move || model.get().slug().to_string())
                        choices=Model::ALL.into_iter().map(|m| Choice::key(m.slug(), m.name_key())).collect()
                        on_select=Callback::new(move |v: String| {
                            if let Some(m) = Model::from_slug(&v) {
                                model.set(m);
                            }
                        })
                    />
                </label>
                <RangeField
                    label=Signal::derive(move || {
                        i18n.t_with("apps-anomaly-level", &[("percent", crate::i18n::num(level.get() as f64 * 100.0, 1))])
                    })
                    testid="anomaly-threshold"
                    value=Signal::derive(move || level.get() as f64)
                    min=0.5 max=1.0 step=0.005
                    on_value=Callback::new(move |v: f64| level.set(v as f32))
                />
            </div>
            <TaskErrorList errors=errors />
            <Show when=move || scores.with(Option::is_none)>
                <p class="caption" role="status">{move || i18n.t("apps-anomaly-scoring")}</p>
            </Show>
            <charts::Histogram scores=chosen threshold=threshold current=Signal::derive(move || current.get().map(|c| c[model.get() as usize])) />
            <super::Elapsed testid="anomaly-scores-time" key=tk("apps-anomaly-elapsed") ms=scores_ms.into() />
            <p
                class="verdict"
                data-testid="anomaly-verdict"
                data-verdict=move || verdict().map(|(_, a)| if a { "anomaly" } else { "normal" })
                data-score=move || verdict().map(|(s, _)| s.to_string())
            >
                {move || verdict().map(|(s, anomalous)| {
                    let key = if anomalous { tk("apps-anomaly-verdict-anomaly") } else { tk("apps-anomaly-verdict-normal") };
                    i18n.t_with(key, &[("score", crate::i18n::num(s as f64, 4))])
                })}
            </p>
            <p class="caption">{fpr}</p>
            <ul class="caption">
                {Outliers::ALL.into_iter().map(|set| view! { <li>{rate_line(set)}</li> }).collect_view()}
            </ul>
            <charts::Roc scores=chosen />
            <table class="retrieval-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("apps-anomaly-auc")}</th>
                        {Outliers::ALL.into_iter().map(|set| view! { <th scope="col">{move || i18n.t(set.name_key())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Model::ALL.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{move || i18n.t(m.name_key())}</th>
                            {Outliers::ALL.into_iter().map(|set| view! {
                                <td data-testid=format!("anomaly-auc-{}-{}", m.slug(), set.slug())>{auc_cell(m, set)}</td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="caption">{move || i18n.t("apps-anomaly-auc-explain")}</p>
        </div>
    }
}
