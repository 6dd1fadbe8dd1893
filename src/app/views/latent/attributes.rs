//! Attribute vectors, the MNIST counterpart of the course's "smile vector": h_dif = mean code of
//! the digits high in an attribute − mean code of those low in it, applied as h + α·h_dif. Always
//! with the 16-D models: a 2-D code cannot hold most digits, so the vector would mostly change
//! the class rather than the attribute.
//!
//! Link keys: `attr` (`thickness`, `slant`, `width`, `class-0` … `class-9`) and `alpha` (−3–3).

use leptos::prelude::*;

use super::{Explorer, digit_canvas, family_key};
use crate::analysis::attributes::{Attribute, Direction};
use crate::analysis::latent::apply_attribute;
use crate::app::components::fields::{Choice, RangeField, SelectField};
use crate::app::components::formula::Concept;
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::i18n::{I18n, use_i18n};
use crate::app::link::use_link;
use crate::app::web::runner::LatestRunner;
use crate::formula;
use crate::i18n::{Text, num, tk};
use crate::link::value::{choice, number, write_number};
use crate::slug::Slug;

/// The models this section uses.
const SIZE: LatentSize = LatentSize::Sixteen;

const ALPHA: f32 = 3.0;

fn attribute_key(a: Attribute) -> &'static str {
    match a {
        Attribute::Thickness => tk("latent-attr-thickness"),
        Attribute::Slant => tk("latent-attr-slant"),
        Attribute::Width => tk("latent-attr-width"),
    }
}

/// The attribute menu: the measured attributes, then each class.
fn direction_choices(i18n: I18n) -> Vec<Choice> {
    let measured = Attribute::ALL
        .map(|a| Choice::new(Direction::Measured(a).slug(), i18n.t(attribute_key(a))));
    let classes = (0..10u8).map(|k| {
        Choice::new(
            Direction::Class(k).slug(),
            i18n.t_with("latent-attr-class", &[("class", k.to_string().into())]),
        )
    });
    measured.into_iter().chain(classes).collect()
}

/// "thickness: 1.23" for a measured attribute of `image`.
fn measured(a: Attribute, image: &[f32]) -> Text {
    let key = match a {
        Attribute::Thickness => tk("latent-attr-measure-thickness"),
        Attribute::Slant => tk("latent-attr-measure-slant"),
        Attribute::Width => tk("latent-attr-measure-width"),
    };
    Text::new(key).with("value", num(a.measure(image), 2))
}

#[component]
pub fn Attributes(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let link = use_link();
    let direction = RwSignal::new(Direction::Measured(Attribute::Thickness));
    let alpha = RwSignal::new(0.0f32);
    link.bind(
        "attr",
        direction,
        |t| choice(t, Direction::from_slug).map(|d| (d, None)),
        |d| d.slug(),
    );
    link.bind(
        "alpha",
        alpha,
        |t| number(t, -ALPHA..=ALPHA),
        |a| write_number(*a),
    );
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
                let dif = ex.resources.with(|r| {
                    direction.vector(
                        &space.mean,
                        space.dim,
                        &r.test_digits().labels,
                        r.attribute_scores(),
                    )
                });
                let h = &codes[family].mean;
                // Both decodings in one batch: g(h) and g(h + α·h_dif).
                let both = [h.clone(), apply_attribute(h, &dif, alpha)].concat();
                let outcome = ex.decode(family, SIZE, both).await;
                if let Some(mut img) = ex.errors.check(tk("latent-task-decode-attr"), outcome) {
                    let moved = img.split_off(crate::PIXELS);
                    base[family].try_set(Some(img));
                    outputs[family].try_set(Some(moved));
                }
            }
        });
    });
    let measure = move |images: RwSignal<Option<Vec<f32>>>| {
        move || match direction.get() {
            Direction::Measured(a) => {
                images.with(|o| o.as_ref().map(|img| i18n.text(&measured(a, img))))
            }
            Direction::Class(_) => None,
        }
    };
    let current = Signal::derive(move || Some(ex.current.get()));
    let family_row = move |family: Family| {
        let name = move || i18n.t(family_key(family));
        let out_id = match family {
            Family::Ae => "attr-output-ae",
            Family::Vae => "attr-output",
        };
        view! {
            <div class="row">
                <figure>
                    {digit_canvas(
                        base[family].into(),
                        format!("attr-base-{}", family.slug()),
                        move || i18n.t_with("latent-attr-base-label", &[("model", name().into())]),
                    )}
                    <figcaption>
                        {move || i18n.t_with("latent-attr-base-caption", &[("model", name().into())])}
                        <br />{measure(base[family])}
                    </figcaption>
                </figure>
                <figure>
                    {digit_canvas(
                        outputs[family].into(),
                        out_id.into(),
                        move || i18n.t_with("latent-attr-output-label", &[("model", name().into())]),
                    )}
                    <figcaption>
                        {move || i18n.t_with("latent-attr-output-caption", &[("model", name().into())])}
                        <br />{measure(outputs[family])}
                    </figcaption>
                </figure>
            </div>
        }
    };
    let alpha_label = move || {
        let a = alpha.get();
        let key = if a > 0.0 {
            tk("latent-attr-alpha-plus")
        } else {
            tk("latent-attr-alpha")
        };
        i18n.t_with(key, &[("alpha", num(a, 1))])
    };
    view! {
        <section class="attributes">
            <h2>{move || i18n.t("latent-attr-title")}</h2>
            <p class="explain-line">{move || i18n.t("latent-attr-explain")}</p>
            <Concept
                math=Signal::derive(move || formula::attribute_vector(Some(alpha.get() as f64), i18n.lang()))
                caption=tk("latent-attr-formula")
            />
            <p class="explain-line" data-testid="attr-hdif">{move || match direction.get() {
                Direction::Measured(a) => i18n.t_with("latent-attr-hdif-measured", &[("attribute", i18n.t(attribute_key(a)).into())]),
                Direction::Class(k) => i18n.t_with("latent-attr-hdif-class", &[("class", k.to_string().into())]),
            }}</p>
            <div class="row">
                <figure>
                    {digit_canvas(current, "attr-current".into(), move || i18n.t("latent-attr-current-label"))}
                    <figcaption>
                        {move || i18n.t("latent-attr-current-caption")}<br />
                        {move || match direction.get() {
                            Direction::Measured(a) => Some(i18n.text(&measured(a, &ex.current.get()))),
                            Direction::Class(_) => None,
                        }}
                    </figcaption>
                </figure>
            </div>
            <label>
                {move || i18n.t("latent-attr-label")}" "
                {move || view! {
                    <SelectField
                        testid="attr-select"
                        value=Signal::derive(move || direction.get().slug())
                        choices=direction_choices(i18n)
                        on_select=Callback::new(move |v: String| {
                            if let Some(d) = Direction::from_slug(&v) {
                                direction.set(d);
                            }
                        })
                    />
                }}
            </label>
            <RangeField
                label=Signal::derive(alpha_label)
                testid="attr-slider"
                value=Signal::derive(move || alpha.get() as f64)
                min=-ALPHA as f64 max=ALPHA as f64 step=0.1
                on_value=Callback::new(move |v: f64| alpha.set(((v * 10.0).round() / 10.0) as f32))
            />
            {family_row(Family::Vae)}
            {family_row(Family::Ae)}
        </section>
    }
}
