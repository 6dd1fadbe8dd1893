//! The shipped digits GAN (`pretrained/gan-64`): downloaded when the comparison first needs it,
//! built on the CPU engine (sampling 64 digits from its generator takes milliseconds there), and
//! kept for the rest of the visit. A failed download says why and can be retried.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::engine::error::EngineError;
use crate::app::engine::models::read;
use crate::app::engine::resources::Resources;
use crate::app::web::fetch::{fetch_bytes, fetch_text};
use crate::gan::shipped::{GAN_64, GanManifest, generate, load_generator, parse_gan_manifest};
use crate::model::gan::Generator;

/// Where the shipped GAN stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ShippedStatus {
    NotAsked,
    Loading,
    Ready(Arc<GanManifest>),
    Failed(EngineError),
}

#[derive(Clone, Copy)]
pub struct ShippedGan {
    pub status: RwSignal<ShippedStatus>,
    generator: StoredValue<Option<Arc<Generator>>, LocalStorage>,
}

impl ShippedGan {
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(ShippedStatus::NotAsked),
            generator: StoredValue::new_local(None),
        }
    }

    /// Downloads and builds the GAN unless it is there or on its way.
    pub fn ensure(self, resources: Arc<Resources>) {
        if matches!(
            self.status.get_untracked(),
            ShippedStatus::Loading | ShippedStatus::Ready(_)
        ) {
            return;
        }
        self.status.set(ShippedStatus::Loading);
        leptos::task::spawn_local(async move {
            let status = match download(&resources).await {
                Ok((manifest, generator)) => {
                    self.generator.try_set_value(Some(Arc::new(generator)));
                    ShippedStatus::Ready(Arc::new(manifest))
                }
                Err(why) => ShippedStatus::Failed(why),
            };
            self.status.try_set(status);
        });
    }

    /// G(z) for `noise` (64 values per sample), as pixels.
    pub async fn sample(self, noise: Vec<f32>) -> Result<Vec<f32>, EngineError> {
        let generator = self
            .generator
            .try_get_value()
            .flatten()
            .ok_or(EngineError::NotDownloaded("GAN"))?;
        read(generate(&generator, &noise)).await
    }
}

async fn download(resources: &Resources) -> Result<(GanManifest, Generator), EngineError> {
    let manifest = parse_gan_manifest(&fetch_text(&format!("pretrained/{GAN_64}.json")).await?)
        .map_err(|e| EngineError::BadFile(e.to_string()))?;
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    let generator = load_generator(&manifest, weights, &resources.cpu_models().device)
        .map_err(|e| EngineError::BadFile(e.to_string()))?;
    Ok((manifest, generator))
}
