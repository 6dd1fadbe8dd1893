//! The corruption's controls: noise σ, salt-and-pepper rate, the occlusion mask's tools and the
//! seed that makes every corruption reproducible. Each setting is its own signal, bound to its
//! link parameter, so a link reproduces the corrupted digit exactly.

use leptos::prelude::*;

use super::mask_canvas::MaskTool;
use crate::app::components::fields::{NumberField, NumberRule, RangeField};
use crate::app::i18n::use_i18n;
use crate::app::link::LinkState;
use crate::app::web::random_seed;
use crate::data::corrupt::{Corruption, Mask};
use crate::i18n::num;
use crate::link::{Issue, bits, value};
use crate::rng::seeded;

/// Seeds a student can type (the re-roll picks below a million).
const SEED_RULE: NumberRule = NumberRule::integer(0.0, 4_294_967_295.0);
const SIGMA_MAX: f32 = 1.0;
const SALT_PEPPER_MAX: f32 = 0.5;

/// What the noise lab does to a digit, one signal per setting.
#[derive(Clone, Copy)]
pub struct CorruptionState {
    pub sigma: RwSignal<f32>,
    pub salt_pepper: RwSignal<f32>,
    pub mask: RwSignal<Mask>,
    pub seed: RwSignal<u64>,
}

/// A mask in a link: empty when nothing is hidden, else its bits (`crate::link::bits`).
fn read_mask(text: &str) -> Result<(Mask, Option<Issue>), Issue> {
    if text.is_empty() {
        return Ok((Mask::default(), None));
    }
    bits::decode(text)
        .map(|hidden| (Mask { hidden }, None))
        .ok_or(Issue::Malformed)
}

fn write_mask(mask: &Mask) -> String {
    if mask.is_empty() {
        String::new()
    } else {
        bits::encode(&mask.hidden)
    }
}

impl CorruptionState {
    pub fn new() -> Self {
        Self {
            sigma: RwSignal::new(0.3),
            salt_pepper: RwSignal::new(0.0),
            mask: RwSignal::new(Mask::default()),
            seed: RwSignal::new(Corruption::default().seed),
        }
    }

    /// Binds `sigma`, `sp`, `mask` and `seed` to the link.
    pub fn bind(self, link: LinkState) {
        link.bind(
            "sigma",
            self.sigma,
            |t| value::number(t, 0.0..=SIGMA_MAX),
            |v| value::write_number(*v),
        );
        link.bind(
            "sp",
            self.salt_pepper,
            |t| value::number(t, 0.0..=SALT_PEPPER_MAX),
            |v| value::write_number(*v),
        );
        link.bind("mask", self.mask, read_mask, write_mask);
        link.bind(
            "seed",
            self.seed,
            |t| value::whole(t, 0..=SEED_RULE.max as u64),
            |v| v.to_string(),
        );
    }

    /// The whole corruption, recomputed when any setting changes.
    pub fn corruption(self) -> Memo<Corruption> {
        Memo::new(move |_| Corruption {
            noise_sigma: self.sigma.get(),
            salt_pepper: self.salt_pepper.get(),
            mask: self.mask.get(),
            seed: self.seed.get(),
        })
    }
}

impl Default for CorruptionState {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn CorruptionControls(state: CorruptionState, tool: RwSignal<MaskTool>) -> impl IntoView {
    let i18n = use_i18n();
    let patch_count = RwSignal::new(3usize);
    let patch_size = RwSignal::new(6usize);
    let drop_patches = move |_| {
        let mut rng = seeded(state.seed.get_untracked());
        state.mask.update(|m| {
            m.add_random_patches(
                patch_count.get_untracked(),
                patch_size.get_untracked(),
                &mut rng,
            );
        })
    };
    let tool_button = move |t: MaskTool, testid: &'static str, key: &'static str| {
        view! {
            <button
                data-testid=testid
                class:active=move || tool.get() == t
                aria-pressed=move || (tool.get() == t).to_string()
                on:click=move |_| tool.set(t)
            >
                // A mark as well as the colour, so the active tool does not rest on colour alone.
                {move || if tool.get() == t { "✓ " } else { "" }}
                {move || i18n.t(key)}
            </button>
        }
    };
    view! {
        <RangeField
            label=Signal::derive(move || i18n.t_with("noise-sigma", &[("sigma", num(state.sigma.get(), 2))]))
            testid="noise-sigma"
            value=Signal::derive(move || state.sigma.get() as f64)
            min=0.0 max=SIGMA_MAX as f64 step=0.05
            on_value=Callback::new(move |v: f64| state.sigma.set(v as f32))
        />
        <RangeField
            label=Signal::derive(move || {
                i18n.t_with("noise-salt-pepper", &[("percent", num(state.salt_pepper.get() * 100.0, 0))])
            })
            testid="salt-pepper"
            value=Signal::derive(move || state.salt_pepper.get() as f64)
            min=0.0 max=SALT_PEPPER_MAX as f64 step=0.01
            on_value=Callback::new(move |v: f64| state.salt_pepper.set(v as f32))
        />
        <fieldset>
            <legend>{move || i18n.t("noise-mask-legend")}</legend>
            <div class="buttons">
                {tool_button(MaskTool::Rect, "mask-rect", crate::i18n::tk("noise-mask-rect"))}
                {tool_button(MaskTool::Brush, "mask-brush", crate::i18n::tk("noise-mask-brush"))}
            </div>
            <div class="buttons">
                <button data-testid="mask-patches" on:click=drop_patches>{move || i18n.t("noise-mask-patches")}</button>
                <NumberField
                    label=Signal::derive(move || i18n.t("noise-patch-count"))
                    testid="patch-count"
                    value=Signal::derive(move || patch_count.get() as f64)
                    rule=NumberRule::integer(1.0, 20.0)
                    step="1"
                    on_commit=Callback::new(move |v: f64| patch_count.set(v as usize))
                />
                <NumberField
                    label=Signal::derive(move || i18n.t("noise-patch-size"))
                    testid="patch-size"
                    value=Signal::derive(move || patch_size.get() as f64)
                    rule=NumberRule::integer(1.0, 28.0)
                    step="1"
                    on_commit=Callback::new(move |v: f64| patch_size.set(v as usize))
                />
            </div>
            <button data-testid="mask-clear" on:click=move |_| state.mask.set(Mask::default())>
                {move || i18n.t("noise-mask-clear")}
            </button>
            <p class="caption">
                {move || i18n.t_with("noise-mask-coverage", &[("percent", num(state.mask.with(Mask::coverage) * 100.0, 0))])}
            </p>
        </fieldset>
        <div class="seed-row">
            <NumberField
                label=Signal::derive(move || i18n.t("noise-seed"))
                testid="corruption-seed"
                value=Signal::derive(move || state.seed.get() as f64)
                rule=SEED_RULE
                step="1"
                on_commit=Callback::new(move |v: f64| state.seed.set(v as u64))
            />
            <button data-testid="corruption-reroll" on:click=move |_| state.seed.set(random_seed(1_000_000))>
                {move || i18n.t("noise-reroll")}
            </button>
        </div>
        <p class="caption">{move || i18n.t("noise-seed-caption")}</p>
    }
}
