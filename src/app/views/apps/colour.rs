//! Colourisation: an autoencoder whose input is a grey digit and whose output is its colour
//! version. MNIST has no colour, so the colour is synthetic and follows from shape: one hue per
//! class, brightness from the ink (`data::colouring`). The colouriser must therefore recognise
//! the digit to colour it; an ambiguous drawing comes out in mixed colours.

use leptos::prelude::*;

use super::models::AppModel;
use crate::PIXELS;
use crate::app::components::colour_canvas::ColourCanvas;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::formula::Concept;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{use_current_digit, use_resources};
use crate::app::web::random_index;
use crate::data::colouring::{class_colour, colourise};
use crate::formula;
use crate::i18n::{num, tk};
use crate::link::digit::DigitRef;
use crate::model::pretrained::Shipped;
use std::sync::Arc;

/// Test digits in the grid.
const GRID: usize = 8;

#[component]
pub fn ColourTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let link = use_link();
    let digit = use_current_digit();
    let errors = TaskErrors::new();
    let tests = resources.with(|r| r.test_digits().len());
    let (query, grey) = digit.bind_view_digit(resources, link);
    // The true colouring needs the class: known for a test digit, not for a drawing.
    let truth = Memo::new(move |_| {
        query.with(|q| match q {
            DigitRef::Test(i) => {
                let class = resources.with(|r| r.test_digits().labels[*i]);
                vec![colourise(&grey.get(), class)]
            }
            _ => Vec::new(),
        })
    });
    let model = RwSignal::new(None::<Arc<AppModel>>);
    leptos::task::spawn_local(async move {
        if let Some(m) = errors.check(
            tk("apps-colour-task-load"),
            AppModel::load(Shipped::Colour16).await,
        ) {
            model.try_set(Some(Arc::new(m)));
        }
    });
    let output = RwSignal::new(Vec::<Vec<f32>>::new());
    let grid = RwSignal::new(Vec::<Vec<f32>>::new());
    Effect::new(move |_| {
        let Some(m) = model.get() else {
            return;
        };
        let x = grey.get();
        leptos::task::spawn_local(async move {
            if let Some(rgb) = errors.check(tk("apps-colour-task-run"), m.run(&x).await) {
                output.try_set(vec![rgb]);
            }
        });
    });
    // The grid: the first test digits, their colourisation and their true colouring.
    Effect::new(move |_| {
        let Some(m) = model.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let (images, labels) = resources.with(|r| {
                let idx: Vec<usize> = (0..GRID).collect();
                (
                    r.test_digits().batch(&idx),
                    r.test_digits().labels[..GRID].to_vec(),
                )
            });
            if let Some(out) = errors.check(tk("apps-colour-task-run"), m.run(&images).await) {
                let grey_rgb = |x: &[f32]| [x, x, x].concat();
                let mut rows: Vec<Vec<f32>> = images.chunks_exact(PIXELS).map(grey_rgb).collect();
                rows.extend(out.chunks_exact(3 * PIXELS).map(<[f32]>::to_vec));
                rows.extend(
                    images
                        .chunks_exact(PIXELS)
                        .zip(&labels)
                        .map(|(x, &c)| colourise(x, c)),
                );
                grid.try_set(rows);
            }
        });
    });
    let legend = (0..10u8)
        .map(|c| {
            let [r, g, b] = class_colour(c).map(|v| (v * 255.0).round() as u8);
            view! {
                <span class="swatch" style:background=format!("rgb({r}, {g}, {b})")></span>
                <span class="swatch-label">{c}</span>
            }
        })
        .collect_view();
    let random_query = move |_| query.set(DigitRef::Test(random_index(tests)));
    let use_drawing = move |_| {
        if let DigitRef::Pixels(p) = digit.as_link_untracked() {
            query.set(DigitRef::Pixels(p));
        }
    };
    view! {
        <div class="colour-tab">
            <p>{move || i18n.t("apps-colour-intro")}</p>
            <Concept math=Signal::derive(formula::colourisation) caption=tk("apps-colour-concept") />
            <p class="legend" aria-label=move || i18n.t("apps-colour-legend")>{legend}</p>
            <div class="toolbar">
                <button on:click=use_drawing>{move || i18n.t("apps-use-drawing")}</button>
                <button data-testid="colour-random" on:click=random_query>{move || i18n.t("apps-random-digit")}</button>
            </div>
            <TaskErrorList errors=errors />
            <div class="triple">
                <figure>
                    <DigitCanvas
                        pixels=Signal::derive(move || Some(grey.get()))
                        testid="colour-input"
                        label=Signal::derive(move || i18n.t("apps-colour-input"))
                    />
                    <figcaption>{move || i18n.t("apps-colour-input")}</figcaption>
                </figure>
                <figure>
                    <ColourCanvas
                        images=output
                        cols=1
                        testid="colour-output"
                        label=Signal::derive(move || i18n.t("apps-colour-output"))
                    />
                    <figcaption>{move || i18n.t("apps-colour-output")}</figcaption>
                </figure>
                <figure>
                    <ColourCanvas
                        images=truth
                        cols=1
                        testid="colour-truth"
                        label=Signal::derive(move || i18n.t("apps-colour-truth"))
                    />
                    <figcaption>
                        {move || {
                            if truth.with(Vec::is_empty) {
                                i18n.t("apps-colour-truth-none")
                            } else {
                                i18n.t("apps-colour-truth")
                            }
                        }}
                    </figcaption>
                </figure>
            </div>
            <p class="caption">{move || i18n.t("apps-colour-ambiguous")}</p>
            <p class="caption" data-testid="colour-quality">
                {move || {
                    model.with(|m| {
                        m.as_ref().map(|m| {
                            let metrics = &m.manifest.metrics;
                            let blind = metrics
                                .baselines
                                .first()
                                .map(|b| b.mse)
                                .unwrap_or(f64::NAN);
                            i18n.t_with(
                                "apps-colour-quality",
                                &[("mse", num(metrics.test_mse, 4)), ("blind", num(blind, 4))],
                            )
                        })
                    })
                }}
            </p>
            <figure>
                <ColourCanvas
                    images=grid
                    cols=GRID
                    testid="colour-grid"
                    label=Signal::derive(move || i18n.t("apps-colour-grid"))
                />
                <figcaption>{move || i18n.t("apps-colour-grid")}</figcaption>
            </figure>
        </div>
    }
}
