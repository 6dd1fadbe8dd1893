//! The student's homework, shared by every view through context: the open assignment, who the
//! student is, the task under way (its settings locked in its view), what has been handed in,
//! the written answers and the hash-chained work log. The formats and the checks live in the
//! natively tested `crate::homework`; this only holds them and keeps them across reloads
//! (the student in localStorage, the work in IndexedDB under the assignment's hash).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::link::{LinkState, Locks, use_link};
use super::web::storage::{self, keys, load_setting, save_setting};
use crate::homework::assignment::Assignment;
use crate::homework::checks::{CheckResult, Visibility, evaluate, word_count};
use crate::homework::log::{NewEntry, WorkLog};
use crate::homework::report::{Student, TaskReport};
use crate::homework::seed::student_seed;
use crate::i18n::Text;
use crate::link::Location;

/// Everything the student did for one assignment (saved under its hash).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Work {
    /// Written answers, by task number.
    pub answers: BTreeMap<usize, String>,
    /// What was handed in, by task number.
    pub hand_ins: BTreeMap<usize, TaskReport>,
    pub log: WorkLog,
}

#[derive(Clone, Copy)]
pub struct Homework {
    pub assignment: RwSignal<Option<Arc<Assignment>>>,
    pub student: RwSignal<Student>,
    /// The task under way (from 1), whose view shows the hand-in banner.
    pub active: RwSignal<Option<usize>>,
    pub work: RwSignal<Work>,
    /// Measures the applications lab publishes as it computes them (`retrieval_precision_ae`,
    /// `anomaly_auc_ae_fashion`, …), for tasks that hand them in.
    pub app_metrics: RwSignal<BTreeMap<String, f64>>,
    /// The public checks as last validated, by task.
    pub checks: RwSignal<Option<BTreeMap<usize, Vec<CheckResult>>>>,
    pub error: RwSignal<Option<Text>>,
    pub notice: RwSignal<Option<Text>>,
    link: LinkState,
}

/// The IndexedDB key of the assignment last opened (reopened after a reload).
const CURRENT: &str = "homework:current";

/// The localStorage key of an assignment's answers (written at every keystroke).
fn answers_key(hash: &str) -> String {
    format!("latent-lab.hw-answers.{hash}")
}

/// The IndexedDB key of an assignment's work.
fn work_key(hash: &str) -> String {
    format!("homework:{hash}")
}

impl Homework {
    pub fn new() -> Self {
        let student = RwSignal::new(load_setting::<Student>(keys::STUDENT).unwrap_or_default());
        Effect::new(move |_| student.with(|s| save_setting(keys::STUDENT, s)));
        let homework = Self {
            assignment: RwSignal::new(None),
            student,
            active: RwSignal::new(None),
            work: RwSignal::new(Work::default()),
            app_metrics: RwSignal::new(BTreeMap::new()),
            checks: RwSignal::new(None),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            link: use_link(),
        };
        // The assignment open before a reload, with its work (nothing to say if there is none).
        leptos::task::spawn_local(async move {
            if let Ok(Some(bytes)) = storage::load_bytes(CURRENT).await
                && homework.assignment.with_untracked(Option::is_none)
            {
                let _ = homework.open(&bytes).await;
            }
        });
        homework
    }

    /// Opens an assignment file; on any error the open assignment stays. Restores the work saved
    /// for it in this browser.
    pub async fn open(self, bytes: &[u8]) -> Result<(), Text> {
        let assignment = Assignment::parse(bytes)
            .map_err(|e| Text::new("hw-bad-assignment").with("why", e.to_string()))?;
        let hash = assignment.hash();
        // The same assignment again (a link followed back, the same button): the work in memory
        // and the task under way stay as they are.
        if self
            .assignment
            .with_untracked(|a| a.as_ref().is_some_and(|a| a.hash() == hash))
        {
            return Ok(());
        }
        let key = work_key(&hash);
        let work = match storage::load_bytes(&key).await {
            Ok(Some(stored)) => match serde_json::from_slice::<Work>(&stored) {
                Ok(work) if work.log.verify().is_ok() => work,
                _ => {
                    // Set aside, not overwritten: the next save would replace it.
                    let _ = storage::save_bytes(&format!("{key}:damaged"), &stored).await;
                    self.notice.set(Some(Text::new("hw-work-damaged")));
                    Work::default()
                }
            },
            Ok(None) => Work::default(),
            Err(why) => {
                self.notice
                    .set(Some(Text::new("hw-work-unavailable").with("why", why)));
                Work::default()
            }
        };
        let mut work = work;
        // Answers typed after the last save of the work.
        if let Some(answers) = load_setting::<BTreeMap<usize, String>>(&answers_key(&hash)) {
            work.answers.extend(answers);
        }
        self.stop_task();
        self.checks.set(None);
        self.work.set(work);
        self.assignment.set(Some(Arc::new(assignment)));
        // Reopened after a reload; a browser without storage simply forgets it.
        let _ = storage::save_bytes(CURRENT, bytes).await;
        Ok(())
    }

    /// Saves the work (IndexedDB may be missing or full: then it lives until the page closes,
    /// and the report can still be downloaded).
    pub async fn save(self) {
        let Some(hash) = self
            .assignment
            .with_untracked(|a| a.as_ref().map(|a| a.hash()))
        else {
            return;
        };
        let bytes = self
            .work
            .with_untracked(|w| serde_json::to_vec(w).expect("work serialises"));
        if let Err(why) = storage::save_bytes(&work_key(&hash), &bytes).await {
            self.notice
                .try_set(Some(Text::new("hw-work-not-saved").with("why", why)));
        }
    }

    /// The student's own seed for `task` (every training of the task uses it).
    pub fn seed(self, task: usize) -> Option<u64> {
        let hash = self.assignment.with(|a| a.as_ref().map(|a| a.hash()))?;
        Some(self.student.with(|s| student_seed(&hash, &s.id, task)))
    }

    /// Opens the task's view with its settings (and, for training, the student's seed), locked
    /// where the task says so. Not while the lab trains (`training`): its settings are in use.
    pub fn start_task(self, task: usize, training: bool) -> Result<(), Text> {
        if self.student.with_untracked(|s| s.id.trim().is_empty()) {
            return Err(Text::new("hw-need-student-id"));
        }
        if training {
            return Err(Text::new("hw-stop-training-first"));
        }
        let Some(t) = self
            .assignment
            .with_untracked(|a| a.as_ref().and_then(|a| a.task(task).cloned()))
        else {
            return Err(Text::new("hw-no-such-task"));
        };
        let mut location = Location::parse(&t.view);
        let mut locked = t.locked.clone();
        if location.route == "train" {
            let seed = self.seed(task).unwrap_or_default();
            location.set("seed", seed.to_string());
            if !locked.iter().any(|k| k == "seed") {
                locked.push("seed".to_string());
            }
        }
        let values = locked
            .iter()
            .filter_map(|k| location.get(k).map(|v| (k.clone(), v.to_string())))
            .collect();
        self.link.lock(Some(Locks {
            route: location.route.clone(),
            values,
        }));
        self.active.set(Some(task));
        let _ = window().location().set_hash(&location.to_hash());
        Ok(())
    }

    /// Leaves the task under way: its settings are free again.
    pub fn stop_task(self) {
        self.active.set(None);
        self.link.lock(None);
    }

    /// Appends to the work log (and saves).
    pub fn log(self, entry: NewEntry) {
        self.work.update(|w| {
            w.log.append(entry);
        });
        leptos::task::spawn_local(self.save());
    }

    /// Records what was handed in for a task (replacing an earlier hand-in) and saves.
    pub fn hand_in(self, report: TaskReport) {
        self.work.update(|w| {
            w.hand_ins.insert(report.task, report);
        });
        self.checks.set(None);
        leptos::task::spawn_local(self.save());
    }

    /// Keeps a written answer as the student types: in memory and in localStorage at once (small
    /// and synchronous, so closing the tab loses nothing); with the rest of the work in IndexedDB
    /// when `done` (the field lost focus).
    pub fn set_answer(self, task: usize, text: String, done: bool) {
        self.work.update(|w| {
            w.answers.insert(task, text);
        });
        if let Some(hash) = self
            .assignment
            .with_untracked(|a| a.as_ref().map(|a| a.hash()))
        {
            self.work
                .with_untracked(|w| save_setting(&answers_key(&hash), &w.answers));
        }
        self.checks.set(None);
        if done {
            leptos::task::spawn_local(self.save());
        }
    }

    /// The metrics a task's checks read: what was handed in, plus the answer's word count.
    pub fn task_metrics(self, task: usize) -> BTreeMap<String, f64> {
        self.work.with_untracked(|w| {
            let mut metrics = w
                .hand_ins
                .get(&task)
                .map(|h| h.metrics.clone())
                .unwrap_or_default();
            if let Some(answer) = w.answers.get(&task) {
                metrics.insert("answer_words".into(), word_count(answer) as f64);
            }
            metrics
        })
    }

    /// Runs every public check of the assignment on what is handed in.
    pub fn validate(self) {
        let Some(assignment) = self.assignment.get_untracked() else {
            return;
        };
        let results = assignment
            .tasks
            .iter()
            .enumerate()
            .map(|(i, task)| {
                let metrics = self.task_metrics(i + 1);
                let checks = task
                    .checks
                    .iter()
                    .filter(|c| c.visibility == Visibility::Public)
                    .map(|c| evaluate(c, &metrics))
                    .collect();
                (i + 1, checks)
            })
            .collect();
        self.checks.set(Some(results));
    }
}

pub fn use_homework() -> Homework {
    expect_context()
}
