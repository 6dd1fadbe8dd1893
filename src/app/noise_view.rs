//! The noise and occlusion lab: corrupt a digit (Gaussian noise, salt-and-pepper, masks) and
//! compare the plain AE, the denoising AE, the inpainting AE and the VAE, live on one digit and
//! averaged over the whole test split.

use std::sync::Arc;

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::PointerEvent;

use super::digit_canvas::{DigitCanvas, MosaicCanvas, pointer_fraction};
use super::draw_pad::saved_sketch_input;
use super::engine::{Backend, now_ms};
use super::inference::Outputs;
use super::loader::Loaded;
use super::runner::LatestRunner;
use crate::SIDE;
use crate::analysis::metrics::mse;
use crate::data::corrupt::{Corruption, Mask};
use crate::model::pretrained::{DAE_16, INPAINT_16};
use crate::rng::seeded;

/// Digits per batch when averaging over the test split.
const MEAN_BATCH: usize = 250;
/// Digits in the batch view.
const BATCH_VIEW: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MaskTool {
    Rect,
    Brush,
}

/// The four models, in display order, with their test ids and titles.
const MODELS: [(&str, &str); 4] = [
    ("ae", "Plain AE"),
    ("dae", "Denoising AE"),
    ("inpaint", "Inpainting AE"),
    ("vae", "VAE g(μ)"),
];

fn output<'a>(o: &'a Outputs, key: &str) -> &'a [f32] {
    match key {
        "ae" => &o.ae,
        "dae" => &o.dae,
        "inpaint" => &o.inpaint,
        _ => &o.vae,
    }
}

/// A fresh seed for "re-roll" (the seed itself is shown, so any corruption can be reproduced).
fn random_seed() -> u64 {
    (js_sys::Math::random() * 1_000_000.0) as u64
}

/// Mean MSE against clean of each model over a whole split, computed in batches.
#[derive(Clone, Debug, Default, PartialEq)]
struct SplitMeans {
    done: usize,
    total: usize,
    sums: [f64; 4],
    engine: Option<Backend>,
    ms: f64,
}

#[component]
pub fn NoiseView(lab: Arc<Loaded>) -> impl IntoView {
    let clean =
        RwSignal::new(saved_sketch_input(&lab.data).unwrap_or_else(|| lab.data.test.image(0)));
    let source = RwSignal::new(String::from(
        "your drawing (or test digit #0 if the pad is empty)",
    ));
    let corruption = RwSignal::new(Corruption {
        noise_sigma: 0.3,
        ..Default::default()
    });
    let tool = RwSignal::new(MaskTool::Rect);
    let patch_count = RwSignal::new(3usize);
    let patch_size = RwSignal::new(6usize);
    let corrupted = Memo::new(move |_| corruption.with(|c| clean.with(|x| c.apply(x, 0))));

    // Live outputs for the one digit.
    let outputs = RwSignal::new(None::<Outputs>);
    let run_error = RwSignal::new(None::<String>);
    let runner = LatestRunner::new();
    let live_lab = lab.clone();
    Effect::new(move |_| {
        let x = corrupted.get();
        let lab = live_lab.clone();
        runner.submit(x, move |x| {
            let lab = lab.clone();
            async move {
                let live = lab.engine.get_untracked().live;
                match lab.run_all_on(live, &x).await {
                    Ok((o, _)) => _ = outputs.try_set(Some(o)),
                    Err(why) => {
                        _ = run_error.try_set(Some(format!("The models could not run: {why}")))
                    }
                }
            }
        });
    });

    // The batch view: 16 random test digits, re-picked on demand.
    let test_len = lab.data.test.len();
    let pick = move || {
        let mut rng = seeded(random_seed());
        let n = test_len;
        (0..BATCH_VIEW)
            .map(|_| rand::RngExt::random_range(&mut rng, 0..n))
            .collect::<Vec<_>>()
    };
    let batch_indices = RwSignal::new(pick());
    let batch_rows = RwSignal::new(Vec::<Vec<f32>>::new());
    let batch_lab = lab.clone();
    let batch_runner = LatestRunner::new();
    Effect::new(move |_| {
        let c = corruption.get();
        let idx = batch_indices.get();
        let lab = batch_lab.clone();
        batch_runner.submit((c, idx), move |(c, idx)| {
            let lab = lab.clone();
            async move {
                let clean = lab.data.test.batch(&idx);
                let noisy = c.apply_indexed(&clean, &idx);
                if let Ok((o, _)) = lab.run_all_on(lab.batch_engine(), &noisy).await {
                    batch_rows.try_set(vec![clean, noisy, o.ae, o.dae, o.inpaint, o.vae]);
                }
            }
        });
    });

    // Means over the whole test split; a newer corruption abandons an older computation.
    let means = RwSignal::new(SplitMeans::default());
    let generation = StoredValue::new(0u64);
    let means_lab = lab.clone();
    Effect::new(move |_| {
        let c = corruption.get();
        let my_generation = generation.get_value() + 1;
        generation.set_value(my_generation);
        let lab = means_lab.clone();
        let total = lab.data.test.len();
        // Old means no longer describe this corruption: show "computing" at once.
        means.set(SplitMeans {
            total,
            ..Default::default()
        });
        leptos::task::spawn_local(async move {
            // Let a slider drag settle before starting.
            gloo_timers::future::TimeoutFuture::new(250).await;
            if generation.try_get_value() != Some(my_generation) {
                return;
            }
            let start = now_ms();
            let mut m = SplitMeans {
                total,
                ..Default::default()
            };
            let indices: Vec<usize> = (0..total).collect();
            for chunk in indices.chunks(MEAN_BATCH) {
                let clean = lab.data.test.batch(chunk);
                let noisy = c.apply_indexed(&clean, chunk);
                let Ok((o, engine)) = lab.run_all_on(lab.batch_engine(), &noisy).await else {
                    return;
                };
                if generation.try_get_value() != Some(my_generation) {
                    return;
                }
                for (k, (key, _)) in MODELS.iter().enumerate() {
                    m.sums[k] += mse(output(&o, key), &clean) * chunk.len() as f64;
                }
                m.done += chunk.len();
                m.engine = Some(engine);
                m.ms = now_ms() - start;
                means.try_set(m.clone());
            }
        });
    });

    let errors = move |key: &'static str, against_clean: bool| {
        move || {
            outputs.with(|o| {
                o.as_ref()
                    .map(|o| {
                        let reference = if against_clean {
                            clean.get()
                        } else {
                            corrupted.get()
                        };
                        format!("{:.4}", mse(output(o, key), &reference))
                    })
                    .unwrap_or_else(|| "—".into())
            })
        }
    };

    let use_drawing = {
        let lab = lab.clone();
        move |_| match saved_sketch_input(&lab.data) {
            Some(x) => {
                clean.set(x);
                source.set("your drawing".into());
            }
            None => source.set("the pad is empty: draw a digit first".into()),
        }
    };
    let random_digit = {
        let lab = lab.clone();
        move |_| {
            let i = (js_sys::Math::random() * lab.data.test.len() as f64) as usize;
            clean.set(lab.data.test.image(i));
            source.set(format!(
                "test digit #{i} (label {})",
                lab.data.test.labels[i]
            ));
        }
    };
    let drop_patches = move |_| {
        corruption.update(|c| {
            let mut rng = seeded(c.seed);
            c.mask.add_random_patches(
                patch_count.get_untracked(),
                patch_size.get_untracked(),
                &mut rng,
            );
        })
    };

    view! {
        <section class="noise-view">
            <div class="controls">
                <h2>"Corruption"</h2>
                <p class="caption">"Source: " {move || source.get()}</p>
                <div class="buttons">
                    <button on:click=use_drawing>"Use my drawing"</button>
                    <button data-testid="random-digit" on:click=random_digit>"Random test digit"</button>
                </div>
                <label>
                    "Gaussian noise σ = " {move || format!("{:.2}", corruption.with(|c| c.noise_sigma))}
                    <input type="range" min="0" max="1" step="0.05" data-testid="noise-sigma"
                        prop:value=move || corruption.with(|c| c.noise_sigma.to_string())
                        on:input=move |ev| {
                            let v = event_target_value(&ev).parse().unwrap_or(0.0);
                            corruption.update(|c| c.noise_sigma = v);
                        } />
                </label>
                <label>
                    "Salt-and-pepper: " {move || format!("{:.0}% of pixels", corruption.with(|c| c.salt_pepper * 100.0))}
                    <input type="range" min="0" max="0.5" step="0.01" data-testid="salt-pepper"
                        prop:value=move || corruption.with(|c| c.salt_pepper.to_string())
                        on:input=move |ev| {
                            let v = event_target_value(&ev).parse().unwrap_or(0.0);
                            corruption.update(|c| c.salt_pepper = v);
                        } />
                </label>
                <fieldset>
                    <legend>"Occlusion mask (draw on the corrupted image)"</legend>
                    <div class="buttons">
                        <button data-testid="mask-rect" class:active=move || tool.get() == MaskTool::Rect
                            on:click=move |_| tool.set(MaskTool::Rect)>"Drag a rectangle"</button>
                        <button data-testid="mask-brush" class:active=move || tool.get() == MaskTool::Brush
                            on:click=move |_| tool.set(MaskTool::Brush)>"Paint with a brush"</button>
                    </div>
                    <div class="buttons">
                        <button data-testid="mask-patches" on:click=drop_patches>"Drop random patches"</button>
                        <label>"count "
                            <input type="number" min="1" max="20" class="small" prop:value=move || patch_count.get().to_string()
                                on:change=move |ev| patch_count.set(event_target_value(&ev).parse().unwrap_or(3).clamp(1, 20)) />
                        </label>
                        <label>"size "
                            <input type="number" min="1" max="28" class="small" prop:value=move || patch_size.get().to_string()
                                on:change=move |ev| patch_size.set(event_target_value(&ev).parse().unwrap_or(6).clamp(1, 28)) />
                        </label>
                    </div>
                    <button data-testid="mask-clear" on:click=move |_| corruption.update(|c| c.mask = Mask::default())>
                        "Clear the mask"
                    </button>
                    <p class="caption">{move || format!("Mask covers {:.0}% of the image", corruption.with(|c| c.mask.coverage() * 100.0))}</p>
                </fieldset>
                <label>
                    "Seed "
                    <input type="number" min="0" class="seed" data-testid="corruption-seed"
                        prop:value=move || corruption.with(|c| c.seed.to_string())
                        on:change=move |ev| {
                            if let Ok(seed) = event_target_value(&ev).parse() {
                                corruption.update(|c| c.seed = seed);
                            }
                        } />
                    <button data-testid="corruption-reroll" on:click=move |_| corruption.update(|c| c.seed = random_seed())>
                        "Re-roll"
                    </button>
                </label>
                <p class="caption">"The same seed always gives the same noise and the same random patches."</p>
            </div>
            <div class="results">
                <div class="row">
                    <figure>
                        <DigitCanvas pixels=Signal::derive(move || Some(clean.get())) testid="clean-input" label="Clean input x" />
                        <figcaption>"Clean x"</figcaption>
                    </figure>
                    <figure>
                        <MaskCanvas corrupted=corrupted corruption=corruption tool=tool />
                        <figcaption>"Corrupted x̃ = x + n"</figcaption>
                    </figure>
                </div>
                <div class="row">
                    {MODELS
                        .iter()
                        .map(|&(key, title)| {
                            view! {
                                <figure>
                                    <DigitCanvas
                                        pixels=Signal::derive(move || outputs.with(|o| o.as_ref().map(|o| output(o, key).to_vec())))
                                        testid=match key { "ae" => "recon-ae", "dae" => "recon-dae", "inpaint" => "recon-inpaint", _ => "recon-vae" }
                                        label=title
                                    />
                                    <figcaption>
                                        {title}<br />
                                        "vs clean "<span class="num" data-testid=format!("err-clean-{key}")>{errors(key, true)}</span><br />
                                        "vs x̃ "<span class="num" data-testid=format!("err-noisy-{key}")>{errors(key, false)}</span>
                                    </figcaption>
                                </figure>
                            }
                        })
                        .collect_view()}
                </div>
                <p class="explain-line">
                    "MSE vs clean measures what a denoiser must do: recover x from x̃ = x + n. MSE vs x̃ measures how faithfully a "
                    "model copies its input, noise included: a plain autoencoder tends to copy the noise, a denoising one, "
                    "trained to minimise L(x, g(f(x̃))), learns to remove it, and an inpainting one fills in what the mask hides."
                </p>
                <ul class="explain-line">
                    {[lab.manifest(DAE_16), lab.manifest(INPAINT_16)]
                        .into_iter()
                        .map(|m| {
                            let trained = m.training.noise.as_ref().map(|n| n.describe()).unwrap_or_default();
                            let bench = m.metrics.corruption.as_ref().map(|c| format!(
                                "; test split, {}: {:.4} (plain AE {:.4})", c.benchmark, c.model_mse, c.plain_ae_mse
                            )).unwrap_or_default();
                            view! { <li><strong>{m.title.clone()}</strong>": trained on "{trained}{bench}"."</li> }
                        })
                        .collect_view()}
                </ul>
                {move || run_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <section class="batch" data-testid="batch-view">
                    <h3>"16 random test digits under this corruption"</h3>
                    <div class="batch-grid">
                        <ol class="row-labels">
                            <li>"clean"</li><li>"corrupted"</li><li>"plain AE"</li><li>"denoising AE"</li><li>"inpainting AE"</li><li>"VAE"</li>
                        </ol>
                        <MosaicCanvas rows=batch_rows cols=BATCH_VIEW testid="batch-mosaic" />
                    </div>
                    <button on:click=move |_| batch_indices.set(pick())>"Other digits"</button>
                    <h3>"Mean MSE against clean over the test split"</h3>
                    <table class="means">
                        <tr>{MODELS.iter().map(|(_, t)| view! { <th>{*t}</th> }).collect_view()}</tr>
                        <tr>
                            {MODELS
                                .iter()
                                .enumerate()
                                .map(|(k, (key, _))| {
                                    let value = move || means.with(|m| if m.done == m.total && m.total > 0 { format!("{:.4}", m.sums[k] / m.total as f64) } else { "…".into() });
                                    view! { <td class="num" data-testid=format!("batch-mean-{key}")>{value}</td> }
                                })
                                .collect_view()}
                        </tr>
                    </table>
                    <p class="caption" data-testid="batch-progress">
                        {move || means.with(|m| match m.engine {
                            Some(e) if m.done == m.total => format!("{} digits in {:.0} ms on the {} engine", m.total, m.ms, e.label()),
                            _ => format!("computing… {} of {} digits", m.done, m.total),
                        })}
                    </p>
                </section>
            </div>
        </section>
    }
}

/// The corrupted image, large, where the mask is drawn: drag a rectangle or paint with a brush.
#[component]
fn MaskCanvas(
    corrupted: Memo<Vec<f32>>,
    corruption: RwSignal<Corruption>,
    tool: RwSignal<MaskTool>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // The mask before the current drag, and where the drag started (pixel coordinates).
    let drag = StoredValue::new(None::<(Mask, (f32, f32))>);
    Effect::new(move |_| {
        if let Some(el) = canvas.get() {
            corrupted.with(|img| super::digit_canvas::paint_gray(&el, img, SIDE as u32));
        }
    });
    let pixel = move |ev: &PointerEvent| -> Option<(f32, f32)> {
        let (x, y) = pointer_fraction(&canvas.get_untracked()?, ev);
        let side = SIDE as f64;
        Some((
            (x * side).clamp(0.0, side - 0.01) as f32,
            (y * side).clamp(0.0, side - 0.01) as f32,
        ))
    };
    let paint = move |start: (f32, f32), base: &Mask, at: (f32, f32)| {
        let mut mask = base.clone();
        match tool.get_untracked() {
            MaskTool::Rect => mask.add_rect(
                (start.0 as usize, start.1 as usize),
                (at.0 as usize, at.1 as usize),
            ),
            MaskTool::Brush => mask.add_disc(at.0, at.1, 1.5),
        }
        corruption.update(|c| c.mask = mask);
    };
    let on_down = move |ev: PointerEvent| {
        let (Some(p), Some(el)) = (pixel(&ev), canvas.get_untracked()) else {
            return;
        };
        let _ = el.set_pointer_capture(ev.pointer_id());
        let base = corruption.with_untracked(|c| c.mask.clone());
        paint(p, &base, p);
        // A brush keeps what it painted; a rectangle is redrawn from the mask before the drag.
        let keep = if tool.get_untracked() == MaskTool::Brush {
            corruption.with_untracked(|c| c.mask.clone())
        } else {
            base
        };
        drag.set_value(Some((keep, p)));
    };
    let on_move = move |ev: PointerEvent| {
        let Some((base, start)) = drag.get_value() else {
            return;
        };
        let Some(p) = pixel(&ev) else { return };
        paint(start, &base, p);
        if tool.get_untracked() == MaskTool::Brush {
            drag.set_value(Some((corruption.with_untracked(|c| c.mask.clone()), start)));
        }
    };
    let on_up = move |_: PointerEvent| drag.set_value(None);
    view! {
        <canvas
            node_ref=canvas
            class="digit large mask-target"
            width=SIDE.to_string()
            height=SIDE.to_string()
            data-testid="corrupted-input"
            aria-label="Corrupted input; drag or paint on it to occlude pixels"
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
        ></canvas>
    }
}
