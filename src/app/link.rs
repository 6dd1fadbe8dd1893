//! The URL as the state of the view: every view binds its settings to query parameters of the
//! hash (`#/noise?sigma=0.3&seed=7`), so a link reproduces what is on screen and back/forward
//! walk through the student's changes.
//!
//! - A binding reads its parameter once when the view opens, follows back/forward afterwards,
//!   and writes the signal's value into the URL whenever it changes.
//! - The URL is rewritten with `replaceState` while a change is under way (a slider being
//!   dragged) and pushed as a new history entry once per gesture: a pointer release, a `change`
//!   event or a click arms the next write to push.
//! - What a link asked for and did not get (an unknown key, a malformed or out-of-range value)
//!   is collected in [`LinkState::notices`] and shown in one line.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::routes::Route;
use crate::link::{Issue, Location, Notice};
use crate::slug::Slug;

/// Keys every view has (the language).
const GLOBAL_KEYS: &[&str] = &["lang"];

#[derive(Clone, Copy)]
pub struct LinkState {
    location: RwSignal<Location>,
    notices: RwSignal<Vec<Notice>>,
    /// Keys the open view has bound; anything else in a link is reported and dropped.
    claimed: StoredValue<Vec<&'static str>>,
    /// Whether the next write starts a new history entry (armed by the end of a gesture).
    push_next: StoredValue<bool>,
    /// Settings a homework task fixes: the route they belong to and each key's value as link text.
    locks: RwSignal<Option<Locks>>,
}

/// What an active homework task locks (see [`LinkState::lock`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Locks {
    pub route: String,
    pub values: Vec<(String, String)>,
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl LinkState {
    /// Reads the URL, follows back/forward and the navigation links, and keeps the URL in step
    /// with the bound state.
    pub fn install() -> Self {
        let link = Self {
            location: RwSignal::new(Location::parse(&current_hash())),
            notices: RwSignal::new(Vec::new()),
            claimed: StoredValue::new(Vec::new()),
            push_next: StoredValue::new(false),
            locks: RwSignal::new(None),
        };
        link.check_route();
        let follow_url = move || {
            let now = Location::parse(&current_hash());
            if link.location.with_untracked(|l| *l != now) {
                // Navigation made its own history entry: the views' first writes only refine it.
                link.push_next.set_value(false);
                link.notices.set(Vec::new());
                link.location.set(now);
                link.check_route();
            }
        };
        let on_hash = window_event_listener(leptos::ev::hashchange, move |_| follow_url());
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| follow_url());
        let arm = move || link.push_next.set_value(true);
        let on_up = window_event_listener(leptos::ev::pointerup, move |_| arm());
        let on_change = window_event_listener(leptos::ev::change, move |_| arm());
        let on_click = window_event_listener(leptos::ev::click, move |_| arm());
        on_cleanup(move || {
            for handle in [on_hash, on_pop, on_up, on_change, on_click] {
                handle.remove();
            }
        });
        Effect::new(move |_| {
            let hash = link.location.with(Location::to_hash);
            if hash == current_hash() {
                return;
            }
            let Ok(history) = window().history() else {
                return;
            };
            let push = link.push_next.get_value();
            link.push_next.set_value(false);
            let _ = if push {
                history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
            };
        });
        link
    }

    /// An unknown view in a link opens the draw view, and says so (`view=…` in the notice).
    fn check_route(self) {
        let route = self.location.with_untracked(|l| l.route.clone());
        if !route.is_empty() && Route::from_path(&route).is_none() {
            self.note("view", &route, Issue::Unknown);
            self.location
                .update(|l| l.route = Route::Draw.slug().to_string());
        }
    }

    /// The route in the URL (an unknown one opens the draw view and says so).
    pub fn route(self) -> Memo<Route> {
        Memo::new(move |_| {
            self.location
                .with(|l| Route::from_path(&l.route).map(|(r, _)| r))
                .unwrap_or(Route::Draw)
        })
    }

    /// The tab named after the view's slash (`apps/retrieval` → `retrieval`; tracked).
    pub fn tab(self) -> Memo<String> {
        Memo::new(move |_| {
            self.location.with(|l| {
                Route::from_path(&l.route)
                    .map(|(_, tab)| tab.to_string())
                    .unwrap_or_default()
            })
        })
    }

    /// The value of a global parameter as the page opened (the language).
    pub fn initial(self, key: &str) -> Option<String> {
        self.location
            .with_untracked(|l| l.get(key).map(str::to_string))
    }

    /// Keeps `signal` and the URL parameter `key` in step (see the module's description).
    /// `read` turns a link's text into a value within its limits; `write` is its inverse.
    pub fn bind<T>(
        self,
        key: &'static str,
        signal: RwSignal<T>,
        read: impl Fn(&str) -> Result<(T, Option<Issue>), Issue> + Send + Sync + 'static,
        write: impl Fn(&T) -> String + Send + Sync + 'static,
    ) where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        self.claimed.update_value(|c| c.push(key));
        let apply = std::sync::Arc::new(move |text: &str, report: bool| match read(text) {
            Ok((value, issue)) => {
                if report && let Some(issue) = issue {
                    self.note(key, text, issue);
                }
                if signal.with_untracked(|v| *v != value) {
                    signal.set(value);
                }
            }
            Err(issue) => {
                if report {
                    self.note(key, text, issue);
                }
            }
        });
        // The link's value, once, as the view opens.
        if let Some(text) = self.initial(key) {
            apply(&text, true);
        }
        // Back and forward: the URL changed under the view.
        let follow = apply.clone();
        Effect::new(move |first: Option<()>| {
            let text = self.location.with(|l| l.get(key).map(str::to_string));
            if first.is_some()
                && let Some(text) = text
            {
                follow(&text, true);
            }
        });
        // A homework task locks this setting: any other value goes back to the task's.
        let write = std::sync::Arc::new(write);
        let write_locked = write.clone();
        Effect::new(move |_| {
            let Some(locked) = self.locked_text(key) else {
                return;
            };
            if signal.with(|v| write_locked(v)) != locked {
                apply(&locked, false);
            }
        });
        // The view changed the value (or a navigation dropped the key): the URL follows.
        let missing = Memo::new(move |_| self.location.with(|l| l.get(key).is_none()));
        Effect::new(move |_| {
            // Read (not just tracked) so that the lazy memo computes and follows the URL.
            let _ = missing.get();
            let text = signal.with(|v| write(v));
            if self
                .location
                .with_untracked(|l| l.get(key) != Some(text.as_str()))
            {
                self.location.update(|l| l.set(key, text));
            }
        });
    }

    /// Locks settings for a homework task: on `route`, each key keeps its value (link text);
    /// the views disable the controls ([`LinkState::is_locked`]) and a binding puts a locked
    /// value back if anything changes it. `None` lifts the locks.
    pub fn lock(self, locks: Option<Locks>) {
        self.locks.set(locks);
    }

    /// The locked value of `key` on the open route, if a task locks it (tracked).
    fn locked_text(self, key: &str) -> Option<String> {
        let route = self.location.with(|l| l.route.clone());
        self.locks.with(|locks| {
            locks
                .as_ref()
                .filter(|l| l.route == route)
                .and_then(|l| l.values.iter().find(|(k, _)| k == key))
                .map(|(_, v)| v.clone())
        })
    }

    /// Whether a homework task locks `key` on the open route (tracked): its control is disabled.
    pub fn is_locked(self, key: &str) -> bool {
        self.locked_text(key).is_some()
    }

    /// What a homework task locks, as `key = value` (tracked; empty without a task).
    pub fn locked_settings(self) -> String {
        self.locks.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.values
                        .iter()
                        .map(|(k, v)| format!("{k} = {v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        })
    }

    /// Whether a homework task locks anything on the open route (tracked).
    pub fn has_locks(self) -> bool {
        let route = self.location.with(|l| l.route.clone());
        self.locks
            .with(|l| l.as_ref().is_some_and(|l| l.route == route))
    }

    /// The value of `key` as the view opens, for a parameter that asks for something once (open
    /// this file) rather than holding a setting: claimed, so it is not reported, and left as is.
    pub fn read_once(self, key: &'static str) -> Option<String> {
        self.claimed.update_value(|c| c.push(key));
        self.location
            .with_untracked(|l| l.get(key).map(str::to_string))
    }

    /// Records a parameter the link got wrong.
    pub fn note(self, key: &str, value: &str, issue: Issue) {
        let notice = Notice {
            key: key.to_string(),
            value: crate::link::shorten(value),
            issue,
        };
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// What the last opened link asked for and did not get.
    pub fn notices(self) -> RwSignal<Vec<Notice>> {
        self.notices
    }

    /// A new view is about to bind its keys.
    pub fn begin_view(self) {
        self.claimed.set_value(GLOBAL_KEYS.to_vec());
    }

    /// Once the view has bound its keys: reports and drops the link's other keys.
    pub fn end_view(self) {
        leptos::task::spawn_local(async move {
            super::web::next_frame().await;
            let unknown: Vec<(String, String)> = self.location.with_untracked(|l| {
                l.query
                    .iter()
                    .filter(|(k, _)| self.claimed.with_value(|c| !c.contains(&k.as_str())))
                    .cloned()
                    .collect()
            });
            for (key, value) in &unknown {
                self.note(key, value, Issue::Unknown);
            }
            if !unknown.is_empty() {
                self.location.update(|l| {
                    for (key, _) in &unknown {
                        l.remove(key);
                    }
                });
            }
        });
    }

    /// The whole address of what is on screen, to share.
    pub fn share_url(self) -> String {
        let hash = self.location.with_untracked(Location::to_hash);
        let here = window().location();
        format!(
            "{}{}{}",
            here.origin().unwrap_or_default(),
            here.pathname().unwrap_or_default(),
            hash
        )
    }
}

pub fn use_link() -> LinkState {
    expect_context()
}
