//! The four spaces the retrieval and clustering tabs compare digits in — pixels, PCA-16 of the
//! training pixels, the AE-16 code h and the VAE-16 mean μ — and the mapping of images into each.

use crate::PIXELS;
use crate::app::engine::error::EngineError;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Family, LatentSize};
use crate::i18n::tk;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    Pixels,
    Pca,
    Ae,
    Vae,
}

impl Space {
    pub const ALL: [Space; 4] = [Space::Pixels, Space::Pca, Space::Ae, Space::Vae];

    pub fn slug(self) -> &'static str {
        match self {
            Space::Pixels => "pixels",
            Space::Pca => "pca",
            Space::Ae => "ae",
            Space::Vae => "vae",
        }
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Space::Pixels => tk("apps-retrieval-pixels"),
            Space::Pca => tk("apps-retrieval-pca"),
            Space::Ae => tk("apps-retrieval-ae"),
            Space::Vae => tk("apps-retrieval-vae"),
        }
    }

    /// The space's place in `ALL` (and in arrays of per-space results).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The model family behind a code space.
    pub fn family(self) -> Option<Family> {
        match self {
            Space::Ae => Some(Family::Ae),
            Space::Vae => Some(Family::Vae),
            Space::Pixels | Space::Pca => None,
        }
    }

    /// `images` (n × 784) as vectors of this space, and their length (the models in use encode
    /// on the engine for whole splits).
    pub async fn vectors(
        self,
        resources: &Resources,
        images: &[f32],
    ) -> Result<(Vec<f32>, usize), EngineError> {
        match (self, self.family()) {
            (_, Some(family)) => {
                let codes = resources
                    .encode_on(
                        resources.batch_engine(),
                        family,
                        LatentSize::Sixteen,
                        images,
                    )
                    .await?;
                Ok((codes.mean, codes.dim))
            }
            (Space::Pca, None) => {
                let pca = resources.pixel_pca().await?;
                Ok((
                    images
                        .chunks_exact(PIXELS)
                        .flat_map(|x| pca.project(x))
                        .collect(),
                    pca.k(),
                ))
            }
            _ => Ok((images.to_vec(), PIXELS)),
        }
    }
}
