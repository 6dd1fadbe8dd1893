//! Latest-wins scheduling for live model runs: while one run is in flight, only the newest
//! request waits, so sliders and strokes never queue up stale work.

use std::future::Future;

use leptos::prelude::*;

pub struct LatestRunner<T: Send + Sync + 'static> {
    busy: StoredValue<bool>,
    queued: StoredValue<Option<T>>,
}

// Copy whatever `T` is: the runner only holds arena handles. (A derive would demand `T: Copy`.)
impl<T: Send + Sync + 'static> Clone for LatestRunner<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for LatestRunner<T> {}

impl<T: Send + Sync + 'static> LatestRunner<T> {
    pub fn new() -> Self {
        Self {
            busy: StoredValue::new(false),
            queued: StoredValue::new(None),
        }
    }

    /// Runs `run(value)` now, or after the run in flight (replacing any request already waiting).
    pub fn submit<F, Fut>(self, value: T, run: F)
    where
        F: Fn(T) -> Fut + 'static,
        Fut: Future<Output = ()> + 'static,
    {
        if self.busy.get_value() {
            self.queued.set_value(Some(value));
            return;
        }
        self.busy.set_value(true);
        leptos::task::spawn_local(async move {
            let mut next = Some(value);
            while let Some(v) = next.take() {
                run(v).await;
                next = self.queued.try_update_value(Option::take).flatten();
            }
            // The view may have been closed meanwhile; then there is nothing left to mark.
            self.busy.try_set_value(false);
        });
    }
}
