//! The training lab's settings in the URL (keys and limits: `crate::link::train`). A link shows
//! its settings in the form, unless that would overwrite settings of the student's own: then a
//! bar offers the link's settings, and nothing changes until the student says so. A running
//! model's settings never change under it: the offer waits until the run is paused or finished.
//!
//! The URL always shows what the form shows (the settings a "copy link" would share); the
//! configurations shown during this visit are remembered, so back and forward walk through the
//! student's own changes without asking.

use leptos::prelude::*;

use crate::app::engine::EngineChoice;
use crate::app::engine::training::TrainSession;
use crate::app::link::{LinkState, use_link};
use crate::app::state::use_resources;
use crate::app::web::storage::{keys, save_setting};
use crate::link::train::{
    BATCH, EPOCHS, LATENT, LEARNING_RATE, SEED, Weights, normalize, read_activation, read_count,
    read_hidden, read_kind, read_weight, real, weight_key, write_hidden, write_real, write_weight,
};
use crate::link::{Issue, value};
use crate::model::lab::{Activation, LabConfig, LabKind};
use crate::slug::Slug;

/// One signal per key of the link: the settings the URL shows.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<LabKind>,
    /// In the order of [`Weights::ALL`].
    weights: [RwSignal<f64>; 4],
    hidden: RwSignal<Vec<usize>>,
    latent: RwSignal<usize>,
    activation: RwSignal<Activation>,
    learning_rate: RwSignal<f64>,
    batch_size: RwSignal<usize>,
    epochs: RwSignal<usize>,
    seed: RwSignal<u64>,
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

impl Fields {
    fn new(config: &LabConfig) -> Self {
        let c = normalize(config);
        let w = Weights::defaults().with_kind(&c.kind);
        Self {
            kind: RwSignal::new(c.kind.clone()),
            weights: Weights::ALL.map(|p| RwSignal::new(w.get(p))),
            hidden: RwSignal::new(c.hidden),
            latent: RwSignal::new(c.latent),
            activation: RwSignal::new(c.activation),
            learning_rate: RwSignal::new(c.learning_rate),
            batch_size: RwSignal::new(c.batch_size),
            epochs: RwSignal::new(c.epochs),
            seed: RwSignal::new(c.seed),
        }
    }

    /// Shows `config` (the weights its kind does not use keep their values).
    fn show(self, config: &LabConfig) {
        let c = normalize(config);
        let kept = Weights {
            beta: self.weights[0].get_untracked(),
            sigma: self.weights[1].get_untracked(),
            lambda: self.weights[2].get_untracked(),
            rho: self.weights[3].get_untracked(),
        };
        let w = kept.with_kind(&c.kind);
        for (signal, p) in self.weights.into_iter().zip(Weights::ALL) {
            set_if_changed(signal, w.get(p));
        }
        set_if_changed(self.kind, c.kind);
        set_if_changed(self.hidden, c.hidden);
        set_if_changed(self.latent, c.latent);
        set_if_changed(self.activation, c.activation);
        set_if_changed(self.learning_rate, c.learning_rate);
        set_if_changed(self.batch_size, c.batch_size);
        set_if_changed(self.epochs, c.epochs);
        set_if_changed(self.seed, c.seed);
    }

    /// The configuration the URL describes (tracked).
    fn config(self) -> LabConfig {
        let mut w = Weights::defaults();
        for (signal, p) in self.weights.into_iter().zip(Weights::ALL) {
            w.set(p, signal.get());
        }
        LabConfig {
            kind: self.kind.with(|k| w.apply(k)),
            hidden: self.hidden.get(),
            latent: self.latent.get(),
            activation: self.activation.get(),
            learning_rate: self.learning_rate.get(),
            batch_size: self.batch_size.get(),
            epochs: self.epochs.get(),
            seed: self.seed.get(),
        }
    }

    fn bind(self, link: LinkState) {
        link.bind("kind", self.kind, read_kind, |k| k.slug().to_string());
        for (signal, p) in self.weights.into_iter().zip(Weights::ALL) {
            link.bind(
                weight_key(p),
                signal,
                move |t| read_weight(p, t),
                move |v| write_weight(p, *v),
            );
        }
        link.bind("hidden", self.hidden, read_hidden, |h| write_hidden(h));
        link.bind(
            "latent",
            self.latent,
            |t| read_count(t, LATENT),
            |v| v.to_string(),
        );
        link.bind("act", self.activation, read_activation, |a| {
            a.slug().to_string()
        });
        link.bind(
            "lr",
            self.learning_rate,
            |t| real(t, LEARNING_RATE),
            |v| write_real(*v),
        );
        link.bind(
            "batch",
            self.batch_size,
            |t| read_count(t, BATCH),
            |v| v.to_string(),
        );
        link.bind(
            "epochs",
            self.epochs,
            |t| read_count(t, EPOCHS),
            |v| v.to_string(),
        );
        link.bind(
            "seed",
            self.seed,
            |t| value::whole(t, SEED),
            |v| v.to_string(),
        );
    }
}

/// Binds the session's settings and engine to the URL. Returns the link's settings while they
/// wait for the student's answer (see [`super::LinkOffer`]).
pub fn bind_settings(session: TrainSession) -> RwSignal<Option<LabConfig>> {
    let link = use_link();
    let config = session.config;
    let offer = RwSignal::new(None::<LabConfig>);
    let fields = config.with_untracked(Fields::new);
    // Reads the link's values at once (before the model saved in the browser is restored).
    fields.bind(link);
    // A link asking for WebGPU where there is none trains on the app's choice (the CPU).
    let has_gpu = use_resources().with(|r| r.has_webgpu());
    link.bind(
        "engine",
        session.wanted,
        move |t| {
            let choice = value::choice(t, EngineChoice::from_slug)?;
            Ok(if choice == EngineChoice::WebGpu && !has_gpu {
                let auto = EngineChoice::Auto;
                (auto, Some(Issue::Clamped(auto.slug().to_string())))
            } else {
                (choice, None)
            })
        },
        |c| c.slug().to_string(),
    );
    let decide = move |wanted: LabConfig| {
        let current = config.get_untracked();
        if wanted == normalize(&current) {
            return;
        }
        // A homework task the student just started sets its settings (it cannot start while a
        // run is under way); offering them instead would fight the task's locks.
        let task_settings = untrack(|| link.has_locks());
        let nothing_to_lose =
            current == LabConfig::default() || session.was_shown(&wanted) || task_settings;
        if !session.state.get_untracked().is_active() && nothing_to_lose {
            // Saved at once: the restore of a saved model, starting now, keeps what is on screen.
            save_setting(keys::TRAIN_CONFIG, &wanted);
            config.set(wanted);
        } else {
            offer.set(Some(wanted));
            fields.show(&current);
        }
    };
    decide(fields.config_untracked());
    // Back, forward or an edited address while the view is open.
    Effect::new(move |first: Option<()>| {
        let wanted = fields.config();
        if first.is_some() {
            decide(wanted);
        }
    });
    // The form's settings, whatever changed them, are what the URL shows.
    Effect::new(move |_| {
        config.with(|c| {
            session.remember_shown(&normalize(c));
            fields.show(c);
        })
    });
    offer
}

impl Fields {
    fn config_untracked(self) -> LabConfig {
        untrack(move || self.config())
    }
}
