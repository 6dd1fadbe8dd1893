//! The training form. Every field shows a value derived from the session's configuration, the
//! one source of truth, and edits it in place: after an import, a restore, a preset or a link,
//! the form shows exactly what the next run will train. Beside the model kind stands its loss,
//! as the course writes it, with the live weights and, while it trains, the live values.

use leptos::prelude::*;

use crate::PIXELS;
use crate::app::components::fields::{Choice, NumberField, NumberRule, SelectField};
use crate::app::components::formula::{Concept, Formula};
use crate::app::engine::EngineChoice;
use crate::app::engine::training::TrainSession;
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{use_resources, use_session};
use crate::formula;
use crate::i18n::{Arg, Decimals, Text, tk};
use crate::model::history::HistoryPoint;
use crate::model::lab::{Activation, KindParam, LabConfig, LabKind, format_hidden, parse_hidden};
use crate::slug::Slug;
use crate::train::presets::presets;

fn param_label(param: KindParam) -> &'static str {
    match param {
        KindParam::Beta => tk("train-param-beta"),
        KindParam::Sigma => tk("train-param-sigma"),
        KindParam::Lambda => tk("train-param-lambda"),
        KindParam::Rho => tk("train-param-rho"),
    }
}

fn param_testid(param: KindParam) -> &'static str {
    match param {
        KindParam::Beta => "train-beta",
        KindParam::Sigma => "train-sigma",
        KindParam::Lambda => "train-lambda",
        KindParam::Rho => "train-rho",
    }
}

/// The link key of a kind's weight (as `link.rs` binds it).
fn param_key(param: KindParam) -> &'static str {
    match param {
        KindParam::Beta => "beta",
        KindParam::Sigma => "sigma",
        KindParam::Lambda => "lambda",
        KindParam::Rho => "rho",
    }
}

/// A control that is off while training runs, or for good while a homework task locks its key.
fn unless_locked(running: Signal<bool>, key: &'static str) -> Signal<bool> {
    let link = use_link();
    Signal::derive(move || running.get() || link.is_locked(key))
}

fn activation_title(activation: Activation) -> &'static str {
    match activation {
        Activation::Relu => tk("train-activation-relu"),
        Activation::Tanh => tk("train-activation-tanh"),
        Activation::Sigmoid => tk("train-activation-sigmoid"),
        Activation::Identity => tk("train-activation-none"),
    }
}

/// A weight as a message argument: as many decimals as it has (up to 4).
fn weight(value: f64) -> Arg {
    Arg::Num(value, Decimals::UpTo(4))
}

/// What the kind trains, in words, quoting its live weights (the formulas stand beside it).
fn kind_note(kind: &LabKind) -> Text {
    match *kind {
        LabKind::Ae => Text::new("train-loss-ae"),
        LabKind::Vae { beta } => Text::new("train-loss-vae").with("beta", weight(beta)),
        LabKind::Denoising { sigma } => {
            Text::new("train-loss-denoising").with("sigma", weight(sigma as f64))
        }
        LabKind::SparseL1 { lambda } => {
            Text::new("train-loss-sparse-l1").with("lambda", weight(lambda))
        }
        LabKind::SparseKl { rho, lambda } => Text::new("train-loss-sparse-kl")
            .with("rho", weight(rho))
            .with("lambda", weight(lambda)),
        LabKind::Contractive { lambda } => {
            Text::new("train-loss-contractive").with("lambda", weight(lambda))
        }
        LabKind::Linear => Text::new("train-loss-linear"),
    }
}

/// The formulas of the kind's loss. `live`: the latest training losses of this very
/// configuration (none before it trains, or once the settings changed after a run).
fn kind_formulas(
    kind: &LabKind,
    live: Option<&HistoryPoint>,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    let reconstruction =
        || formula::reconstruction_loss(live.map(|p| (f64::from(p.train_reconstruction), lang)));
    let penalty = live.and_then(|p| p.train_penalty).map(f64::from);
    match *kind {
        LabKind::Ae => vec![reconstruction(), formula::binary_cross_entropy()],
        LabKind::Linear => vec![formula::mean_squared_error(None)],
        LabKind::Vae { .. } => {
            let kl = live.and_then(|p| p.train_kl.map(|kl| (p.train_reconstruction, kl)));
            vec![
                formula::elbo(kl.map(|(rec, kl)| (f64::from(rec), f64::from(kl), lang))),
                formula::gaussian_kl(kl.map(|(_, kl)| (f64::from(kl), lang))),
                formula::reparameterisation(None),
            ]
        }
        LabKind::Denoising { .. } => vec![formula::denoising()],
        LabKind::SparseL1 { lambda } => vec![
            reconstruction(),
            formula::sparse_l1(Some(lambda), penalty, lang),
        ],
        LabKind::SparseKl { rho, .. } => {
            vec![reconstruction(), formula::sparse_kl(Some(rho), lang)]
        }
        LabKind::Contractive { lambda } => {
            vec![reconstruction(), formula::contractive(Some(lambda), lang)]
        }
    }
}

#[component]
pub fn TrainForm() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let config = session.config;
    let running = Signal::derive(move || session.state.get().is_active());
    let has_gpu = use_resources().with(|r| r.has_webgpu());
    let edit = move |f: &dyn Fn(&mut LabConfig)| config.update(|c| f(c));
    // The preset whose configuration is on screen, if any: edits turn it into "your own settings".
    let preset = Memo::new(move |_| {
        config
            .with(|c| presets().into_iter().find(|p| p.config == *c))
            .map(|p| (p.slug, p.hint))
    });
    let hidden_error = RwSignal::new(None::<Text>);
    // Only a change of kind rebuilds the weight fields and the formulas (not every edit).
    let kind_params = Memo::new(move |_| config.with(|c| c.kind.params()));
    let kind_slug = Memo::new(move |_| config.with(|c| c.kind.slug()));
    let live = live_losses(session);

    view! {
        <h2>{move || i18n.t("train-form-model")}</h2>
        <label>{move || i18n.t("train-preset")}" "
            <SelectField
                testid="train-preset"
                disabled=Signal::derive(move || running.get() || use_link().has_locks())
                value=Signal::derive(move || preset.get().map(|p| p.0).unwrap_or("").to_string())
                choices=std::iter::once(Choice::key("", tk("train-preset-own")))
                    .chain(presets().into_iter().map(|p| Choice::key(p.slug, p.title)))
                    .collect()
                on_select=Callback::new(move |v: String| {
                    if let Some(p) = presets().into_iter().find(|p| p.slug == v) {
                        config.set(p.config);
                    }
                })
            />
        </label>
        {move || preset.get().map(|(_, hint)| view! {
            <p class="hint" data-testid="train-hint">{move || i18n.t(hint)}</p>
        })}
        <label>{move || i18n.t("train-kind")}" "
            <SelectField
                testid="train-kind"
                disabled=unless_locked(running, "kind")
                value=Signal::derive(move || kind_slug.get().to_string())
                choices=LabKind::defaults().iter().map(|k| Choice::key(k.slug(), k.name_key())).collect()
                on_select=Callback::new(move |v: String| {
                    if let Some(kind) = LabKind::from_slug(&v) {
                        edit(&|c| c.kind = kind.clone());
                    }
                })
            />
        </label>
        {move || kind_params.get().iter().map(|&param| {
            let (min, max) = param.range();
            view! {
                <NumberField
                    label=Signal::derive(move || i18n.t(param_label(param)))
                    testid=param_testid(param)
                    value=Signal::derive(move || config.with(|c| c.kind.param(param).unwrap_or_default()))
                    rule=NumberRule::real(min, max)
                    disabled=unless_locked(running, param_key(param))
                    on_commit=Callback::new(move |v: f64| edit(&|c| { c.kind.set_param(param, v); }))
                />
            }
        }).collect_view()}
        <div class="kind-loss" data-testid="train-kind-note">
            {move || {
                kind_slug.track();
                let count = config.with_untracked(|c| {
                    kind_formulas(&c.kind, None, i18n.lang_signal().get_untracked()).len()
                });
                (0..count).map(|i| {
                    let math = Signal::derive(move || {
                        let lang = i18n.lang();
                        live.with(|p| config.with(|c| kind_formulas(&c.kind, p.as_ref(), lang)))
                            .into_iter()
                            .nth(i)
                            .unwrap_or_default()
                    });
                    view! { <Formula math=math /> }
                }).collect_view()
            }}
            <p class="caption wide">{move || config.with(|c| i18n.text(&kind_note(&c.kind)))}</p>
            {move || {
                let shows_value = config.with(|c| matches!(c.kind, LabKind::SparseKl { .. } | LabKind::Contractive { .. }));
                live.with(|p| p.as_ref().and_then(|p| p.train_penalty))
                    .filter(|_| shows_value)
                    .map(|v| view! {
                        <p class="caption wide" data-testid="train-penalty-live">
                            {move || i18n.t_with("train-penalty-live", &[("value", crate::i18n::num(v, 4))])}
                        </p>
                    })
            }}
        </div>
        <Show when=move || config.with(|c| c.kind.uses_hidden_widths())>
        <label>{move || i18n.t("train-hidden")}" "
            <input type="text" data-testid="train-hidden" prop:disabled=unless_locked(running, "hidden")
                prop:value=move || config.with(|c| format_hidden(&c.hidden))
                on:change=move |ev| match parse_hidden(&event_target_value(&ev)) {
                    Ok(h) => { hidden_error.set(None); edit(&|c| c.hidden = h.clone()); }
                    Err(entry) => hidden_error.set(Some(Text::new("train-hidden-bad").with("entry", entry))),
                } />
            {move || hidden_error.get().map(|e| view! {
                <span class="field-error" role="alert" data-testid="train-hidden-error">{move || i18n.text(&e)}</span>
            })}
        </label>
        </Show>
        <LatentField session=session running=running />
        <label>{move || i18n.t("train-activation")}" "
            <SelectField
                testid="train-activation"
                disabled=Signal::derive({
                    let locked = unless_locked(running, "act");
                    move || locked.get() || !config.with(|c| c.kind.uses_activation())
                })
                value=Signal::derive(move || config.with(|c| {
                    let shown = if c.kind.uses_activation() { c.activation } else { Activation::Identity };
                    shown.slug().to_string()
                }))
                choices=Activation::CHOICES
                    .iter()
                    .map(|&a| Choice::key(a.slug(), activation_title(a)))
                    .chain(std::iter::once(Choice::key(Activation::Identity.slug(), activation_title(Activation::Identity)).hidden()))
                    .collect()
                on_select=Callback::new(move |v: String| {
                    if let Some(a) = Activation::from_slug(&v) {
                        edit(&|c| c.activation = a);
                    }
                })
            />
        </label>
        <TrainingFields session=session running=running has_gpu=has_gpu />
    }
}

/// The latest training losses, while they belong to the configuration on screen: the settings
/// the model was trained with are remembered at each step, so a setting changed after a run
/// hides the old run's values instead of quoting them under the new weights.
fn live_losses(session: TrainSession) -> Memo<Option<HistoryPoint>> {
    let trained_with = RwSignal::new(None::<LabConfig>);
    Effect::new(move |_| {
        if session.step.get() > 0 {
            trained_with.set(Some(session.config.get_untracked()));
        }
    });
    Memo::new(move |_| {
        let same = trained_with.with(|t| session.config.with(|c| t.as_ref() == Some(c)));
        same.then(|| session.history.with(|h| h.last().cloned()))
            .flatten()
    })
}

/// dim(h), with the course's bottleneck beside it: undercomplete or overcomplete, live.
#[component]
fn LatentField(session: TrainSession, running: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let config = session.config;
    let latent = Memo::new(move |_| config.with(|c| c.latent));
    // Only crossing 784 changes the sentence.
    let under = Memo::new(move |_| latent.get() < PIXELS);
    view! {
        <NumberField
            label=Signal::derive(move || {
                let key = if under.get() { tk("train-latent-under") } else { tk("train-latent-over") };
                i18n.t_with(key, &[("latent", latent.get().into())])
            })
            testid="train-latent"
            value=Signal::derive(move || latent.get() as f64)
            rule=NumberRule::integer(1.0, 1024.0)
            step="1"
            disabled=unless_locked(running, "latent")
            on_commit=Callback::new(move |v: f64| config.update(|c| c.latent = v as usize))
        />
        <div data-testid="train-bottleneck">
            {move || {
                let math = Signal::derive(move || formula::bottleneck(latent.get(), PIXELS, i18n.lang()));
                let caption = if under.get() { tk("train-bottleneck-under") } else { tk("train-bottleneck-over") };
                view! { <Concept math=math caption=caption /> }
            }}
        </div>
    }
}

/// The optimiser's settings and the engine to train on.
#[component]
fn TrainingFields(session: TrainSession, running: Signal<bool>, has_gpu: bool) -> impl IntoView {
    let i18n = use_i18n();
    let config = session.config;
    let edit = move |f: &dyn Fn(&mut LabConfig)| config.update(|c| f(c));
    view! {
        <h2>{move || i18n.t("train-form-training")}</h2>
        <NumberField
            label=Signal::derive(move || i18n.t("train-learning-rate"))
            testid="train-lr"
            value=Signal::derive(move || config.with(|c| c.learning_rate))
            rule=NumberRule::real(1e-6, 1.0)
            disabled=unless_locked(running, "lr")
            on_commit=Callback::new(move |v: f64| edit(&|c| c.learning_rate = v))
        />
        <NumberField
            label=Signal::derive(move || i18n.t("train-batch-size"))
            testid="train-batch"
            value=Signal::derive(move || config.with(|c| c.batch_size as f64))
            rule=NumberRule::integer(1.0, 1024.0)
            step="1"
            disabled=unless_locked(running, "batch")
            on_commit=Callback::new(move |v: f64| edit(&|c| c.batch_size = v as usize))
        />
        <NumberField
            label=Signal::derive(move || i18n.t("train-epochs"))
            testid="train-epochs"
            value=Signal::derive(move || config.with(|c| c.epochs as f64))
            rule=NumberRule::integer(1.0, 1000.0)
            step="1"
            disabled=unless_locked(running, "epochs")
            on_commit=Callback::new(move |v: f64| edit(&|c| c.epochs = v as usize))
        />
        <NumberField
            label=Signal::derive(move || i18n.t("train-seed"))
            testid="train-seed"
            value=Signal::derive(move || config.with(|c| c.seed as f64))
            rule=NumberRule::integer(0.0, 4_294_967_295.0)
            step="1"
            disabled=unless_locked(running, "seed")
            on_commit=Callback::new(move |v: f64| edit(&|c| c.seed = v as u64))
        />
        <label>{move || i18n.t("train-engine")}" "
            <SelectField
                testid="train-engine"
                disabled=unless_locked(running, "engine")
                value=Signal::derive(move || session.wanted.get().slug().to_string())
                choices=vec![
                    Choice::key(EngineChoice::Auto.slug(), tk("train-engine-auto")),
                    Choice::key(EngineChoice::WebGpu.slug(), tk("train-engine-webgpu")).disabled(!has_gpu),
                    Choice::key(EngineChoice::Cpu.slug(), tk("train-engine-cpu")),
                ]
                on_select=Callback::new(move |v: String| {
                    if let Some(choice) = EngineChoice::from_slug(&v) {
                        session.wanted.set(choice);
                    }
                })
            />
        </label>
    }
}
