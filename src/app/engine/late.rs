//! The shipped models the draw view does not need (the denoising and inpainting AEs of the noise
//! lab, the 2-D AE and VAE of the latent maps): downloaded right after start-up, all at once, so
//! the first view appears sooner. Each has its own slot (loading with its progress, ready, or
//! failed with the reason) that views read through a signal; work that needs a model waits for
//! its slot, and a failed download is retried on its own, never touching what already works.

use std::sync::{Arc, OnceLock};

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::models::ModelSet;
use super::resources::{AGREEMENT_TOLERANCE, Resources};
use crate::analysis::metrics::max_abs_diff;
use crate::app::web::fetch::{fetch_bytes, fetch_text};
use crate::i18n::Text;
use crate::model::manifest::Manifest;
use crate::model::pretrained::{Shipped, load_autoencoder, load_vae, parse_manifest};

/// The models loaded after start-up.
pub const LATE: [Shipped; 4] = [
    Shipped::Dae16,
    Shipped::Inpaint16,
    Shipped::Ae2,
    Shipped::Vae2,
];

/// How often work waiting for a download (a model's slot, the training digits) looks again.
pub(super) const WAIT_POLL_MS: u32 = 50;

/// Where one model's download stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotState {
    /// Downloading or building; the fraction done.
    Loading(f32),
    Ready,
    /// What failed, in technical words (the view says what to do in the student's language).
    Failed(String),
}

/// The slot of every model in [`LATE`], with its manifest once downloaded.
pub struct LateModels {
    slots: [RwSignal<SlotState>; LATE.len()],
    manifests: [OnceLock<Manifest>; LATE.len()],
}

impl Default for LateModels {
    fn default() -> Self {
        Self {
            slots: std::array::from_fn(|_| RwSignal::new(SlotState::Loading(0.0))),
            manifests: Default::default(),
        }
    }
}

fn index(model: Shipped) -> usize {
    LATE.iter()
        .position(|&m| m == model)
        .expect("a model loaded after start-up")
}

impl LateModels {
    /// The slot of `model` (one of [`LATE`]).
    pub fn state(&self, model: Shipped) -> RwSignal<SlotState> {
        self.slots[index(model)]
    }

    /// The manifest of `model`, once it has been downloaded.
    pub fn manifest(&self, model: Shipped) -> Option<&Manifest> {
        self.manifests[index(model)].get()
    }

    /// Waits until every one of `models` is ready; the first failure is the error.
    pub async fn wait_for(&self, models: &[Shipped]) -> Result<(), String> {
        loop {
            let mut ready = true;
            for &model in models {
                match self.state(model).try_get_untracked() {
                    Some(SlotState::Ready) => {}
                    Some(SlotState::Failed(why)) => return Err(why),
                    Some(SlotState::Loading(_)) => ready = false,
                    None => return Err("the app was closed".into()),
                }
            }
            if ready {
                return Ok(());
            }
            TimeoutFuture::new(WAIT_POLL_MS).await;
        }
    }
}

/// Starts every download at once (the training digits and these models), each in its own task,
/// once the first view has been put on the page (after the tasks that update it).
pub fn load_all(resources: Arc<Resources>) {
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(0).await;
        leptos::task::spawn_local(super::training_digits::load(resources.clone()));
        for model in LATE {
            leptos::task::spawn_local(load(resources.clone(), model));
        }
    });
}

/// Downloads `model`, builds it on each engine and marks its slot ready, or failed with the
/// reason. Called once at start-up and again by a view's "Retry".
pub async fn load(resources: Arc<Resources>, model: Shipped) {
    let slot = resources.late.state(model);
    slot.try_set(SlotState::Loading(0.0));
    let outcome = download_and_build(&resources, model, |p| {
        slot.try_set(SlotState::Loading(p));
    })
    .await;
    match outcome {
        Ok(()) => slot.try_set(SlotState::Ready),
        Err(why) => {
            log::warn!("loading {} failed: {why}", model.name());
            slot.try_set(SlotState::Failed(why))
        }
    };
}

async fn download_and_build(
    resources: &Resources,
    model: Shipped,
    progress: impl Fn(f32),
) -> Result<(), String> {
    let name = model.name();
    let manifest = parse_manifest(&fetch_text(&format!("pretrained/{name}.json")).await?)
        .map_err(|e| e.to_string())?;
    progress(0.05);
    // The whole body in one `arrayBuffer()`, which the browser fills on its own: read chunk by
    // chunk for a byte count, a download stayed open while the page was busy with WebGPU (and a
    // reload then cut it off), so the progress moves in steps instead.
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    progress(0.8);
    // A model downloaded again after a retry is already in the sets that built it.
    if !resources.cpu.has(model) {
        add(&resources.cpu, model, &manifest, weights.clone())?;
    }
    progress(0.9);
    if let Some((gpu, set)) = &resources.gpu
        && gpu.is_healthy()
        && !set.has(model)
    {
        // WebGPU must agree with the CPU on this model too, as on the start-up ones.
        let checked = async {
            add(set, model, &manifest, weights)?;
            let on_gpu = set.reconstruct_with(model, &resources.check_images).await?;
            let on_cpu = resources.cpu.reconstruct_with(model, &resources.check_images).await?;
            Ok::<_, String>(max_abs_diff(&on_gpu, &on_cpu))
        }
        .await;
        match checked {
            Err(why) => resources.fall_back_to_cpu(Text::new("webgpu-failed").with("why", why)),
            Ok(diff) if diff.is_nan() || diff > AGREEMENT_TOLERANCE => resources.fall_back_to_cpu(
                Text::new("webgpu-disagrees").with("diff", format!("{diff:.2e}")),
            ),
            Ok(_) => {}
        }
    }
    let _ = resources.late.manifests[index(model)].set(manifest);
    Ok(())
}

/// Builds `model` on `set`'s device from the downloaded bytes and puts it in its place.
fn add(
    set: &ModelSet,
    model: Shipped,
    manifest: &Manifest,
    weights: Vec<u8>,
) -> Result<(), String> {
    let device = &set.device;
    let ae = |weights| {
        load_autoencoder(manifest, weights, device).map_err(|e| format!("{}: {e}", manifest.name))
    };
    let twice = |_| format!("{} was built twice", manifest.name);
    match model {
        Shipped::Dae16 => set.dae.set(ae(weights)?).map_err(twice),
        Shipped::Inpaint16 => set.inpaint.set(ae(weights)?).map_err(twice),
        Shipped::Ae2 => set.ae2.set(ae(weights)?).map_err(twice),
        Shipped::Vae2 => {
            let vae = load_vae(manifest, weights, device)
                .map_err(|e| format!("{}: {e}", manifest.name))?;
            set.vae2
                .set(vae)
                .map_err(|_| format!("{} was built twice", manifest.name))
        }
        _ => Err(format!("{} is loaded at start-up", model.name())),
    }
}
