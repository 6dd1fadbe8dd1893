//! Toy mode (GAN Lab's idea, done in Burn): a generator and a discriminator, two small MLPs, play
//! on 2-D points. Presets reproduce a balanced run, mode collapse, and its fix.

use leptos::prelude::*;

use super::controls::{GanForm, GanRun};
use super::toy_plot::ToyPlot;
use crate::app::components::fields::{Choice, SelectField};
use crate::app::engine::gan::use_gan;
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::gan::presets::{GanPresetId, ring_of_eight};
use crate::gan::settings::{GanSettings, ToyTarget};
use crate::gan::toy::{Toy, mean_nearest_distance, modes_covered, ring_centres};
use crate::i18n::tk;
use crate::slug::Slug;

/// A preset's button, its slug for tests, and its explanation.
const PRESETS: [(GanPresetId, &str, &str, &str); 3] = [
    (
        GanPresetId::RingBalanced,
        "balanced",
        tk("gan-preset-balanced"),
        tk("gan-preset-balanced-note"),
    ),
    (
        GanPresetId::ModeCollapse,
        "collapse",
        tk("gan-preset-collapse"),
        tk("gan-preset-collapse-note"),
    ),
    (
        GanPresetId::ModeCollapseFixed,
        "fixed",
        tk("gan-preset-fixed"),
        tk("gan-preset-fixed-note"),
    ),
];

fn target_key(t: ToyTarget) -> &'static str {
    match t {
        ToyTarget::Ring => tk("gan-target-ring"),
        ToyTarget::Moons => tk("gan-target-moons"),
        ToyTarget::Line => tk("gan-target-line"),
        ToyTarget::Drawn => tk("gan-target-drawn"),
    }
}

/// Within this distance of a ring's centre a point counts for that mode (σ = 0.2: 2.5 σ).
const MODE_RADIUS: f32 = 0.5;

#[component]
pub fn ToyTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let session = use_gan().toy;
    let settings = session.settings;
    let running = Signal::derive(move || session.state.get().is_active());
    // A new target: show its samples under the current models at once.
    let target = Memo::new(move |_| settings.with(|s| (s.target, s.drawn.clone())));
    Effect::new(move |first: Option<()>| {
        target.track();
        if first.is_some() {
            session.redraw(resources.get());
        }
    });
    let preset = Memo::new(move |_| settings.with(GanSettings::preset));
    let covered = move || {
        let is_ring = settings.with(|s| s.toy() == ring_of_eight());
        let Toy::Ring { modes, radius, .. } = ring_of_eight() else {
            return None;
        };
        session.toy.with(|snap| {
            snap.as_ref().filter(|_| is_ring).map(|s| {
                (
                    modes_covered(&s.fake, &ring_centres(modes, radius), MODE_RADIUS),
                    modes,
                )
            })
        })
    };
    // How far G's points are from the target, for any target (the tests read it too).
    let distance = move || {
        session.toy.with(|snap| {
            snap.as_ref()
                .map(|s| mean_nearest_distance(&s.fake, &s.real))
                .filter(|d| d.is_finite())
        })
    };
    view! {
        <div class="gan-toy">
            <p class="explain-line">{move || i18n.t("gan-toy-explain")}</p>
            <div class="buttons" role="group" aria-label=move || i18n.t("gan-presets-label")>
                {PRESETS.into_iter().map(|(id, slug, title, _)| view! {
                    <button
                        data-testid=format!("gan-preset-{slug}")
                        aria-pressed=move || (preset.get() == Some(id)).to_string()
                        disabled=running
                        on:click=move |_| {
                            let drawn = settings.with_untracked(|s| s.drawn.clone());
                            settings.set(GanSettings { drawn, ..GanSettings::from_preset(id) });
                            session.reset();
                        }
                    >
                        {move || i18n.t(title)}
                    </button>
                }).collect_view()}
            </div>
            {move || preset.get().and_then(|id| PRESETS.iter().find(|p| p.0 == id)).map(|&(_, _, _, note)| view! {
                <p class="caption wide" data-testid="gan-preset-note">{move || i18n.t(note)}</p>
            })}
            <div class="map-row">
                <div class="controls">
                    <label class="field">
                        {move || i18n.t("gan-target")}" "
                        <SelectField
                            testid="gan-toy-target"
                            value=Signal::derive(move || settings.with(|s| s.target.slug().to_string()))
                            choices=ToyTarget::ALL.into_iter().map(|t| Choice::key(t.slug(), target_key(t))).collect()
                            on_select=Callback::new(move |v: String| {
                                if let Some(t) = ToyTarget::from_slug(&v) {
                                    settings.update(|s| s.target = t);
                                }
                            })
                        />
                    </label>
                    <Show when=move || settings.with(|s| s.target == ToyTarget::Drawn)>
                        <p class="caption">{move || i18n.t_with("gan-draw-hint", &[("count", settings.with(|s| s.drawn.len()).into())])}</p>
                        <button data-testid="gan-toy-clear-drawing" on:click=move |_| settings.update(|s| s.drawn.clear())>
                            {move || i18n.t("gan-clear-drawing")}
                        </button>
                    </Show>
                    <GanForm session=session />
                </div>
                <figure>
                    <ToyPlot session=session />
                    <figcaption class="caption">{move || i18n.t("gan-toy-legend")}</figcaption>
                    <p class="caption" data-testid="gan-toy-distance"
                        data-distance=move || distance().map(|d| d.to_string()).unwrap_or_default()>
                        {move || distance().map(|d| i18n.t_with("gan-toy-distance", &[("distance", crate::i18n::num(f64::from(d), 2))]))}
                    </p>
                    <p class="caption" data-testid="gan-toy-modes"
                        data-covered=move || covered().map(|(c, _)| c.to_string()).unwrap_or_default()>
                        {move || covered().map(|(c, k)| i18n.t_with("gan-modes-covered", &[("covered", c.into()), ("modes", k.into())]))}
                    </p>
                </figure>
            </div>
            <GanRun session=session />
        </div>
    }
}
