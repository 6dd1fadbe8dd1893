//! Giving the browser a turn between pieces of long work (training steps, parts of a refresh)
//! without the cost of `setTimeout(0)`: browsers clamp nested timeouts to at least 4 ms, which at
//! 40 steps a second wastes a sixth of the time, and throttle them to once a second in a
//! background tab. `scheduler.postTask` (Chromium, recent Firefox) runs a callback in a new task
//! of ordinary priority at once: input, painting and the tasks already queued (IndexedDB,
//! fetches, timers) go first. Elsewhere a message posted to the page's own window does the same.
//! Measured with tests/bench/bench-longtasks.mjs: Chromium hands several window messages to one
//! task, so that several steps ran in one long task; `postTask` gives each its own.
//!
//! (`scheduler.yield()` would be shorter, but its continuations jump ahead of the page's other
//! tasks: a loop that yields forever through it could hold back the save it waits for.)

use std::cell::RefCell;
use std::collections::VecDeque;

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The message's data: other messages (none today) pass untouched.
const TOKEN: &str = "latent-lab:next-task";

thread_local! {
    /// Who waits for a turn, in order: each posted message resolves the oldest waiter. `None`
    /// until the first turn installs the one `message` listener (the page's only thread).
    static WAITING: RefCell<Option<VecDeque<js_sys::Function>>> = const { RefCell::new(None) };
}

/// Resolves in a new task of the page, as soon as the browser has handled what was waiting.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut posted = false;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        posted = post_task(&resolve);
        if posted {
            return;
        }
        WAITING.with(|waiting| {
            waiting
                .borrow_mut()
                .get_or_insert_with(|| {
                    listen(&window);
                    VecDeque::new()
                })
                .push_back(resolve);
        });
    });
    if !posted && window.post_message(&JsValue::from_str(TOKEN), "*").is_err() {
        // Not expected; a timeout still gives the turn, only later.
        WAITING.with(|waiting| waiting.borrow_mut().as_mut().and_then(VecDeque::pop_back));
        gloo_timers::future::TimeoutFuture::new(0).await;
        return;
    }
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `resolve` in a new task through `scheduler.postTask`; false where there is none.
fn post_task(resolve: &js_sys::Function) -> bool {
    let Ok(scheduler) = Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")) else {
        return false;
    };
    if scheduler.is_undefined() || scheduler.is_null() {
        return false;
    }
    Reflect::get(&scheduler, &JsValue::from_str("postTask"))
        .ok()
        .and_then(|post| post.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|post| post.call1(&scheduler, resolve).is_ok())
}

/// Installs the listener that hands each turn to its waiter (once: it lives as long as the page).
fn listen(window: &web_sys::Window) {
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            if e.data().as_string().as_deref() != Some(TOKEN) {
                return;
            }
            let next = WAITING.with(|waiting| waiting.borrow_mut().as_mut()?.pop_front());
            if let Some(resolve) = next {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}
