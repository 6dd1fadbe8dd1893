//! Attribute vectors, the MNIST counterpart of the course's "smile vector": h_dif = mean code of
//! the digits high in an attribute − mean code of those low in it, applied as h + α·h_dif.

use leptos::prelude::*;

use super::Explorer;
use crate::analysis::attributes::{Attribute, Direction};
use crate::analysis::latent::apply_attribute;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::fields::{Choice, RangeField, SelectField};
use crate::app::engine::{Family, PerFamily};
use crate::app::web::runner::LatestRunner;

/// The attribute menu: the measured attributes, then each class.
fn direction_choices() -> Vec<Choice> {
    let measured = Attribute::ALL.map(|a| {
        let label = match a {
            Attribute::Thickness => "stroke thickness",
            Attribute::Slant => "slant",
            Attribute::Width => "width",
        };
        Choice::new(Direction::Measured(a).slug(), label)
    });
    let classes = (0..10u8).map(|k| Choice::new(Direction::Class(k).slug(), format!("class {k}")));
    measured.into_iter().chain(classes).collect()
}

#[component]
pub fn Attributes(ex: Explorer) -> impl IntoView {
    let direction = RwSignal::new(Direction::Measured(Attribute::Thickness));
    let alpha = RwSignal::new(0.0f32);
    let outputs = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), Some(codes)) = (ex.data.get(), ex.current_codes.get()) else {
            return;
        };
        if codes.ae.dim != d.size.dim() {
            return;
        }
        let job = (d, codes, direction.get(), alpha.get());
        runner.submit(job, move |(d, codes, direction, alpha)| async move {
            for family in Family::ALL {
                let space = &d.spaces[family].codes;
                let dif = ex.lab.with(|r| {
                    direction.vector(
                        &space.mean,
                        space.dim,
                        &r.data.test.labels,
                        r.attribute_scores(),
                    )
                });
                let h = apply_attribute(&codes[family].mean, &dif, alpha);
                let outcome = ex.decode(family, d.size, h).await;
                if let Some(img) = ex.errors.check("Decoding h + α·h_dif", outcome) {
                    outputs[family].try_set(Some(img));
                }
            }
        });
    });
    let measured = move |family: Family| {
        move || match direction.get() {
            Direction::Measured(a) => outputs[family].with(|o| {
                o.as_ref()
                    .map(|img| format!("{}: {:.2}", a.slug(), a.measure(img)))
            }),
            Direction::Class(_) => None,
        }
    };
    view! {
        <section class="attributes">
            <h2>"Attribute vectors"</h2>
            <p class="explain-line">
                "Like the smile vector of faces: take the mean code of the test digits highest in an attribute, subtract the mean "
                "code of the lowest (a quarter each), h_dif = h_high − h_low, and move the current digit along it: h_new = h + α·h_dif. "
                "For a class, h_dif = mean code of that class − mean code of the others."
            </p>
            <label>
                "Attribute "
                <SelectField
                    testid="attr-select"
                    value=Signal::derive(move || direction.get().slug())
                    choices=direction_choices()
                    on_select=Callback::new(move |v: String| {
                        if let Some(d) = Direction::from_slug(&v) {
                            direction.set(d);
                        }
                    })
                />
            </label>
            <RangeField
                label=Signal::derive(move || format!("α = {:+.1}", alpha.get()))
                testid="attr-slider"
                value=Signal::derive(move || alpha.get() as f64)
                min=-3.0 max=3.0 step=0.1
                on_value=Callback::new(move |v: f64| alpha.set(v as f32))
            />
            <div class="row">
                <figure>
                    <DigitCanvas pixels=outputs.vae testid="attr-output" label="VAE with the attribute applied" />
                    <figcaption>"VAE g(h + α·h_dif)"<br />{measured(Family::Vae)}</figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=outputs.ae testid="attr-output-ae" label="Autoencoder with the attribute applied" />
                    <figcaption>"Autoencoder"<br />{measured(Family::Ae)}</figcaption>
                </figure>
            </div>
            <p class="caption">{move || format!("Using the {}-D models.", ex.size.get().dim())}</p>
        </section>
    }
}
