//! The GAN lab (`#/gan/<tab>`), the lecture's section 4.4: the adversarial game explained with its
//! formulas, then three tabs: the 2-D toy (GAN Lab's idea), digits trained live, and the shipped
//! GAN side by side with the VAE.

mod chart;
mod compare;
mod controls;
mod digits;
mod model_file;
mod toy;
mod toy_plot;

use leptos::prelude::*;

use crate::app::components::formula::Concept;
use crate::app::components::tab_bar::{TabBar, use_tab};
use crate::app::engine::gan::GanSession;
use crate::app::i18n::use_i18n;
use crate::formula;
use crate::i18n::tk;
use crate::slug::Slug;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GanTab {
    Toy,
    Digits,
    Compare,
}

crate::slugs!(GanTab {
    Toy: "toy", tk("gan-tab-toy");
    Digits: "digits", tk("gan-tab-digits");
    Compare: "compare", tk("gan-tab-compare");
});

/// The testid of a field of `session`'s form: `gan-toy-noise`, `gan-digits-g-rate`.
fn testid(session: GanSession, field: &str) -> String {
    format!("gan-{}-{field}", session.mode.slug())
}

#[component]
pub fn GanView() -> impl IntoView {
    let i18n = use_i18n();
    // Models trained in an earlier visit come back when the view first opens.
    let gan = crate::app::engine::gan::use_gan();
    gan.toy.restore_once();
    gan.digits.restore_once();
    let tab = use_tab::<GanTab>();
    view! {
        <section class="gan-view">
            <h2>{move || i18n.t("gan-title")}</h2>
            <p class="lead">{move || i18n.t("gan-lead")}</p>
            <Theory />
            <TabBar view="gan" current=tab label=tk("gan-tabs-label") />
            <div role="tabpanel">
                {move || match tab.get() {
                    GanTab::Toy => view! { <toy::ToyTab /> }.into_any(),
                    GanTab::Digits => view! { <digits::DigitsTab /> }.into_any(),
                    GanTab::Compare => view! { <compare::CompareTab /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The game, both players' losses, and why GANs are sharp and hard to train.
#[component]
fn Theory() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="theory" data-testid="gan-theory" open>
            <summary>{move || i18n.t("gan-theory-title")}</summary>
            <div class="concepts">
                <Concept math=Signal::derive(formula::gan_game) caption=tk("gan-theory-game") />
                <Concept math=Signal::derive(|| formula::gan_discriminator_loss(None)) caption=tk("gan-theory-d-loss") />
                <Concept math=Signal::derive(|| formula::gan_generator_loss(None)) caption=tk("gan-theory-g-loss") />
            </div>
            <p>{move || i18n.t("gan-theory-sharper")}</p>
            <p>{move || i18n.t("gan-theory-unstable")}</p>
        </details>
    }
}
