//! The state machine of a training run in the browser, shared by the training lab and the GAN
//! lab, in plain Rust so that it is tested natively. A session keeps one [`RunController`] and
//! only mirrors what it says into signals for the page; the async loop, the read-backs and the
//! pictures stay in the session.
//!
//! - **States**: idle (no run), running, pausing (the step in flight finishes first), paused,
//!   finished, diverged ([`RunState`]).
//! - **Run id**: every start, stop, reset, import and failure begins another run; a loop or a
//!   single step of an older run finds its [`RunTicket`] stale and quits (this covers a reset
//!   during the wait for the training digits: the wait ends with nothing trained).
//! - **Model generation**: bumped whenever the model is made, replaced or dropped; a refresh or
//!   a save computed for an earlier model is dropped rather than shown as this one's.

use crate::train::batches::{BatchSchedule, scheduled_batch};

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    Idle,
    Running,
    /// Pause was pressed: the step in flight finishes (its update is already made), then Paused.
    Pausing,
    Paused,
    Finished,
    Diverged,
}

impl RunState {
    /// Whether a training loop is running (the settings are locked meanwhile).
    pub fn is_active(self) -> bool {
        matches!(self, RunState::Running | RunState::Pausing)
    }

    /// The state's name in the page's `data-state` (what the browser tests read).
    pub fn label(self) -> &'static str {
        match self {
            RunState::Idle => "ready",
            RunState::Running => "training",
            RunState::Pausing => "pausing",
            RunState::Paused => "paused",
            RunState::Finished => "finished",
            RunState::Diverged => "stopped: diverged",
        }
    }
}

/// What a run trains: a model made from a recipe (the form's settings), one step at a time.
pub trait Trainer: Sized {
    /// What a model is made from: the settings the form shows, with whatever else decides
    /// whether Start may continue a model (the GAN's engine, say).
    type Recipe: Clone;
    /// Where a model is made (a Burn device).
    type Device;
    /// What one step learns from (a batch of images or samples).
    type Batch: ?Sized;
    /// One step's losses, still on the device.
    type Losses;
    /// Why a recipe cannot train now (a sentence for the student).
    type Invalid;

    fn check(recipe: &Self::Recipe) -> Result<(), Self::Invalid>;
    /// Whether a model made from `made` is the one `wanted` describes (Start then resumes it).
    fn same_model(made: &Self::Recipe, wanted: &Self::Recipe) -> bool;
    fn make(recipe: &Self::Recipe, device: &Self::Device) -> Self;
    fn step(&mut self, batch: &Self::Batch) -> Self::Losses;
}

/// A run's and a model's identity, taken when a loop or a single step begins: it goes on only
/// while both are still current.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunTicket {
    pub run: u64,
    pub model: u64,
}

/// How Start or a single step got its model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ready {
    /// The paused model goes on.
    Resumed,
    /// A fresh model was made: what was shown of the old one must go.
    Made,
}

/// What Stop did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The model had not trained a single step: it is gone (it would replace the saved one with
    /// nothing learnt).
    DroppedUntrained,
    /// The run is over with its model kept: catch up with it and publish it.
    Finished,
    /// There was no run to stop.
    Nothing,
}

/// The model, what it was made from, and the steps it has had.
struct Held<T: Trainer> {
    trainer: T,
    recipe: T::Recipe,
}

/// One session's run: the state, the model, its steps, the run id and the model generation.
pub struct RunController<T: Trainer> {
    state: RunState,
    held: Option<Held<T>>,
    /// Optimiser steps the model has had (ahead of what the page shows until the next read).
    steps: usize,
    /// The batches of the run (the current epoch's order).
    batches: Option<BatchSchedule>,
    run_id: u64,
    model_gen: u64,
}

impl<T: Trainer> Default for RunController<T> {
    fn default() -> Self {
        Self {
            state: RunState::Idle,
            held: None,
            steps: 0,
            batches: None,
            run_id: 0,
            model_gen: 0,
        }
    }
}

impl<T: Trainer> RunController<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn state(&self) -> RunState {
        self.state
    }

    pub fn has_model(&self) -> bool {
        self.held.is_some()
    }

    pub fn trainer(&self) -> Option<&T> {
        self.held.as_ref().map(|h| &h.trainer)
    }

    pub fn trainer_mut(&mut self) -> Option<&mut T> {
        self.held.as_mut().map(|h| &mut h.trainer)
    }

    /// What the model was made from.
    pub fn recipe(&self) -> Option<&T::Recipe> {
        self.held.as_ref().map(|h| &h.recipe)
    }

    /// Optimiser steps the model has had.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Whether the model (if any) has not trained a single step.
    pub fn is_untrained(&self) -> bool {
        self.steps == 0
    }

    pub fn model_gen(&self) -> u64 {
        self.model_gen
    }

    /// Whether the model is still that of generation `model_gen`.
    pub fn is_model(&self, model_gen: u64) -> bool {
        self.model_gen == model_gen
    }

    /// The current run and model.
    pub fn ticket(&self) -> RunTicket {
        RunTicket {
            run: self.run_id,
            model: self.model_gen,
        }
    }

    /// Whether `ticket`'s run is still the current one.
    pub fn is_run(&self, ticket: RunTicket) -> bool {
        self.run_id == ticket.run
    }

    /// Whether `ticket`'s loop should take another step: its run is current and running.
    pub fn going(&self, ticket: RunTicket) -> bool {
        self.is_run(ticket) && self.state == RunState::Running
    }

    /// Whether Start continues the current model: paused, and made from what `wanted` describes.
    /// (Other settings describe another model: that starts afresh; the paused one was saved.)
    pub fn can_resume(&self, wanted: &T::Recipe) -> bool {
        self.state == RunState::Paused
            && self
                .recipe()
                .is_some_and(|made| T::same_model(made, wanted))
    }

    /// Keeps a paused model that `wanted` describes, or makes a fresh one on `device()`; Err
    /// (with nothing changed) when `wanted` cannot train.
    pub fn ensure_model(
        &mut self,
        wanted: &T::Recipe,
        device: impl FnOnce() -> T::Device,
    ) -> Result<Ready, T::Invalid> {
        // A resumed model is checked too: what it learns from may have changed (a drawing
        // cleared).
        T::check(wanted)?;
        if self.can_resume(wanted) {
            return Ok(Ready::Resumed);
        }
        let trainer = T::make(wanted, &device());
        self.hold(trainer, wanted.clone(), 0);
        Ok(Ready::Made)
    }

    /// Starts a run (after [`Self::ensure_model`]); the ticket of its loop.
    pub fn start(&mut self) -> RunTicket {
        self.state = RunState::Running;
        self.next_run();
        self.ticket()
    }

    /// Pauses after the step in flight, so the step counter never moves once "paused" shows.
    pub fn pause(&mut self) {
        if self.state == RunState::Running {
            self.state = RunState::Pausing;
        }
    }

    /// Prepares a single step (after [`Self::ensure_model`]): the model waits paused; None
    /// while a run is going.
    pub fn single_step(&mut self) -> Option<RunTicket> {
        if self.state.is_active() {
            return None;
        }
        self.state = RunState::Paused;
        Some(self.ticket())
    }

    /// Whether a single step prepared with `ticket` may still be taken: no Start, Reset or other
    /// model since.
    pub fn may_step(&self, ticket: RunTicket) -> bool {
        self.is_run(ticket) && self.is_model(ticket.model) && !self.state.is_active()
    }

    /// The wait for the data ended without data: a Pause meanwhile lands.
    pub fn wait_abandoned(&mut self, ticket: RunTicket) {
        if self.is_run(ticket) && self.state == RunState::Pausing {
            self.state = RunState::Paused;
        }
    }

    /// The data could not be had: true when `ticket`'s run is still current (the run then waits
    /// paused, and the reason is shown).
    pub fn wait_failed(&mut self, ticket: RunTicket) -> bool {
        if !self.is_run(ticket) {
            return false;
        }
        self.state = RunState::Paused;
        true
    }

    /// The indices of the next step's batch from a split of `len` items, in the epoch's order.
    pub fn next_batch(&mut self, len: usize, batch_size: usize, seed: u64) -> &[usize] {
        scheduled_batch(&mut self.batches, len, batch_size, seed, self.steps)
    }

    /// One step of the model on `batch`; its losses and the step's number (from 1), or None
    /// without a model.
    pub fn step(&mut self, batch: &T::Batch) -> Option<(T::Losses, usize)> {
        let losses = self.trainer_mut()?.step(batch);
        self.steps += 1;
        Some((losses, self.steps))
    }

    /// The run reached its last step.
    pub fn finish(&mut self) {
        self.state = RunState::Finished;
    }

    /// A loss diverged: the run stops (its loop sees it is no longer running).
    pub fn diverge(&mut self) {
        self.state = RunState::Diverged;
    }

    /// After `ticket`'s loop ended, with the page caught up with the model: a Pause lands.
    /// Whether the model should be published and saved (its run is current and it ended well).
    pub fn settle(&mut self, ticket: RunTicket) -> bool {
        if !self.is_run(ticket) {
            return false;
        }
        if self.state == RunState::Pausing {
            self.state = RunState::Paused;
        }
        self.has_model() && matches!(self.state, RunState::Finished | RunState::Paused)
    }

    /// Ends the run, keeping the model as it is.
    pub fn stop(&mut self) -> Stopped {
        self.next_run();
        if self.is_untrained() {
            self.drop_model();
            self.state = RunState::Idle;
            return Stopped::DroppedUntrained;
        }
        if self.has_model()
            && matches!(
                self.state,
                RunState::Running | RunState::Pausing | RunState::Paused
            )
        {
            self.state = RunState::Finished;
            return Stopped::Finished;
        }
        Stopped::Nothing
    }

    /// Forgets the model and ends any run.
    pub fn reset(&mut self) {
        self.next_run();
        self.drop_model();
        self.state = RunState::Idle;
    }

    /// The engine failed (the model lived there and cannot be read any more): the same as a
    /// reset; the session may then put back a saved copy with [`Self::replace`].
    pub fn fail(&mut self) {
        self.reset();
    }

    /// Replaces the model with one read from a file, trained `steps` steps: it waits paused.
    pub fn replace(&mut self, trainer: T, recipe: T::Recipe, steps: usize) {
        self.next_run();
        self.hold(trainer, recipe, steps);
        self.state = RunState::Paused;
    }

    fn hold(&mut self, trainer: T, recipe: T::Recipe, steps: usize) {
        self.model_gen += 1;
        self.held = Some(Held { trainer, recipe });
        self.steps = steps;
    }

    fn drop_model(&mut self) {
        self.model_gen += 1;
        self.held = None;
        self.steps = 0;
    }

    fn next_run(&mut self) {
        self.run_id += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model that counts its steps and remembers what it learnt from.
    struct Fake {
        recipe: u32,
        seen: Vec<u32>,
    }

    #[derive(Debug, PartialEq)]
    struct Invalid;

    impl Trainer for Fake {
        /// The recipe's number; 0 cannot train.
        type Recipe = u32;
        type Device = ();
        type Batch = u32;
        type Losses = f32;
        type Invalid = Invalid;

        fn check(recipe: &u32) -> Result<(), Invalid> {
            if *recipe == 0 { Err(Invalid) } else { Ok(()) }
        }

        fn same_model(made: &u32, wanted: &u32) -> bool {
            made == wanted
        }

        fn make(recipe: &u32, _: &()) -> Self {
            Fake {
                recipe: *recipe,
                seen: Vec::new(),
            }
        }

        fn step(&mut self, batch: &u32) -> f32 {
            self.seen.push(*batch);
            self.seen.len() as f32
        }
    }

    fn started(recipe: u32) -> (RunController<Fake>, RunTicket) {
        let mut run = RunController::new();
        assert_eq!(run.ensure_model(&recipe, || ()), Ok(Ready::Made));
        let ticket = run.start();
        (run, ticket)
    }

    /// What a session's loop does: steps while its run is going.
    fn run_loop(run: &mut RunController<Fake>, ticket: RunTicket, at_most: usize) -> usize {
        let mut taken = 0;
        while run.going(ticket) && taken < at_most {
            run.step(&7).expect("a model");
            taken += 1;
        }
        taken
    }

    #[test]
    fn a_run_steps_until_paused_and_pause_holds() {
        let (mut run, ticket) = started(3);
        assert_eq!(run_loop(&mut run, ticket, 5), 5);
        run.pause();
        assert_eq!(run.state(), RunState::Pausing);
        // The loop sees the pause at once and takes no further step.
        assert_eq!(run_loop(&mut run, ticket, 5), 0);
        assert!(run.settle(ticket), "a paused model is published");
        assert_eq!((run.state(), run.steps()), (RunState::Paused, 5));
        // Pausing again changes nothing; nor does a second settle.
        run.pause();
        assert_eq!(run.state(), RunState::Paused);
        assert_eq!(run_loop(&mut run, ticket, 5), 0);
        assert_eq!(run.steps(), 5);
    }

    #[test]
    fn resume_continues_the_same_model_from_its_step() {
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 4);
        run.pause();
        run.settle(ticket);
        let model = run.model_gen();
        assert!(run.can_resume(&3));
        assert_eq!(run.ensure_model(&3, || ()), Ok(Ready::Resumed));
        let again = run.start();
        assert!(!run.going(ticket), "the old loop is stale");
        run_loop(&mut run, again, 2);
        assert_eq!(run.steps(), 6);
        assert!(run.is_model(model));
        assert_eq!(run.trainer().map(|t| t.seen.len()), Some(6));
    }

    #[test]
    fn other_settings_start_afresh() {
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 4);
        run.pause();
        run.settle(ticket);
        assert!(!run.can_resume(&4));
        assert_eq!(run.ensure_model(&4, || ()), Ok(Ready::Made));
        assert_eq!(run.steps(), 0);
        assert_eq!(run.trainer().map(|t| t.recipe), Some(4));
    }

    #[test]
    fn invalid_settings_change_nothing() {
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 2);
        run.pause();
        run.settle(ticket);
        let model = run.model_gen();
        assert_eq!(run.ensure_model(&0, || ()), Err(Invalid));
        assert!(run.is_model(model));
        assert_eq!((run.state(), run.steps()), (RunState::Paused, 2));
    }

    #[test]
    fn stop_before_the_first_step_drops_the_untrained_model() {
        let (mut run, ticket) = started(3);
        let model = run.model_gen();
        assert_eq!(run.stop(), Stopped::DroppedUntrained);
        assert!(!run.has_model());
        assert_eq!(run.state(), RunState::Idle);
        assert!(!run.going(ticket));
        assert!(
            !run.is_model(model),
            "a refresh of the dropped model is dropped"
        );
        assert!(!run.settle(ticket), "nothing to publish");
    }

    #[test]
    fn stop_after_steps_keeps_the_model_finished() {
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 3);
        let model = run.model_gen();
        assert_eq!(run.stop(), Stopped::Finished);
        assert_eq!((run.state(), run.steps()), (RunState::Finished, 3));
        assert!(run.is_model(model));
        assert!(!run.going(ticket), "the loop quits");
        assert!(
            !run.settle(ticket),
            "the stale loop publishes nothing (Stop does)"
        );
        assert!(!run.can_resume(&3), "a finished run starts afresh");
        // A second Stop has nothing left to stop.
        assert_eq!(run.stop(), Stopped::Nothing);
    }

    #[test]
    fn a_reset_during_the_wait_for_data_ends_it_with_nothing_trained() {
        // Start pressed before the training digits are there: the loop waits for them.
        let (mut run, ticket) = started(3);
        run.reset();
        // The wait ends (the data came, or the wait gave up): the stale run does nothing.
        assert!(!run.going(ticket));
        run.wait_abandoned(ticket);
        assert!(!run.wait_failed(ticket), "a stale run shows no error");
        assert_eq!(run_loop(&mut run, ticket, 5), 0);
        assert!(!run.settle(ticket));
        assert_eq!((run.state(), run.steps()), (RunState::Idle, 0));
        assert!(!run.has_model());
    }

    #[test]
    fn a_reset_during_a_single_steps_wait_cancels_the_step() {
        let mut run = RunController::<Fake>::new();
        run.ensure_model(&3, || ()).unwrap();
        let ticket = run.single_step().expect("not running");
        assert_eq!(run.state(), RunState::Paused);
        assert!(run.may_step(ticket));
        run.reset();
        assert!(!run.may_step(ticket));
        // So does a Start (another run) or another model (an import).
        run.ensure_model(&3, || ()).unwrap();
        let ticket = run.single_step().unwrap();
        run.start();
        assert!(!run.may_step(ticket));
        run.pause();
        run.settle(run.ticket());
        let ticket = run.single_step().unwrap();
        run.replace(Fake::make(&3, &()), 3, 10);
        assert!(!run.may_step(ticket));
        // No single step while a run is going.
        run.start();
        assert_eq!(run.single_step(), None);
    }

    #[test]
    fn pause_during_the_wait_lands_and_a_failed_wait_pauses() {
        let (mut run, ticket) = started(3);
        run.pause();
        assert!(!run.going(ticket), "the wait stops waiting");
        run.wait_abandoned(ticket);
        assert_eq!(run.state(), RunState::Paused);
        let ticket = run.start();
        assert!(run.wait_failed(ticket));
        assert_eq!(run.state(), RunState::Paused);
        assert_eq!(run.steps(), 0);
    }

    #[test]
    fn a_replaced_models_refresh_is_dropped() {
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 2);
        // A refresh begins with this model...
        let refreshing = run.model_gen();
        // ...and an import replaces it meanwhile.
        run.replace(Fake::make(&5, &()), 5, 40);
        assert!(!run.is_model(refreshing));
        assert!(!run.going(ticket), "the old run's loop quits");
        assert_eq!((run.state(), run.steps()), (RunState::Paused, 40));
        assert!(run.can_resume(&5));
        // A reset and a failed engine drop the model too.
        let imported = run.model_gen();
        run.fail();
        assert!(!run.is_model(imported));
        assert_eq!((run.state(), run.has_model()), (RunState::Idle, false));
    }

    #[test]
    fn a_stale_loop_exits_when_another_run_starts() {
        let (mut run, first) = started(3);
        run.pause();
        run.settle(first);
        run.ensure_model(&3, || ()).unwrap();
        let second = run.start();
        // The first loop was still in its last step's refresh: it must not run on.
        assert!(!run.going(first));
        assert!(!run.settle(first));
        assert_eq!(run.state(), RunState::Running);
        assert!(run.going(second));
    }

    #[test]
    fn divergence_and_the_last_step_end_the_loop() {
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 2);
        run.diverge();
        assert!(!run.going(ticket));
        assert!(!run.settle(ticket), "a diverged model is not published");
        assert!(!run.can_resume(&3));
        let (mut run, ticket) = started(3);
        run_loop(&mut run, ticket, 2);
        run.finish();
        assert!(!run.going(ticket));
        assert!(run.settle(ticket), "a finished model is published");
    }

    #[test]
    fn batches_follow_the_steps() {
        let (mut run, ticket) = started(3);
        let first = run.next_batch(10, 4, 1).to_vec();
        assert_eq!(first.len(), 4);
        // The same step gives the same batch; the next step another.
        assert_eq!(run.next_batch(10, 4, 1), first.as_slice());
        run_loop(&mut run, ticket, 1);
        assert_ne!(run.next_batch(10, 4, 1), first.as_slice());
    }
}
