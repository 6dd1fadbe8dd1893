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
use crate::app::engine::{Family, PerFamily};
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
use crate::slug::{Slug, Titled};

/// The translation key of the score a model family gives an image (the larger, the less it
/// looks like the training data): the AE's MSE, the VAE's −ELBO.
fn score_key(family: Family) -> &'static str {
    match family {
        Family::Ae => tk("apps-anomaly-model-ae"),
        Family::Vae => tk("apps-anomaly-model-vae"),
    }
}

/// A set of images that are not digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outliers {
    Fashion,
    Noise,
    Rotated,
}

crate::slugs!(Outliers {
    Fashion: "fashion", tk("apps-anomaly-set-fashion");
    Noise: "noise", tk("apps-anomaly-set-noise");
    Rotated: "rotated", tk("apps-anomaly-set-rotated");
});

/// Every score of one model: the test digits' and each outlier set's.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelScores {
    pub digits: Vec<f32>,
    pub outliers: [Vec<f32>; 3],
}

/// The seed of the noise images (fixed: the same set on every visit).
const NOISE_SEED: u64 = 20241;

/// Both models' scores of the test digits and of the three outlier sets, and the time the
/// scoring took (after the download).
async fn score_all(resources: &Resources) -> Result<(PerFamily<ModelScores>, f64), EngineError> {
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
    let digit_scores = anomaly_scores(resources, &digits).await?;
    let (mut ae_o, mut vae_o) = (Vec::new(), Vec::new());
    for images in &sets {
        next_frame().await;
        let PerFamily { ae, vae } = anomaly_scores(resources, images).await?;
        ae_o.push(ae);
        vae_o.push(vae);
    }
    let three = |v: Vec<Vec<f32>>| -> [Vec<f32>; 3] { v.try_into().expect("three sets") };
    let scores = PerFamily {
        ae: ModelScores {
            digits: digit_scores.ae,
            outliers: three(ae_o),
        },
        vae: ModelScores {
            digits: digit_scores.vae,
            outliers: three(vae_o),
        },
    };
    Ok((scores, now_ms() - start))
}

/// Every AUC as a measure a homework task can hand in (`anomaly_auc_ae_fashion`, …).
fn publish_aucs(hw: Homework, scores: &PerFamily<ModelScores>) {
    hw.app_metrics.try_update(|m| {
        for model in Family::ALL {
            let s = &scores[model];
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
    let model = RwSignal::new(Family::Ae);
    // The threshold as the share of test digits below it (0.95: 5 % of digits flagged).
    let level = RwSignal::new(0.95f32);
    link.bind(
        "model",
        model,
        |t| value::choice(t, Family::from_slug).map(|m| (m, None)),
        |m| m.slug().to_string(),
    );
    link.bind(
        "q",
        level,
        |t| value::number(t, 0.5..=1.0),
        |v| value::write_number(*v),
    );
    let hw = use_homework();
    let scores = RwSignal::new(None::<PerFamily<ModelScores>>);
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
    let current = RwSignal::new(None::<PerFamily<f32>>);
    Effect::new(move |_| {
        let x = digit
            .input
            .get()
            .unwrap_or_else(|| resources.with(|r| r.test_digits().image(0)));
        leptos::task::spawn_local(async move {
            let outcome = anomaly_scores(&resources.get(), &x).await;
            if let Some(s) = errors.check(tk("apps-anomaly-task-current"), outcome) {
                current.try_set(Some(PerFamily::new(|family| s[family][0])));
            }
        });
    });
    let chosen = Memo::new(move |_| scores.with(|s| s.as_ref().map(|s| s[model.get()].clone())));
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
        let score = c[model.get()];
        Some((score, score >= t))
    };
    let auc_cell = move |m: Family, set: Outliers| {
        move || {
            scores.with(|s| match s {
                Some(s) => {
                    let ms = &s[m];
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
                    ("set", crate::i18n::Text::new(set.title_key()).into()),
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
                        choices=Family::ALL.into_iter().map(|m| Choice::key(m.slug(), score_key(m))).collect()
                        on_select=Callback::new(move |v: String| {
                            if let Some(m) = Family::from_slug(&v) {
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
            <charts::Histogram scores=chosen threshold=threshold current=Signal::derive(move || current.get().map(|c| c[model.get()])) />
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
                        {Outliers::ALL.into_iter().map(|set| view! { <th scope="col">{move || i18n.t(set.title_key())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Family::ALL.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{move || i18n.t(score_key(m))}</th>
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
