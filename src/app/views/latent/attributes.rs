//! Attribute vectors, the MNIST counterpart of the course's "smile vector": h_dif = mean code of
//! the digits high in an attribute − mean code of those low in it, applied as h + α·h_dif. Always
//! with the 16-D models: a 2-D code cannot hold most digits, so the vector would mostly change
//! the class rather than the attribute.

use leptos::prelude::*;

use super::Explorer;
use crate::analysis::attributes::{Attribute, Direction};
use crate::analysis::latent::apply_attribute;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::fields::{Choice, RangeField, SelectField};
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::web::runner::LatestRunner;

/// The models this section uses.
const SIZE: LatentSize = LatentSize::Sixteen;

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
    // For each family: the reconstruction at α = 0, and the decoding at the current α.
    let base = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let outputs = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), Some(codes)) = (ex.data(SIZE), ex.codes(SIZE)) else {
            return;
        };
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
                let h = &codes[family].mean;
                // Both decodings in one batch: g(h) and g(h + α·h_dif).
                let both = [h.clone(), apply_attribute(h, &dif, alpha)].concat();
                let outcome = ex.decode(family, SIZE, both).await;
                if let Some(mut img) = ex.errors.check("Decoding h + α·h_dif", outcome) {
                    let moved = img.split_off(crate::PIXELS);
                    base[family].try_set(Some(img));
                    outputs[family].try_set(Some(moved));
                }
            }
        });
    });
    let measure = move |images: RwSignal<Option<Vec<f32>>>| {
        move || match direction.get() {
            Direction::Measured(a) => images.with(|o| {
                o.as_ref()
                    .map(|img| format!("{}: {:.2}", a.slug(), a.measure(img)))
            }),
            Direction::Class(_) => None,
        }
    };
    let current = Signal::derive(move || Some(ex.current.get()));
    let family_row = move |family: Family| {
        let name = match family {
            Family::Ae => "Autoencoder",
            Family::Vae => "VAE",
        };
        let out_id = match family {
            Family::Ae => "attr-output-ae",
            Family::Vae => "attr-output",
        };
        view! {
            <div class="row">
                <figure>
                    <DigitCanvas pixels=base[family] testid=format!("attr-base-{}", family.slug()) label=format!("{name}: reconstruction at α = 0") />
                    <figcaption>{name}" g(h), α = 0"<br />{measure(base[family])}</figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=outputs[family] testid=out_id label=format!("{name} with the attribute applied") />
                    <figcaption>{name}" g(h + α·h_dif)"<br />{measure(outputs[family])}</figcaption>
                </figure>
            </div>
        }
    };
    view! {
        <section class="attributes">
            <h2>"Attribute vectors"</h2>
            <p class="explain-line">
                "Like the smile vector of faces: take the mean code of the test digits highest in an attribute, subtract the mean "
                "code of the lowest (a quarter each), h_dif = h_high − h_low, and move the current digit along it: h_new = h + α·h_dif. "
                "For a class, h_dif = mean code of that class − mean code of the others. Compare with the reconstruction at α = 0: "
                "the change is the attribute's, not the reconstruction's. This section uses the 16-D models."
            </p>
            <div class="row">
                <figure>
                    <DigitCanvas pixels=current testid="attr-current" label="The current digit" />
                    <figcaption>"Current digit x"<br />{move || match direction.get() {
                        Direction::Measured(a) => Some(format!("{}: {:.2}", a.slug(), a.measure(&ex.current.get()))),
                        Direction::Class(_) => None,
                    }}</figcaption>
                </figure>
            </div>
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
            {family_row(Family::Vae)}
            {family_row(Family::Ae)}
        </section>
    }
}
