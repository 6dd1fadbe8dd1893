//! The latent space explorer: the AE's gaps against the VAE's continuity. Latent maps of the test
//! digits, decoding any point, manifold grids, interpolation, generation, the reparameterisation
//! trick and attribute vectors — for the 2-D models exactly and for the 16-D ones through a PCA
//! projection.
//!
//! Everything the view shows is in its link (see each section for its keys): `dim` (the maps'
//! latent size), `d` (the view's current digit, never written back to the student's drawing),
//! `grid`, `pa`/`pv` (pins), `a`/`b`/`t`/`n` (interpolation), `gs` (generation seed), `es`
//! (reparameterisation seed), `attr`/`alpha` (attribute vectors).

mod attributes;
mod generate;
mod interpolate;
mod maps;
mod reparam;

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::latent::Gaussian;
use crate::analysis::latent_map::LatentSpaceMap;
use crate::app::components::digit_canvas::{DigitCanvas, MosaicCanvas};
use crate::app::components::fields::{Choice, SelectField};
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::error::EngineError;
use crate::app::engine::models::Codes;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Family, LatentSize, PerFamily, PerSize};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{ResourceHandle, use_current_digit, use_resources};
use crate::app::web::random_index;
use crate::app::web::runner::LatestRunner;
use crate::i18n::tk;
use crate::link::digit::DigitRef;
use crate::link::latent::{End, read_points, write_points};
use crate::link::value::choice;
use crate::slug::Slug;

/// Pins kept per map: the two endpoints of an interpolation.
pub const PINS: usize = 2;

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
        resources: &Resources,
        images: &[f32],
        family: Family,
        size: LatentSize,
    ) -> Result<Self, EngineError> {
        let codes = resources
            .encode_on(resources.batch_engine(), family, size, images)
            .await?;
        let map = LatentSpaceMap::fit(&codes.mean, codes.dim, &resources.test_digits().labels);
        Ok(Self { codes, map })
    }
}

impl LatentData {
    /// Encodes the test split with both models of `size` (batch engine).
    async fn encode(resources: Arc<Resources>, size: LatentSize) -> Result<Self, EngineError> {
        let images = resources.test_digits().all_images();
        let ae = Space::encode(&resources, &images, Family::Ae, size).await?;
        let vae = Space::encode(&resources, &images, Family::Vae, size).await?;
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
    pub resources: ResourceHandle,
    /// The latent size of the maps, the manifold, generation and reparameterisation.
    pub size: RwSignal<LatentSize>,
    /// The test split's codes per latent size, each encoded once per visit.
    pub spaces: RwSignal<PerSize<Option<Arc<LatentData>>>>,
    /// The view's current digit, as a link names it (a test digit or a drawing's pixels).
    pub digit: RwSignal<DigitRef>,
    /// Its image.
    pub current: Memo<Vec<f32>>,
    /// Its codes per size.
    pub current_codes: RwSignal<PerSize<Option<PerFamily<Codes>>>>,
    /// The interpolation's endpoints A and B as chosen (links: `a`, `b`).
    pub picks: [RwSignal<End>; 2],
    /// The test digit each endpoint field last had, to go back to from the pins.
    pub remembered: StoredValue<[usize; 2]>,
    /// Interpolation endpoints A and B as codes (of the 16-D models, or of the maps' models when
    /// pinned on the maps); drawn as a path on maps of their size.
    pub ends: RwSignal<PerFamily<[Option<Vec<f32>>; 2]>>,
    /// Points pinned on each map (A, then B), in map coordinates (links: `pa`, `pv`).
    pub pins: PerFamily<RwSignal<Vec<[f32; 2]>>>,
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

    /// Whether both maps have their two pins (tracked).
    pub fn pins_ready(self) -> bool {
        Family::ALL
            .iter()
            .all(|&f| self.pins[f].with(|p| p.len() == PINS))
    }

    /// The test digit an endpoint goes back to when it stops being pinned.
    pub fn unpin(self, end: usize) {
        if self.picks[end].with_untracked(End::is_pinned) {
            let digit = self.remembered.get_value()[end];
            self.picks[end].set(End::Test(digit));
        }
    }

    /// A new latent size for the maps: their pins, and endpoints pinned on them, mean nothing in
    /// the new space.
    pub fn set_size(self, size: LatentSize) {
        if self.size.get_untracked() == size {
            return;
        }
        self.size.set(size);
        for family in Family::ALL {
            self.pins[family].set(Vec::new());
        }
        self.unpin(0);
        self.unpin(1);
    }

    /// Decodes codes on the live engine.
    pub async fn decode(
        self,
        family: Family,
        size: LatentSize,
        codes: Vec<f32>,
    ) -> Result<Vec<f32>, EngineError> {
        let resources = self.resources.get();
        resources
            .decode_on(resources.live_engine(), family, size, &codes)
            .await
    }

    /// Decodes many codes on the batch engine (WebGPU when in use).
    pub async fn decode_batch(
        self,
        family: Family,
        size: LatentSize,
        codes: Vec<f32>,
    ) -> Result<Vec<f32>, EngineError> {
        let resources = self.resources.get();
        resources
            .decode_on(resources.batch_engine(), family, size, &codes)
            .await
    }

    /// Encodes images with both models of `size` on the live engine.
    pub async fn encode_both(
        self,
        size: LatentSize,
        images: Vec<f32>,
    ) -> Result<PerFamily<Codes>, EngineError> {
        let resources = self.resources.get();
        let live = resources.live_engine();
        Ok(PerFamily {
            ae: resources.encode_on(live, Family::Ae, size, &images).await?,
            vae: resources
                .encode_on(live, Family::Vae, size, &images)
                .await?,
        })
    }
}

/// A digit canvas whose screen-reader label follows the language (`label` is read reactively).
pub fn digit_canvas(
    pixels: Signal<Option<Vec<f32>>>,
    testid: String,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! { <DigitCanvas pixels=pixels testid=testid label=Signal::derive(label) /> }
}

/// A mosaic of digits whose screen-reader label follows the language.
pub fn mosaic_canvas(
    rows: Signal<Vec<Vec<f32>>>,
    cols: Signal<usize>,
    testid: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! { <MosaicCanvas rows=rows cols=cols testid=testid label=Signal::derive(label) /> }
}

/// The model family's name ("Autoencoder", "VAE").
pub fn family_key(family: Family) -> &'static str {
    match family {
        Family::Ae => tk("latent-family-ae"),
        Family::Vae => tk("latent-family-vae"),
    }
}

/// The view's digit as an image: a test digit, a drawing, or a blank for an empty link.
fn digit_image(resources: ResourceHandle, digit: &DigitRef) -> Vec<f32> {
    match digit {
        DigitRef::Test(i) => {
            resources.with(|r| r.test_digits().image((*i).min(r.test_digits().len() - 1)))
        }
        DigitRef::Pixels(p) if p.len() == crate::PIXELS => p.clone(),
        _ => vec![0.0; crate::PIXELS],
    }
}

#[component]
pub fn LatentView() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let link = use_link();
    let student = use_current_digit();
    let n_test = resources.with(|r| r.test_digits().len());
    // The student's digit as the view opens (a lone test digit by its index), else test digit 0.
    let digit = RwSignal::new(student.as_link_untracked().or_first());
    let current = Memo::new(move |_| digit.with(|d| digit_image(resources, d)));
    let ex = Explorer {
        resources,
        size: RwSignal::new(LatentSize::Two),
        spaces: RwSignal::new(PerSize::default()),
        digit,
        current,
        current_codes: RwSignal::new(PerSize::default()),
        picks: [RwSignal::new(End::Test(0)), RwSignal::new(End::Test(1))],
        remembered: StoredValue::new([0, 1]),
        ends: RwSignal::new(PerFamily::default()),
        pins: PerFamily::new(|_| RwSignal::new(Vec::new())),
        errors: TaskErrors::new(),
    };
    // The link: what the maps show and the current digit (the view's own; the student's drawing
    // is never written from here).
    link.bind(
        "dim",
        ex.size,
        |t| choice(t, LatentSize::from_slug).map(|s| (s, None)),
        |s| s.dim().to_string(),
    );
    link.bind(
        "d",
        ex.digit,
        move |t| DigitRef::read(t, n_test),
        DigitRef::write,
    );
    link.bind(
        "pa",
        ex.pins.ae,
        |t| read_points(t, PINS),
        |p| write_points(p),
    );
    link.bind(
        "pv",
        ex.pins.vae,
        |t| read_points(t, PINS),
        |p| write_points(p),
    );

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
            let outcome = LatentData::encode(resources.get(), size).await;
            match ex.errors.check(tk("latent-task-encode-split"), outcome) {
                Some(d) => _ = ex.spaces.try_update(|s| s[size] = Some(Arc::new(d))),
                None => return,
            }
        }
    });
    // Encode the current digit with every model whenever it changes.
    let codes_runner = LatestRunner::new();
    Effect::new(move |_| {
        codes_runner.submit(ex.current.get(), move |x| async move {
            for size in LatentSize::ALL {
                let outcome = ex.encode_both(size, x.clone()).await;
                if let Some(c) = ex.errors.check(tk("latent-task-encode-current"), outcome) {
                    ex.current_codes.try_update(|codes| codes[size] = Some(c));
                }
            }
        });
    });

    let use_drawing = move |_| {
        let d = student.sketch.with_untracked(|s| {
            student
                .input
                .with_untracked(|input| DigitRef::of_sketch(s, input.as_deref()))
        });
        if d != DigitRef::Empty {
            ex.digit.set(d);
        }
    };
    let random_digit = move |_| ex.digit.set(DigitRef::Test(random_index(n_test)));

    view! {
        <section class="latent-view">
            <div class="toolbar">
                <label>
                    {move || i18n.t("latent-size-label")}" "
                    {move || view! {
                        <SelectField
                            testid="latent-size"
                            disabled=Signal::derive(move || link.is_locked("dim"))
                            value=Signal::derive(move || ex.size.get().dim().to_string())
                            choices=vec![
                                Choice::new("2", i18n.t("latent-size-2")),
                                Choice::new("16", i18n.t("latent-size-16")),
                            ]
                            on_select=Callback::new(move |v: String| {
                                if let Some(size) = LatentSize::from_slug(&v) {
                                    ex.set_size(size);
                                }
                            })
                        />
                    }}
                </label>
                <span class="current">
                    {move || i18n.t("latent-current")}" "
                    {digit_canvas(
                        Signal::derive(move || Some(ex.current.get())),
                        "latent-current".into(),
                        move || i18n.t("latent-current-label"),
                    )}
                </span>
                <button on:click=use_drawing>{move || i18n.t("latent-use-drawing")}</button>
                <button data-testid="latent-random" on:click=random_digit>{move || i18n.t("latent-random")}</button>
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
