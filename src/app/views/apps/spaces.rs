//! The four spaces the retrieval and clustering tabs compare digits in — pixels, PCA-16 of the
//! training pixels, the AE-16 code h and the VAE-16 mean μ — and the mapping of images into each.
//! The dimensionality-reduction tab names three of them too, in two dimensions.

use crate::PIXELS;
use crate::app::engine::error::EngineError;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Family, LatentSize};
use crate::i18n::tk;

/// A space to compare digits in. The dimensionality-reduction tab shows three of them in two
/// dimensions (PCA-2, the 2-D codes), under its own names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    Pixels,
    Pca,
    Ae,
    Vae,
}

// Test ids and homework measures (`retrieval-precision-pca`, `retrieval_precision_ae`), and the
// names the retrieval and clustering tabs give the 16-D spaces.
crate::slugs!(Space {
    Pixels: "pixels", tk("apps-retrieval-pixels");
    Pca: "pca", tk("apps-retrieval-pca");
    Ae: "ae", tk("apps-retrieval-ae");
    Vae: "vae", tk("apps-retrieval-vae");
});

impl Space {
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
