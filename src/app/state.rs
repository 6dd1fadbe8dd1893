//! The state every view shares, provided once through Leptos context (no prop drilling):
//! - [`ResourceHandle`]: everything loaded (data, models, engines, the lab model), once loading is done;
//! - [`CurrentDigit`]: the student's digit, drawn in the draw view and read by the others;
//! - the training session ([`TrainSession`]), which outlives the views so a run goes on while
//!   the student looks elsewhere.
//!
//! Each is a `Copy` handle over arena-allocated values, so closures and async tasks capture it
//! without cloning anything.

use std::sync::Arc;

use leptos::prelude::*;

use super::engine::resources::Resources;
use super::engine::training::TrainSession;
use super::link::LinkState;
use super::web::raster::rasterise;
use super::web::storage::{keys, load_setting, save_setting};
use crate::data::sketch::Sketch;
use crate::link::digit::DigitRef;

/// Everything loaded at start-up, shared by the views.
#[derive(Clone, Copy)]
pub struct ResourceHandle(StoredValue<Arc<Resources>>);

impl ResourceHandle {
    pub fn new(resources: Arc<Resources>) -> Self {
        Self(StoredValue::new(resources))
    }

    /// A shared reference for async work, which must own what it uses.
    pub fn get(self) -> Arc<Resources> {
        self.0.get_value()
    }

    /// Synchronous access without touching the reference count.
    pub fn with<R>(self, f: impl FnOnce(&Resources) -> R) -> R {
        self.0.with_value(|r| f(r))
    }
}

pub fn use_resources() -> ResourceHandle {
    expect_context()
}

/// The student's current digit: the sketch on the pad (strokes, maybe over a test digit) and
/// its 28×28 model input (`None` for an empty pad).
#[derive(Clone, Copy)]
pub struct CurrentDigit {
    pub sketch: RwSignal<Sketch>,
    /// Written by the draw pad after every change, and once at start-up from the saved sketch.
    pub input: RwSignal<Option<Vec<f32>>>,
}

impl CurrentDigit {
    /// The sketch saved by an earlier visit; it is saved again whenever it changes.
    pub fn restore() -> Self {
        let saved = load_setting::<Sketch>(keys::SKETCH)
            .filter(Sketch::is_valid)
            .unwrap_or_default();
        let digit = Self {
            sketch: RwSignal::new(saved),
            input: RwSignal::new(None),
        };
        Effect::new(move |_| digit.sketch.with(|s| save_setting(keys::SKETCH, s)));
        digit
    }

    /// Computes the input of the restored sketch, once the digits it may refer to are loaded.
    pub fn restore_input(self, resources: ResourceHandle) {
        if self.input.with_untracked(Option::is_none) {
            let input = resources.with(|r| {
                self.sketch
                    .with_untracked(|s| rasterise(s, r.test_digits()))
            });
            self.input.set(input);
        }
    }

    /// The digit on the pad as a link names it (tracked).
    pub fn as_link(self) -> DigitRef {
        self.sketch
            .with(|s| self.input.with(|i| DigitRef::of_sketch(s, i.as_deref())))
    }

    /// The digit on the pad as a link names it, untracked.
    pub fn as_link_untracked(self) -> DigitRef {
        self.sketch.with_untracked(|s| {
            self.input
                .with_untracked(|i| DigitRef::of_sketch(s, i.as_deref()))
        })
    }

    /// Whether putting `digit` on the pad would replace the student's own work: the pad holds
    /// something else than `digit` (an empty pad or the same digit lose nothing).
    pub fn would_replace(self, digit: &DigitRef) -> bool {
        self.sketch.with_untracked(|s| !s.is_empty()) && self.as_link_untracked() != *digit
    }

    /// The digit a view works on, kept in the link's `d`: the student's digit as the view opens
    /// (test digit 0 on an empty pad), and its pixels. The view only reads the pad.
    pub fn bind_view_digit(
        self,
        resources: ResourceHandle,
        link: LinkState,
    ) -> (RwSignal<DigitRef>, Memo<Vec<f32>>) {
        let tests = resources.with(|r| r.test_digits().len());
        let digit = RwSignal::new(self.as_link_untracked().or_first());
        link.bind(
            "d",
            digit,
            move |t| DigitRef::read(t, tests).map(|(d, issue)| (d.or_first(), issue)),
            DigitRef::write,
        );
        let image =
            Memo::new(move |_| digit.with(|d| resources.with(|r| d.image(r.test_digits()))));
        (digit, image)
    }

    /// Puts `digit` on the pad (replacing the sketch) and computes its input at once, so views
    /// without a pad see it too. Callers ask the student first when [`Self::would_replace`].
    pub fn show(self, digit: &DigitRef, resources: ResourceHandle) {
        let sketch = digit.to_sketch();
        let input = resources.with(|r| rasterise(&sketch, r.test_digits()));
        self.sketch.set(sketch);
        self.input.set(input);
    }
}

pub fn use_current_digit() -> CurrentDigit {
    expect_context()
}

pub fn use_session() -> TrainSession {
    expect_context()
}
