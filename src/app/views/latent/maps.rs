//! The two latent maps side by side, each decoding the point under the pointer, with the current
//! digit, pinned points and the interpolation path drawn over them; and the manifold grids that
//! decode a whole grid over each map.

use leptos::prelude::*;

use super::Explorer;
use crate::PIXELS;
use crate::app::components::digit_canvas::{DigitCanvas, MosaicCanvas};
use crate::app::components::fields::RangeField;
use crate::app::components::latent_map::{ClassLegend, LatentMap, Markers};
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::web::runner::LatestRunner;

/// Pins kept per map: the two endpoints of an interpolation.
const PINS: usize = 2;

fn title(family: Family) -> &'static str {
    match family {
        Family::Ae => "Autoencoder: codes h",
        Family::Vae => "VAE: means μ",
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
        let pins = ex.pins.with(|p| {
            p[family]
                .iter()
                .filter(|code| code.len() == d.size.dim())
                .map(|code| space.map.projection.to_map(code))
                .collect()
        });
        Markers {
            current,
            sigma,
            path,
            pins,
        }
    })
}

#[component]
pub fn Maps(ex: Explorer) -> impl IntoView {
    let data = Signal::derive(move || ex.map_data());
    let decoded = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let manifold_n = RwSignal::new(10usize);
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
                if let Some(img) = ex
                    .errors
                    .check("Decoding the point under the pointer", outcome)
                {
                    decoded[family].try_set(Some(img));
                }
            });
        });
        // Clicks pin A, then B; a third click starts a new pair.
        let on_pick = Callback::new(move |p: [f32; 2]| {
            if let Some(d) = data.get_untracked() {
                let code = d.spaces[family].map.projection.from_map(p);
                ex.pins.update(|pins| {
                    let pins = &mut pins[family];
                    if pins.len() == PINS {
                        pins.clear();
                    }
                    pins.push(code);
                });
            }
            decode_at.run(p);
        });
        let map = Signal::derive(move || {
            data.with(|d| d.as_ref().map(|d| d.spaces[family].map.map.clone()))
        });
        let slug = family.slug();
        view! {
            <figure class="map-cell">
                <figcaption>{title(family)}</figcaption>
                <LatentMap
                    map=map
                    markers=markers(ex, family)
                    testid=format!("latent-map-{slug}")
                    label=format!("{}: the codes of the 2,000 test digits, coloured by class. Arrow keys move a cursor and decode the point under it; Enter pins it (A, then B).", title(family))
                    on_hover=decode_at
                    on_pick=on_pick
                />
                <DigitCanvas pixels=decoded[family] testid=format!("decoded-{slug}") label="Decoded point" />
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
                if let Some(images) = ex.errors.check("Decoding the manifold grid", outcome) {
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
            <h2>"Latent maps"</h2>
            <p class="explain-line">
                "Each dot is a test digit's code, coloured by its class; the cross is the current digit (for the VAE with the 1σ and 2σ ellipse of q(z|x)). "
                "Move over a map to decode that point, click to pin it. The autoencoder's codes are points with empty gaps between them: "
                "decoding a gap gives a meaningless image. The VAE is trained to keep q(z|x) close to N(0, I), so its space is continuous "
                "and every point near the data decodes to a plausible digit."
            </p>
            {move || (ex.size.get() == LatentSize::Two).then(|| view! {
                <p class="explain-line" data-testid="two-d-note">
                    "Two numbers per digit is very little: many digits are not representable at all and decode as another class "
                    "(hover over the current digit's cross). The interpolation and the attribute vectors below therefore use the 16-D models."
                </p>
            })}
            {move || approx().then(|| view! {
                <p class="note" data-testid="projection-note">
                    "16-D codes are shown by their first two principal components; a point is decoded from the mean code plus those two components, an approximation."
                </p>
            })}
            {move || data.with(|d| d.is_none()).then(|| view! { <p class="caption">"Encoding the 2,000 test digits…"</p> })}
            <div class="map-row">{Family::ALL.map(map_cell).into_iter().collect_view()}</div>
            <ClassLegend />
            <h3>"Manifold: decoding a grid over each map"</h3>
            <RangeField
                label=Signal::derive(move || format!("Grid {0} × {0} ", manifold_n.get()))
                testid="manifold-n"
                value=Signal::derive(move || manifold_n.get() as f64)
                min=2.0 max=20.0 step=1.0
                live=false
                on_value=Callback::new(move |v: f64| manifold_n.set(v as usize))
            />
            <div class="map-row">
                {Family::ALL
                    .map(|family| view! {
                        <figure>
                            <MosaicCanvas
                                rows=Signal::derive(move || manifolds[family].with(|m| m.1.clone()))
                                cols=Signal::derive(move || manifolds[family].with(|m| m.0))
                                testid=format!("manifold-{}", family.slug())
                                label=format!("{}: decodings of a grid of points over the map", title(family))
                            />
                            <figcaption>{title(family)}</figcaption>
                        </figure>
                    })
                    .into_iter().collect_view()}
            </div>
        </section>
    }
}
