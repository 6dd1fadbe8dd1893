//! Choosing the interpolation's endpoints: a test digit or the current digit for each, or the
//! points pinned on the maps for both.

use leptos::prelude::*;

use super::{IDS, NAMES};
use crate::app::engine::Family;
use crate::app::i18n::use_i18n;
use crate::app::views::latent::{Explorer, digit_canvas};
use crate::i18n::Text;
use crate::link::latent::End;

/// One endpoint's image, what it is, and the ways to choose it.
#[component]
pub fn Endpoint(
    ex: Explorer,
    end: usize,
    end_images: Memo<[Option<Vec<f32>>; 2]>,
    n_test: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    // A digit or the current digit for this endpoint: the other leaves the pins too.
    let choose = move |pick: End| {
        if let End::Test(i) = pick {
            ex.remembered.update_value(|r| r[end] = i);
        }
        ex.picks[end].set(pick);
        ex.unpin(1 - end);
    };
    let set_digit = move |value: String| {
        if let Ok(i) = value.trim().parse::<usize>() {
            choose(End::Test(i.min(n_test - 1)));
        }
    };
    let end_label = move || {
        let text = match ex.picks[end].get() {
            End::Pinned { .. } => Text::new("latent-end-pinned"),
            // The number names a digit, so it is written without grouping.
            End::Test(d) => Text::new("latent-end-test").with("digit", d.to_string()),
            End::Current => Text::new("latent-end-current"),
        };
        i18n.text(&text.with("end", NAMES[end]))
    };
    let digit_value = move || match ex.picks[end].get() {
        End::Test(d) => d.to_string(),
        _ => String::new(),
    };
    let (name, id) = (NAMES[end], IDS[end]);
    view! {
        <figure>
            {digit_canvas(
                Signal::derive(move || end_images.with(|e| e[end].clone())),
                format!("interp-end-{id}"),
                move || i18n.t_with("latent-end-image", &[("end", name.into())]),
            )}
            <figcaption>
                <span data-testid=format!("interp-{id}-label")>{end_label}</span><br />
                <label>{move || i18n.t("latent-end-digit")}" "
                    <input type="number" min="0" max=(n_test - 1).to_string() class="small"
                        data-testid=format!("interp-{id}-digit")
                        aria-label=move || i18n.t_with("latent-end-digit-label", &[("end", name.into())])
                        prop:value=digit_value
                        on:change=move |ev| set_digit(event_target_value(&ev)) />
                </label>
                <button data-testid=format!("interp-{id}-current") on:click=move |_| choose(End::Current)>
                    {move || i18n.t("latent-end-current-button")}
                </button>
            </figcaption>
        </figure>
    }
}

/// The points pinned on the maps: how many there are, taking them as both endpoints, clearing them.
#[component]
pub fn MapPins(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let from_pins = move |_| {
        for end in 0..2 {
            let point = |family: Family| ex.pins[family].with_untracked(|p| p.get(end).copied());
            if let (Some(ae), Some(vae)) = (point(Family::Ae), point(Family::Vae)) {
                ex.picks[end].set(End::Pinned { ae, vae });
            }
        }
    };
    let pin_hint = move || {
        if ex.pins_ready() {
            i18n.t("latent-pin-hint-ready")
        } else {
            let count = |f: Family| ex.pins[f].with(Vec::len);
            i18n.t_with(
                "latent-pin-hint",
                &[
                    ("ae", count(Family::Ae).into()),
                    ("vae", count(Family::Vae).into()),
                ],
            )
        }
    };
    view! {
        <div class="pins">
            <p class="caption" data-testid="interp-pin-hint">{pin_hint}</p>
            <div class="buttons">
                <button data-testid="interp-from-maps" disabled=move || !ex.pins_ready() on:click=from_pins>
                    {move || i18n.t("latent-interp-from-maps")}
                </button>
                <button data-testid="interp-clear-pins" on:click=move |_| {
                    for family in Family::ALL {
                        ex.pins[family].set(Vec::new());
                    }
                }>
                    {move || i18n.t("latent-clear-pins")}
                </button>
            </div>
        </div>
    }
}
