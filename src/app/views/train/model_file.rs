//! The lab model outside the lab: export it as one file, import one, and let it stand in for the
//! shipped AE or VAE in every view.

use leptos::prelude::*;

use crate::app::components::messages::ProblemMessage;
use crate::app::engine::Problem;
use crate::app::i18n::use_i18n;
use crate::app::state::{use_resources, use_session};
use crate::app::web::files::{MAX_FILE_BYTES, download, read_file};
use crate::app::web::storage::{keys, save_setting};
use crate::i18n::{Text, tk};
use crate::slug::Slug;

#[component]
pub fn ModelFile() -> impl IntoView {
    let resources = use_resources();
    let session = use_session();
    let i18n = use_i18n();
    let import_error = RwSignal::new(None::<Problem>);
    let export = move |_| {
        leptos::task::spawn_local(async move {
            match session.export().await {
                Ok(bytes) => {
                    let name = session.config.with_untracked(|c| {
                        format!("latent-lab-{}-{}d.llmodel", c.kind.slug(), c.latent)
                    });
                    if let Err(why) = download(&bytes, &name) {
                        session
                            .error
                            .set(Some(Text::new("model-download-failed").with("why", why)));
                    }
                }
                Err(why) => session
                    .error
                    .set(Some(Text::new("model-cannot-export").with("why", why))),
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            // A file over the limit is refused from its size alone, before anything is read.
            let result = match read_file(file, MAX_FILE_BYTES).await {
                Ok(bytes) => session.import(resources.get(), bytes).await,
                Err(why) => Err(Problem {
                    sentence: why,
                    detail: None,
                }),
            };
            match result {
                Ok(imported) => {
                    import_error.set(None);
                    session.notice.set(Some(
                        Text::new("model-imported")
                            .with("file", name)
                            .with("model", imported),
                    ));
                }
                Err(problem) => import_error.set(Some(problem)),
            }
        });
    };
    let (use_trained, trained) = resources.with(|r| (r.use_trained, r.trained));
    view! {
        <h3>{move || i18n.t("model-title")}</h3>
        <div class="buttons">
            <button data-testid="model-export" on:click=export>{move || i18n.t("model-export")}</button>
            <label class="file">{move || i18n.t("model-import")}" "
                <input type="file" accept=".llmodel,application/octet-stream" data-testid="model-import" on:change=import />
            </label>
        </div>
        <ProblemMessage
            problem=import_error
            testid="train-error"
            around=tk("model-import-failed")
        />
        <label class="check">
            <input type="checkbox" data-testid="use-trained" prop:checked=move || use_trained.get()
                disabled=move || trained.with(Option::is_none)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    use_trained.set(on);
                    save_setting(keys::USE_TRAINED, &on);
                } />
            {move || match trained.get() {
                Some(slot) => {
                    let key = if slot.config.kind.is_vae() {
                        tk("model-use-as-vae")
                    } else {
                        tk("model-use-as-ae")
                    };
                    i18n.text(&Text::new(key).with("model", slot.describe()))
                }
                None => i18n.t("model-use-none"),
            }}
        </label>
    }
}
