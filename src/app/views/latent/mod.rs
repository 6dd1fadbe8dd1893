//! The latent space explorer: the AE's gaps against the VAE's continuity. Latent maps of the test
//! digits, decoding any point, manifold grids, interpolation, generation, the reparameterisation
//! trick and attribute vectors — for the 2-D models exactly and for the 16-D ones through a PCA
//! projection.

mod attributes;
mod generate;
mod interpolate;
mod maps;
mod reparam;

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::latent::Gaussian;
use crate::analysis::latent_map::LatentSpaceMap;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::fields::{Choice, SelectField};
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::models::Codes;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Family, LatentSize, PerFamily, PerSize};
use crate::app::state::{Lab, use_current_digit, use_lab};
use crate::app::web::random_index;
use crate::app::web::runner::LatestRunner;

/// One model's latent space over the test split.
pub struct Space {
    pub codes: Codes,
    pub map: LatentSpaceMap,
}

/// Both latent spaces of one latent size.
pub struct LatentData {
    pub size: LatentSize,
    pub spaces: PerFamily<Space>,
    /// A Gaussian fitted to the AE's codes: what "sampling an autoencoder" can at best mean.
    pub ae_gaussian: Gaussian,
}

impl Space {
    /// The codes of the test split's `images` under one model, and their map.
    async fn encode(
        lab: &Resources,
        images: &[f32],
        family: Family,
        size: LatentSize,
    ) -> Result<Self, String> {
        let codes = lab
            .encode_on(lab.batch_engine(), family, size, images)
            .await?;
        let map = LatentSpaceMap::fit(&codes.mean, codes.dim, &lab.data.test.labels);
        Ok(Self { codes, map })
    }
}

impl LatentData {
    /// Encodes the test split with both models of `size` (batch engine).
    async fn encode(lab: Arc<Resources>, size: LatentSize) -> Result<Self, String> {
        let images = lab.data.test.all_images();
        let ae = Space::encode(&lab, &images, Family::Ae, size).await?;
        let vae = Space::encode(&lab, &images, Family::Vae, size).await?;
        Ok(Self {
            size,
            ae_gaussian: Gaussian::fit(&ae.codes.mean, ae.codes.dim),
            spaces: PerFamily { ae, vae },
        })
    }
}

/// What every section of the view shares. Copy: each section captures it freely.
///
/// Each section uses the models that make its point: the maps, the manifold, generation and the
/// reparameterisation use the latent size chosen in the toolbar (2-D by default: exact maps);
/// interpolation between digits and attribute vectors always use the 16-D models, since a 2-D
/// code cannot represent many digits at all.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub lab: Lab,
    /// The latent size of the maps, the manifold, generation and reparameterisation.
    pub size: RwSignal<LatentSize>,
    /// The test split's codes per latent size, each encoded once per visit.
    pub spaces: RwSignal<PerSize<Option<Arc<LatentData>>>>,
    /// The current digit (the student's drawing or a test digit) and its codes per size.
    pub current: RwSignal<Vec<f32>>,
    pub current_codes: RwSignal<PerSize<Option<PerFamily<Codes>>>>,
    /// Interpolation endpoints A and B as codes (of the 16-D models, or of the maps' models when
    /// pinned on the maps); drawn as a path on maps of their size.
    pub ends: RwSignal<PerFamily<[Option<Vec<f32>>; 2]>>,
    /// Points pinned on each map (A, then B), as codes of the maps' size.
    pub pins: RwSignal<PerFamily<Vec<Vec<f32>>>>,
    /// Failures of the view's background work.
    pub errors: TaskErrors,
}

impl Explorer {
    /// The split's codes for `size`, once encoded (tracked).
    pub fn data(self, size: LatentSize) -> Option<Arc<LatentData>> {
        self.spaces.with(|s| s[size].clone())
    }

    /// The split's codes for the maps' size (tracked).
    pub fn map_data(self) -> Option<Arc<LatentData>> {
        self.data(self.size.get())
    }

    /// The current digit's codes for `size` (tracked).
    pub fn codes(self, size: LatentSize) -> Option<PerFamily<Codes>> {
        self.current_codes.with(|c| c[size].clone())
    }

    /// Decodes codes on the live engine.
    pub async fn decode(
        self,
        family: Family,
        size: LatentSize,
        codes: Vec<f32>,
    ) -> Result<Vec<f32>, String> {
        let lab = self.lab.get();
        lab.decode_on(lab.live_engine(), family, size, &codes).await
    }

    /// Decodes many codes on the batch engine (WebGPU when in use).
    pub async fn decode_batch(
        self,
        family: Family,
        size: LatentSize,
        codes: Vec<f32>,
    ) -> Result<Vec<f32>, String> {
        let lab = self.lab.get();
        lab.decode_on(lab.batch_engine(), family, size, &codes)
            .await
    }

    /// Encodes images with both models of `size` on the live engine.
    pub async fn encode_both(
        self,
        size: LatentSize,
        images: Vec<f32>,
    ) -> Result<PerFamily<Codes>, String> {
        let lab = self.lab.get();
        let live = lab.live_engine();
        Ok(PerFamily {
            ae: lab.encode_on(live, Family::Ae, size, &images).await?,
            vae: lab.encode_on(live, Family::Vae, size, &images).await?,
        })
    }
}

#[component]
pub fn LatentView() -> impl IntoView {
    let lab = use_lab();
    let digit = use_current_digit();
    let first_digit = digit
        .input
        .get_untracked()
        .unwrap_or_else(|| lab.with(|r| r.data.test.image(0)));
    let ex = Explorer {
        lab,
        size: RwSignal::new(LatentSize::Two),
        spaces: RwSignal::new(PerSize::default()),
        current: RwSignal::new(first_digit),
        current_codes: RwSignal::new(PerSize::default()),
        ends: RwSignal::new(PerFamily::default()),
        pins: RwSignal::new(PerFamily::default()),
        errors: TaskErrors::new(),
    };

    // Encode the test split with the models of each size, the maps' size first.
    let first = ex.size.get_untracked();
    leptos::task::spawn_local(async move {
        let order = [
            first,
            if first == LatentSize::Two {
                LatentSize::Sixteen
            } else {
                LatentSize::Two
            },
        ];
        for size in order {
            let outcome = LatentData::encode(lab.get(), size).await;
            match ex.errors.check("Encoding the test digits", outcome) {
                Some(d) => _ = ex.spaces.try_update(|s| s[size] = Some(Arc::new(d))),
                None => return,
            }
        }
    });
    // Codes of one latent size mean nothing in another: a new size clears the pins.
    Effect::new(move |previous: Option<LatentSize>| {
        let size = ex.size.get();
        if previous.is_some_and(|p| p != size) {
            ex.pins.set(PerFamily::default());
        }
        size
    });
    // Encode the current digit with every model whenever it changes.
    let codes_runner = LatestRunner::new();
    Effect::new(move |_| {
        codes_runner.submit(ex.current.get(), move |x| async move {
            for size in LatentSize::ALL {
                let outcome = ex.encode_both(size, x.clone()).await;
                if let Some(c) = ex.errors.check("Encoding the current digit", outcome) {
                    ex.current_codes.try_update(|codes| codes[size] = Some(c));
                }
            }
        });
    });

    let use_drawing = move |_| {
        if let Some(x) = digit.input.get_untracked() {
            ex.current.set(x);
        }
    };
    let random_digit = move |_| {
        ex.current
            .set(lab.with(|r| r.data.test.image(random_index(r.data.test.len()))));
    };

    view! {
        <section class="latent-view">
            <div class="toolbar">
                <label>
                    "Latent space "
                    <SelectField
                        testid="latent-size"
                        value=Signal::derive(move || ex.size.get().dim().to_string())
                        choices=vec![
                            Choice::new("2", "2-D models (exact maps)"),
                            Choice::new("16", "16-D models (PCA projection of the codes)"),
                        ]
                        on_select=Callback::new(move |v: String| {
                            if let Some(size) = LatentSize::from_slug(&v) {
                                ex.size.set(size);
                            }
                        })
                    />
                </label>
                <span class="current">
                    "Current digit: "
                    <DigitCanvas pixels=Signal::derive(move || Some(ex.current.get())) testid="latent-current" label="Current digit" />
                </span>
                <button on:click=use_drawing>"Use my drawing"</button>
                <button data-testid="latent-random" on:click=random_digit>"Random test digit"</button>
            </div>
            <TaskErrorList errors=ex.errors />
            <maps::Maps ex=ex />
            <interpolate::Interpolation ex=ex />
            <generate::Generation ex=ex />
            <reparam::Reparameterisation ex=ex />
            <attributes::Attributes ex=ex />
        </section>
    }
}
