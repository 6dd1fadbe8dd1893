//! The link's digit against the student's drawing: `d` is bound to the pad's digit, and a link's
//! digit that would replace a drawing is only offered, in a bar above the pad.

use leptos::prelude::*;

use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{CurrentDigit, ResourceHandle};
use crate::link::digit::DigitRef;

/// Binds `d` to the pad's digit. A link's digit (as the view opens, or on back/forward) is put
/// on an empty pad at once; if the pad holds a different drawing, the drawing stays and the
/// link's digit is returned as an offer, until the student accepts it or keeps the drawing
/// (or edits the pad, which keeps it too). The URL follows the pad whenever no offer waits.
pub fn bind_digit(
    digit: CurrentDigit,
    resources: ResourceHandle,
) -> (RwSignal<Option<DigitRef>>, RwSignal<DigitRef>) {
    let link = use_link();
    let tests = resources.with(|r| r.test_digits().len());
    let here = Memo::new(move |_| digit.as_link());
    let d = RwSignal::new(here.get_untracked());
    let offer = RwSignal::new(None::<DigitRef>);
    link.bind("d", d, move |t| DigitRef::read(t, tests), DigitRef::write);
    let receive = move |wanted: DigitRef| {
        if wanted == here.get_untracked() {
            if offer.with_untracked(Option::is_some) {
                offer.set(None);
            }
        } else if digit.would_replace(&wanted) {
            offer.set(Some(wanted));
        } else {
            offer.set(None);
            digit.show(&wanted, resources);
        }
    };
    // The link's digit as the view opens (already read into `d` by the binding).
    receive(d.get_untracked());
    // Back and forward.
    Effect::new(move |first: Option<()>| {
        let wanted = d.get();
        if first.is_some() && offer.with_untracked(|o| o.as_ref() != Some(&wanted)) {
            receive(wanted);
        }
    });
    // The URL follows the pad.
    Effect::new(move |_| {
        let now = here.get();
        if offer.with_untracked(Option::is_none) && d.with_untracked(|v| *v != now) {
            d.set(now);
        }
    });
    // Drawing, clearing or loading a digit while an offer waits keeps the drawing.
    Effect::new(move |first: Option<()>| {
        digit.sketch.track();
        if first.is_some() && offer.with_untracked(Option::is_some) {
            offer.set(None);
            d.set(here.get_untracked());
        }
    });
    (offer, d)
}

/// The bar offering a link's digit in place of the student's drawing.
#[component]
pub fn LinkDigitOffer(
    offer: RwSignal<Option<DigitRef>>,
    d: RwSignal<DigitRef>,
    digit: CurrentDigit,
    resources: ResourceHandle,
) -> impl IntoView {
    let i18n = use_i18n();
    let accept = move |_| {
        if let Some(wanted) = offer.get_untracked() {
            offer.set(None);
            digit.show(&wanted, resources);
        }
    };
    let keep = move |_| {
        offer.set(None);
        d.set(digit.as_link_untracked());
    };
    move || {
        offer.with(Option::is_some).then(|| {
            view! {
                <div class="notice link-notice link-digit-offer" role="status" data-testid="link-digit-offer">
                    <p>{move || i18n.t("draw-link-offer")}</p>
                    <div class="buttons">
                        <button data-testid="link-digit-accept" on:click=accept>
                            {move || i18n.t("draw-link-accept")}
                        </button>
                        <button data-testid="link-digit-keep" on:click=keep>
                            {move || i18n.t("draw-link-keep")}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
