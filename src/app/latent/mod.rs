//! The latent space explorer: the AE's gaps against the VAE's continuity. Latent maps of the test
//! digits, decoding any point, manifold grids, interpolation, generation, the reparameterisation
//! trick and attribute vectors — for the 2-D models exactly and for the 16-D ones through a PCA
//! projection.

mod attributes;
mod generate;
mod interpolate;
pub mod map;

use std::sync::Arc;

use leptos::prelude::*;

use super::digit_canvas::{DigitCanvas, MosaicCanvas};
use super::draw_pad::saved_sketch_input;
use super::inference::{Codes, Family, LatentSize};
use super::loader::Loaded;
use super::runner::LatestRunner;
use crate::analysis::latent::{Gaussian, Projection, Region};
use map::{ClassLegend, LatentMap, MapPoints, Markers};

/// One model's latent space over the test split.
pub struct Space {
    pub codes: Codes,
    pub projection: Projection,
    pub map: MapPoints,
}

impl Space {
    fn new(codes: Codes, labels: &[u8]) -> Self {
        let projection = Projection::fit(&codes.mean, codes.dim);
        let points = projection.to_map_all(&codes.mean, codes.dim);
        let region = Region::around(&points, 0.05);
        Self {
            map: MapPoints {
                points,
                labels: labels.to_vec(),
                region,
            },
            codes,
            projection,
        }
    }
}

/// Both latent spaces of one latent size.
pub struct LatentData {
    pub size: LatentSize,
    pub ae: Space,
    pub vae: Space,
    /// A Gaussian fitted to the AE's codes: what "sampling an autoencoder" can at best mean.
    pub ae_gaussian: Gaussian,
}

impl LatentData {
    pub fn space(&self, family: Family) -> &Space {
        match family {
            Family::Ae => &self.ae,
            Family::Vae => &self.vae,
        }
    }
}

/// What every section of the view shares.
#[derive(Clone)]
pub struct Explorer {
    pub lab: Arc<Loaded>,
    pub data: RwSignal<Option<Arc<LatentData>>>,
    /// The current digit (the student's drawing or a test digit) and its codes.
    pub current: RwSignal<Vec<f32>>,
    pub current_codes: RwSignal<Option<(Codes, Codes)>>,
    /// Interpolation endpoints as codes, `[family][A or B]`; drawn as a path on the maps.
    pub ends: RwSignal<[[Option<Vec<f32>>; 2]; 2]>,
    /// The last two points pinned on each map, as codes (newest last).
    pub pins: RwSignal<[Vec<Vec<f32>>; 2]>,
}

impl Explorer {
    /// Decodes codes on the live engine.
    pub async fn decode(
        &self,
        family: Family,
        size: LatentSize,
        codes: Vec<f32>,
    ) -> Result<Vec<f32>, String> {
        let live = self.lab.engine.get_untracked().live;
        self.lab.decode_on(live, family, size, &codes).await
    }

    /// Decodes many codes on the batch engine (WebGPU when in use).
    pub async fn decode_batch(
        &self,
        family: Family,
        size: LatentSize,
        codes: Vec<f32>,
    ) -> Result<Vec<f32>, String> {
        self.lab
            .decode_on(self.lab.batch_engine(), family, size, &codes)
            .await
    }

    /// Encodes images with both models of `size` on the live engine: `(ae, vae)`.
    pub async fn encode_both(
        &self,
        size: LatentSize,
        images: Vec<f32>,
    ) -> Result<(Codes, Codes), String> {
        let live = self.lab.engine.get_untracked().live;
        Ok((
            self.lab.encode_on(live, Family::Ae, size, &images).await?,
            self.lab.encode_on(live, Family::Vae, size, &images).await?,
        ))
    }
}

/// Encodes the test split with both models of `size` (batch engine).
async fn load_latent_data(lab: Arc<Loaded>, size: LatentSize) -> Result<LatentData, String> {
    let images = lab.data.test.all_images();
    let ae = lab
        .encode_on(lab.batch_engine(), Family::Ae, size, &images)
        .await?;
    let vae = lab
        .encode_on(lab.batch_engine(), Family::Vae, size, &images)
        .await?;
    let ae_gaussian = Gaussian::fit(&ae.mean, ae.dim);
    let labels = &lab.data.test.labels;
    Ok(LatentData {
        size,
        ae: Space::new(ae, labels),
        vae: Space::new(vae, labels),
        ae_gaussian,
    })
}

#[component]
pub fn LatentView(lab: Arc<Loaded>) -> impl IntoView {
    let size = RwSignal::new(LatentSize::Two);
    let data = RwSignal::new(None::<Arc<LatentData>>);
    let load_error = RwSignal::new(None::<String>);
    let current =
        RwSignal::new(saved_sketch_input(&lab.data).unwrap_or_else(|| lab.data.test.image(0)));
    let current_codes = RwSignal::new(None::<(Codes, Codes)>);
    let ends = RwSignal::new(Default::default());
    let pins = RwSignal::new(Default::default());
    let ex = Explorer {
        lab: lab.clone(),
        data,
        current,
        current_codes,
        ends,
        pins,
    };

    // (Re)encode the test split when the latent size changes.
    let loader_lab = lab.clone();
    Effect::new(move |_| {
        let s = size.get();
        data.set(None);
        // Codes of one latent size mean nothing in another.
        pins.set(Default::default());
        let lab = loader_lab.clone();
        leptos::task::spawn_local(async move {
            match load_latent_data(lab, s).await {
                Ok(d) => _ = data.try_set(Some(Arc::new(d))),
                Err(why) => _ = load_error.try_set(Some(why)),
            }
        });
    });
    // Encode the current digit whenever it or the latent size changes.
    let codes_ex = ex.clone();
    let codes_runner = LatestRunner::new();
    Effect::new(move |_| {
        let (x, s) = (current.get(), size.get());
        let ex = codes_ex.clone();
        codes_runner.submit((x, s), move |(x, s)| {
            let ex = ex.clone();
            async move {
                if let Ok(c) = ex.encode_both(s, x).await {
                    ex.current_codes.try_set(Some(c));
                }
            }
        });
    });

    let use_drawing = {
        let lab = lab.clone();
        move |_| {
            if let Some(x) = saved_sketch_input(&lab.data) {
                current.set(x);
            }
        }
    };
    let random_digit = {
        let lab = lab.clone();
        move |_| {
            current.set(
                lab.data
                    .test
                    .image((js_sys::Math::random() * lab.data.test.len() as f64) as usize),
            )
        }
    };

    view! {
        <section class="latent-view">
            <div class="toolbar">
                <label>
                    "Latent space "
                    <select data-testid="latent-size" on:change=move |ev| {
                        size.set(if event_target_value(&ev) == "16" { LatentSize::Sixteen } else { LatentSize::Two })
                    }>
                        <option value="2">"2-D models (exact maps)"</option>
                        <option value="16">"16-D models (PCA projection of the codes)"</option>
                    </select>
                </label>
                <span class="current">
                    "Current digit: "
                    <DigitCanvas pixels=Signal::derive(move || Some(current.get())) testid="latent-current" label="Current digit" />
                </span>
                <button on:click=use_drawing>"Use my drawing"</button>
                <button data-testid="latent-random" on:click=random_digit>"Random test digit"</button>
            </div>
            {move || load_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Maps ex=ex.clone() />
            <interpolate::Interpolation ex=ex.clone() size=size />
            <generate::Generation ex=ex.clone() size=size />
            <generate::Reparameterisation ex=ex.clone() size=size />
            <attributes::Attributes ex=ex size=size />
        </section>
    }
}

/// The two latent maps side by side, each with the image decoded at the pointer.
#[component]
fn Maps(ex: Explorer) -> impl IntoView {
    let data = ex.data;
    let decoded = [
        RwSignal::new(None::<Vec<f32>>),
        RwSignal::new(None::<Vec<f32>>),
    ];
    let picked = [
        RwSignal::new(None::<[f32; 2]>),
        RwSignal::new(None::<[f32; 2]>),
    ];
    let manifold_n = RwSignal::new(10usize);
    // Each grid with its N, so a mosaic is never drawn with another grid's width.
    let manifolds = [
        RwSignal::new((1usize, Vec::<Vec<f32>>::new())),
        RwSignal::new((1usize, Vec::<Vec<f32>>::new())),
    ];
    let families = [Family::Ae, Family::Vae];

    let maps = families.map(|family| {
        let k = family as usize;
        let (pins, current_codes, ends) = (ex.pins, ex.current_codes, ex.ends);
        let ex = ex.clone();
        let runner = LatestRunner::new();
        let decode_at = Callback::new(move |p: [f32; 2]| {
            let Some(d) = data.get_untracked() else {
                return;
            };
            let code = d.space(family).projection.from_map(p);
            let ex = ex.clone();
            let size = d.size;
            runner.submit(code, move |code| {
                let ex = ex.clone();
                async move {
                    if let Ok(img) = ex.decode(family, size, code).await {
                        decoded[k].try_set(Some(img));
                    }
                }
            });
        });
        let on_pick = Callback::new(move |p: [f32; 2]| {
            picked[k].set(Some(p));
            if let Some(d) = data.get_untracked() {
                let code = d.space(family).projection.from_map(p);
                pins.update(|pins| {
                    pins[k].push(code);
                    if pins[k].len() > 2 {
                        pins[k].remove(0);
                    }
                });
            }
            decode_at.run(p);
        });
        let markers = Signal::derive(move || {
            let d = data.get();
            let (current, sigma) = match (&d, current_codes.get()) {
                (Some(d), Some((ae, vae))) => {
                    let space = d.space(family);
                    let codes = if family == Family::Ae { ae } else { vae };
                    let at = space.projection.to_map(&codes.mean);
                    let sigma = codes
                        .log_var
                        .as_ref()
                        .map(|lv| space.projection.sigma_on_map(lv));
                    (Some(at), sigma)
                }
                _ => (None, None),
            };
            let path = match (&d, ends.get()) {
                (Some(d), [ae, vae]) => {
                    let [a, b] = if family == Family::Ae { ae } else { vae };
                    let space = d.space(family);
                    a.zip(b)
                        .map(|(a, b)| (space.projection.to_map(&a), space.projection.to_map(&b)))
                }
                _ => None,
            };
            Markers {
                current,
                sigma,
                picked: picked[k].get(),
                path,
            }
        });
        let map =
            Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.space(family).map.clone())));
        (decode_at, on_pick, markers, map)
    });

    // Manifold grids over each map's visible region.
    let grid_ex = ex.clone();
    let grid_runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), n) = (data.get(), manifold_n.get()) else {
            return;
        };
        let ex = grid_ex.clone();
        grid_runner.submit((d, n), move |(d, n)| {
            let ex = ex.clone();
            async move {
                for family in [Family::Ae, Family::Vae] {
                    let space = d.space(family);
                    let codes: Vec<f32> = space
                        .map
                        .region
                        .grid(n)
                        .into_iter()
                        .flat_map(|p| space.projection.from_map(p))
                        .collect();
                    if let Ok(images) = ex.decode_batch(family, d.size, codes).await {
                        let rows = images
                            .chunks(n * crate::PIXELS)
                            .map(<[f32]>::to_vec)
                            .collect();
                        manifolds[family as usize].try_set((n, rows));
                    }
                }
            }
        });
    });

    let approx = move || data.with(|d| d.as_ref().is_some_and(|d| !d.ae.projection.is_exact()));
    let titles = ["Autoencoder: codes h", "VAE: means μ"];
    let ids = [
        ("latent-map-ae", "decoded-ae", "manifold-ae"),
        ("latent-map-vae", "decoded-vae", "manifold-vae"),
    ];
    view! {
        <section class="maps">
            <h2>"Latent maps"</h2>
            <p class="explain-line">
                "Each dot is a test digit's code, coloured by its class; the cross is the current digit (for the VAE with the 1σ and 2σ ellipse of q(z|x)). "
                "Move over a map to decode that point, click to pin it. The autoencoder's codes are points with empty gaps between them: "
                "decoding a gap gives a meaningless image. The VAE is trained to keep q(z|x) close to N(0, I), so its space is continuous "
                "and every point near the data decodes to a plausible digit."
            </p>
            {move || approx().then(|| view! {
                <p class="note" data-testid="projection-note">
                    "16-D codes are shown by their first two principal components; a point is decoded from the mean code plus those two components, an approximation."
                </p>
            })}
            {move || data.with(|d| d.is_none()).then(|| view! { <p class="caption">"Encoding the 2,000 test digits…"</p> })}
            <div class="map-row">
                {families
                    .iter()
                    .map(|&family| {
                        let k = family as usize;
                        let (decode_at, on_pick, markers, map) = maps[k];
                        view! {
                            <figure class="map-cell">
                                <figcaption>{titles[k]}</figcaption>
                                <LatentMap map=map markers=markers testid=ids[k].0 on_hover=decode_at on_pick=on_pick />
                                <DigitCanvas pixels=decoded[k] testid=ids[k].1 label="Decoded point" />
                            </figure>
                        }
                    })
                    .collect_view()}
            </div>
            <ClassLegend />
            <h3>"Manifold: decoding a grid over each map"</h3>
            <label>
                {move || format!("Grid {0} × {0} ", manifold_n.get())}
                <input type="range" min="2" max="20" step="1" data-testid="manifold-n"
                    prop:value=move || manifold_n.get().to_string()
                    on:change=move |ev| manifold_n.set(event_target_value(&ev).parse().unwrap_or(10)) />
            </label>
            <div class="map-row">
                {families
                    .iter()
                    .map(|&family| {
                        let k = family as usize;
                        view! {
                            <figure>
                                <MosaicCanvas
                                    rows=Signal::derive(move || manifolds[k].with(|m| m.1.clone()))
                                    cols=Signal::derive(move || manifolds[k].with(|m| m.0))
                                    testid=ids[k].2
                                />
                                <figcaption>{titles[k]}</figcaption>
                            </figure>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
