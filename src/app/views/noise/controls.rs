//! The corruption's controls: noise σ, salt-and-pepper rate, the occlusion mask's tools and the
//! seed that makes every corruption reproducible.

use leptos::prelude::*;

use super::mask_canvas::MaskTool;
use crate::app::components::fields::{NumberField, NumberRule, RangeField};
use crate::app::web::random_seed;
use crate::data::corrupt::{Corruption, Mask};
use crate::rng::seeded;

/// Seeds a student can type (the re-roll picks below a million).
const SEED_RULE: NumberRule = NumberRule::integer(0.0, 4_294_967_295.0);

#[component]
pub fn CorruptionControls(
    corruption: RwSignal<Corruption>,
    tool: RwSignal<MaskTool>,
) -> impl IntoView {
    let patch_count = RwSignal::new(3usize);
    let patch_size = RwSignal::new(6usize);
    let drop_patches = move |_| {
        corruption.update(|c| {
            let mut rng = seeded(c.seed);
            c.mask.add_random_patches(
                patch_count.get_untracked(),
                patch_size.get_untracked(),
                &mut rng,
            );
        })
    };
    let tool_button = move |t: MaskTool, testid: &'static str, text: &'static str| {
        view! {
            <button
                data-testid=testid
                class:active=move || tool.get() == t
                aria-pressed=move || (tool.get() == t).to_string()
                on:click=move |_| tool.set(t)
            >
                // A mark as well as the colour, so the active tool does not rest on colour alone.
                {move || if tool.get() == t { "✓ " } else { "" }}
                {text}
            </button>
        }
    };
    view! {
        <RangeField
            label=Signal::derive(move || format!("Gaussian noise σ = {:.2}", corruption.with(|c| c.noise_sigma)))
            testid="noise-sigma"
            value=Signal::derive(move || corruption.with(|c| c.noise_sigma as f64))
            min=0.0 max=1.0 step=0.05
            on_value=Callback::new(move |v: f64| corruption.update(|c| c.noise_sigma = v as f32))
        />
        <RangeField
            label=Signal::derive(move || format!("Salt-and-pepper: {:.0}% of pixels", corruption.with(|c| c.salt_pepper * 100.0)))
            testid="salt-pepper"
            value=Signal::derive(move || corruption.with(|c| c.salt_pepper as f64))
            min=0.0 max=0.5 step=0.01
            on_value=Callback::new(move |v: f64| corruption.update(|c| c.salt_pepper = v as f32))
        />
        <fieldset>
            <legend>"Occlusion mask (draw on the corrupted image)"</legend>
            <div class="buttons">
                {tool_button(MaskTool::Rect, "mask-rect", "Drag a rectangle")}
                {tool_button(MaskTool::Brush, "mask-brush", "Paint with a brush")}
            </div>
            <div class="buttons">
                <button data-testid="mask-patches" on:click=drop_patches>"Drop random patches"</button>
                <NumberField
                    label="count".to_string()
                    testid="patch-count"
                    value=Signal::derive(move || patch_count.get() as f64)
                    rule=NumberRule::integer(1.0, 20.0)
                    step="1"
                    on_commit=Callback::new(move |v: f64| patch_count.set(v as usize))
                />
                <NumberField
                    label="size".to_string()
                    testid="patch-size"
                    value=Signal::derive(move || patch_size.get() as f64)
                    rule=NumberRule::integer(1.0, 28.0)
                    step="1"
                    on_commit=Callback::new(move |v: f64| patch_size.set(v as usize))
                />
            </div>
            <button data-testid="mask-clear" on:click=move |_| corruption.update(|c| c.mask = Mask::default())>
                "Clear the mask"
            </button>
            <p class="caption">{move || format!("Mask covers {:.0}% of the image", corruption.with(|c| c.mask.coverage() * 100.0))}</p>
        </fieldset>
        <div class="seed-row">
            <NumberField
                label="Seed".to_string()
                testid="corruption-seed"
                value=Signal::derive(move || corruption.with(|c| c.seed as f64))
                rule=SEED_RULE
                step="1"
                on_commit=Callback::new(move |v: f64| corruption.update(|c| c.seed = v as u64))
            />
            <button data-testid="corruption-reroll" on:click=move |_| corruption.update(|c| c.seed = random_seed(1_000_000))>
                "Re-roll"
            </button>
        </div>
        <p class="caption">"The same seed always gives the same noise and the same random patches."</p>
    }
}
