//! Importing a model file chosen in a file input, shared by the training lab and the GAN lab: the
//! file is read within the size limit, handed to the session's own import, and the outcome shown
//! (a refused file as a `Problem` beside the input; the models in use then stay).

use std::future::Future;

use leptos::prelude::*;

use crate::app::engine::Problem;
use crate::app::web::files::{MAX_FILE_BYTES, read_file};

/// Imports the file chosen in the input that fired `ev` with `import`. On success `problem` is
/// cleared and `imported(file name, what import returned)` says what came in; otherwise `problem`
/// says why not. The input is emptied, so that choosing the same file again imports it again.
pub fn import_chosen_file<T, Fut>(
    ev: &leptos::ev::Event,
    problem: RwSignal<Option<Problem>>,
    import: impl FnOnce(Vec<u8>) -> Fut + 'static,
    imported: impl FnOnce(String, T) + 'static,
) where
    T: 'static,
    Fut: Future<Output = Result<T, Problem>> + 'static,
{
    let input: web_sys::HtmlInputElement = event_target(ev);
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    leptos::task::spawn_local(async move {
        // A file over the limit is refused from its size alone, before anything is read.
        let result = match read_file(file, MAX_FILE_BYTES).await {
            Ok(bytes) => import(bytes).await,
            Err(why) => Err(Problem {
                sentence: why,
                detail: None,
            }),
        };
        match result {
            Ok(value) => {
                problem.set(None);
                imported(name, value);
            }
            Err(why) => problem.set(Some(why)),
        }
    });
}
