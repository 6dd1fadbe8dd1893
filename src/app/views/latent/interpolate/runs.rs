//! The interpolation's two background jobs: the endpoints become codes of both families, and the
//! codes become the image at step i and the strip of all N + 1 steps.

use leptos::prelude::*;

use crate::analysis::latent::{interpolation_path, lerp};
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::views::latent::Explorer;
use crate::app::web::runner::LatestRunner;
use crate::i18n::tk;
use crate::link::latent::End;

/// One image per family: the decoding at step i.
pub type StepImages = PerFamily<RwSignal<Option<Vec<f32>>>>;
/// One strip per family: the decodings of all N + 1 steps, as one mosaic row.
pub type StepStrips = PerFamily<RwSignal<Vec<Vec<f32>>>>;

/// Keeps `ex.ends` the endpoints as codes of both families, encoded with the models of
/// `ends_size`, and `pin_images` the VAE's decodings of pinned endpoints.
pub fn encode_ends(
    ex: Explorer,
    n_test: usize,
    pinned: Memo<bool>,
    ends_size: Memo<LatentSize>,
    pin_images: RwSignal<[Option<Vec<f32>>; 2]>,
) {
    let resources = ex.resources;
    let enc_runner = LatestRunner::new();
    Effect::new(move |_| {
        let picks = ex.picks.map(|p| p.get());
        let size = ends_size.get();
        // Pinned points become codes through the maps' projection: wait for the maps.
        let data = if pinned.get() {
            match ex.data(size) {
                Some(d) => Some(d),
                None => return,
            }
        } else {
            None
        };
        // Digit endpoints' images (tracking the current digit only where an endpoint is it).
        let images = picks.clone().map(|pick| match pick {
            End::Test(i) => Some(resources.with(|r| r.test_digits().image(i.min(n_test - 1)))),
            End::Current => Some(ex.current.get()),
            End::Pinned { .. } => None,
        });
        enc_runner.submit(
            (picks, size, data, images),
            move |(picks, size, data, images)| async move {
                let mut next = PerFamily::<[Option<Vec<f32>>; 2]>::default();
                let mut decoded = [None, None];
                for (end, pick) in picks.iter().enumerate() {
                    match (pick, &data) {
                        (End::Pinned { ae, vae }, Some(d)) => {
                            let points = PerFamily { ae: *ae, vae: *vae };
                            for family in Family::ALL {
                                next[family][end] =
                                    Some(d.spaces[family].map.projection.from_map(points[family]));
                            }
                            let code = next.vae[end].clone().unwrap_or_default();
                            let outcome = ex.decode(Family::Vae, size, code).await;
                            decoded[end] = ex.errors.check(tk("latent-task-decode-pins"), outcome);
                        }
                        (End::Pinned { .. }, None) => {}
                        (_, _) => {
                            let Some(img) = images[end].clone() else {
                                continue;
                            };
                            let outcome = ex.encode_both(size, img).await;
                            if let Some(codes) =
                                ex.errors.check(tk("latent-task-encode-ends"), outcome)
                            {
                                for family in Family::ALL {
                                    next[family][end] = Some(codes[family].mean.clone());
                                }
                            }
                        }
                    }
                }
                ex.ends.try_set(next);
                pin_images.try_set(decoded);
            },
        );
    });
}

/// Decodes step i and the strip whenever the endpoints, i or N change.
pub fn decode_steps(
    ex: Explorer,
    step: Memo<usize>,
    steps: RwSignal<usize>,
) -> (StepImages, StepStrips) {
    let at_t = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let strips = PerFamily::new(|_| RwSignal::new(Vec::<Vec<f32>>::new()));
    let dec_runner = LatestRunner::new();
    Effect::new(move |_| {
        let job = (ex.ends.get(), step.get(), steps.get());
        dec_runner.submit(job, move |(ends, i, n)| async move {
            for family in Family::ALL {
                let [Some(a), Some(b)] = &ends[family] else {
                    continue;
                };
                let Some(size) = LatentSize::of_dim(a.len()) else {
                    continue;
                };
                // The same code as the strip's image i.
                let code = lerp(a, b, i as f32 / n as f32);
                let outcome = ex.decode(family, size, code).await;
                if let Some(img) = ex.errors.check(tk("latent-task-decode-interp"), outcome) {
                    at_t[family].try_set(Some(img));
                }
                let outcome = ex.decode(family, size, interpolation_path(a, b, n)).await;
                if let Some(strip) = ex.errors.check(tk("latent-task-decode-strip"), outcome) {
                    strips[family].try_set(vec![strip]);
                }
            }
        });
    });
    (at_t, strips)
}
