//! The lab model outside the lab: export it as one file, import one, and let it stand in for the
//! shipped AE or VAE in every view.

use leptos::prelude::*;

use crate::app::components::messages::ProblemMessage;
use crate::app::components::model_import::import_chosen_file;
use crate::app::engine::Problem;
use crate::app::i18n::use_i18n;
use crate::app::state::{use_resources, use_session};
use crate::app::web::files::download;
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
        import_chosen_file(
            &ev,
            import_error,
            move |bytes| session.import(resources.get(), bytes),
            move |file, imported| {
                session.notice.set(Some(
                    Text::new("model-imported")
                        .with("file", file)
                        .with("model", imported),
                ))
            },
        );
    };
    let (use_trained, trained) = resources.with(|r| (r.use_lab_model(), r.lab_model()));
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
                    resources.with(|r| r.set_use_lab_model(on));
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
