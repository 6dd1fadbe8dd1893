//! The two latent maps side by side, each decoding the point under the pointer, with the current
//! digit, pinned points and the interpolation path drawn over them; and the manifold grids that
//! decode a whole grid over each map.
//!
//! Link keys: `grid` (the manifold's N, 2–20). The pins are the view's (`pa`, `pv`).

use leptos::prelude::*;

use super::{Explorer, PINS, digit_canvas, mosaic_canvas};
use crate::PIXELS;
use crate::app::components::fields::RangeField;
use crate::app::components::formula::Concept;
use crate::app::components::latent_map::{ClassLegend, LatentMap, Markers};
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::web::runner::LatestRunner;
use crate::formula;
use crate::i18n::tk;
use crate::link::latent::round_point;
use crate::link::value::whole;
use crate::slug::Slug;

/// The manifold grid's N.
const GRID_MIN: u64 = 2;
const GRID_MAX: u64 = 20;

fn title_key(family: Family) -> &'static str {
    match family {
        Family::Ae => tk("latent-map-title-ae"),
        Family::Vae => tk("latent-map-title-vae"),
    }
}

/// The markers of `family`'s map, derived from the explorer's state.
fn markers(ex: Explorer, family: Family) -> Signal<Markers> {
    Signal::derive(move || {
        let Some(d) = ex.map_data() else {
            return Markers::default();
        };
        let space = &d.spaces[family];
        let (current, sigma) = match ex.codes(d.size) {
            Some(codes) => {
                let codes = &codes[family];
                let at = space.map.projection.to_map(&codes.mean);
                let sigma = codes
                    .log_var
                    .as_ref()
                    .map(|lv| space.map.projection.sigma_on_map(lv));
                (Some(at), sigma)
            }
            None => (None, None),
        };
        let path = ex.ends.with(|ends| match &ends[family] {
            [Some(a), Some(b)] if a.len() == d.size.dim() => Some((
                space.map.projection.to_map(a),
                space.map.projection.to_map(b),
            )),
            _ => None,
        });
        Markers {
            current,
            sigma,
            path,
            pins: ex.pins[family].get(),
        }
    })
}

#[component]
pub fn Maps(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let n_test = ex.resources.with(|r| r.test_digits().len());
    let data = Signal::derive(move || ex.map_data());
    let decoded = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let manifold_n = RwSignal::new(10usize);
    use_link().bind(
        "grid",
        manifold_n,
        |t| whole(t, GRID_MIN..=GRID_MAX).map(|(n, issue)| (n as usize, issue)),
        |n| n.to_string(),
    );
    // Each grid with its N, so a mosaic is never drawn with another grid's width.
    let manifolds = PerFamily::new(|_| RwSignal::new((1usize, Vec::<Vec<f32>>::new())));

    let map_cell = move |family: Family| {
        let runner = LatestRunner::new();
        let decode_at = Callback::new(move |p: [f32; 2]| {
            let Some(d) = data.get_untracked() else {
                return;
            };
            let code = d.spaces[family].map.projection.from_map(p);
            let size = d.size;
            runner.submit(code, move |code| async move {
                let outcome = ex.decode(family, size, code).await;
                if let Some(img) = ex.errors.check(tk("latent-task-decode-point"), outcome) {
                    decoded[family].try_set(Some(img));
                }
            });
        });
        // The last pin is decoded as it is placed, and when a link brings it.
        Effect::new(move |_| {
            if data.with(Option::is_some)
                && let Some(p) = ex.pins[family].with(|p| p.last().copied())
            {
                decode_at.run(p);
            }
        });
        // Clicks pin A, then B; a third click starts a new pair.
        let on_pick = Callback::new(move |p: [f32; 2]| {
            ex.pins[family].update(|pins| {
                if pins.len() == PINS {
                    pins.clear();
                }
                pins.push(round_point(p));
            });
        });
        let map = Signal::derive(move || {
            data.with(|d| d.as_ref().map(|d| d.spaces[family].map.map.clone()))
        });
        let slug = family.slug();
        view! {
            <figure class="map-cell">
                <figcaption>{move || i18n.t(title_key(family))}</figcaption>
                <LatentMap
                    map=map
                    markers=markers(ex, family)
                    testid=format!("latent-map-{slug}")
                    label=Signal::derive(move || i18n.t_with("latent-map-label", &[
                        ("title", i18n.t(title_key(family)).into()),
                        ("count", n_test.into()),
                    ]))
                    on_hover=decode_at
                    on_pick=on_pick
                />
                {digit_canvas(decoded[family].into(), format!("decoded-{slug}"), move || i18n.t("latent-decoded-label"))}
            </figure>
        }
    };

    // Manifold grids over each map's visible region.
    let grid_runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), n) = (data.get(), manifold_n.get()) else {
            return;
        };
        grid_runner.submit((d, n), move |(d, n)| async move {
            for family in Family::ALL {
                let space = &d.spaces[family].map;
                let codes: Vec<f32> = space
                    .map
                    .region
                    .grid(n)
                    .into_iter()
                    .flat_map(|p| space.projection.from_map(p))
                    .collect();
                let outcome = ex.decode_batch(family, d.size, codes).await;
                if let Some(images) = ex.errors.check(tk("latent-task-decode-manifold"), outcome) {
                    let rows = images.chunks(n * PIXELS).map(<[f32]>::to_vec).collect();
                    manifolds[family].try_set((n, rows));
                }
            }
        });
    });

    let approx = move || {
        data.with(|d| {
            d.as_ref()
                .is_some_and(|d| !d.spaces.ae.map.projection.is_exact())
        })
    };
    view! {
        <section class="maps">
            <h2>{move || i18n.t("latent-maps-title")}</h2>
            <p class="explain-line">{move || i18n.t("latent-maps-explain")}</p>
            <div class="concepts">
                <Concept math=Signal::derive(formula::encoder) caption=tk("latent-maps-encoder") />
                <Concept math=Signal::derive(formula::decoder) caption=tk("latent-maps-decoder") />
            </div>
            {move || (ex.size.get() == LatentSize::Two).then(|| view! {
                <p class="explain-line" data-testid="two-d-note">{move || i18n.t("latent-two-d-note")}</p>
            })}
            {move || approx().then(|| view! {
                <p class="note" data-testid="projection-note">{move || i18n.t("latent-projection-note")}</p>
            })}
            {move || data.with(|d| d.is_none()).then(|| view! {
                <p class="caption">{move || i18n.t_with("latent-encoding-split", &[("count", n_test.into())])}</p>
            })}
            <div class="map-row">{Family::ALL.map(map_cell).into_iter().collect_view()}</div>
            <ClassLegend />
            <h3>{move || i18n.t("latent-manifold-title")}</h3>
            <p class="explain-line">{move || i18n.t("latent-manifold-explain")}</p>
            <RangeField
                label=Signal::derive(move || i18n.t_with("latent-manifold-grid", &[("n", manifold_n.get().into())]))
                testid="manifold-n"
                value=Signal::derive(move || manifold_n.get() as f64)
                min=GRID_MIN as f64 max=GRID_MAX as f64 step=1.0
                live=false
                on_value=Callback::new(move |v: f64| manifold_n.set(v.round() as usize))
            />
            <div class="map-row">
                {Family::ALL
                    .map(|family| view! {
                        <figure>
                            {mosaic_canvas(
                                Signal::derive(move || manifolds[family].with(|m| m.1.clone())),
                                Signal::derive(move || manifolds[family].with(|m| m.0)),
                                match family {
                                    Family::Ae => "manifold-ae",
                                    Family::Vae => "manifold-vae",
                                },
                                move || i18n.t_with("latent-manifold-label", &[("title", i18n.t(title_key(family)).into())]),
                            )}
                            <figcaption>{move || i18n.t(title_key(family))}</figcaption>
                        </figure>
                    })
                    .into_iter().collect_view()}
            </div>
        </section>
    }
}
