//! A GAN session's models as a file: export them (settings, history, G and D), or import a file
//! exported earlier; a bad file is refused with the reason, and the models in use stay.

use leptos::prelude::*;

use super::testid;
use crate::app::components::messages::{Message, ProblemMessage};
use crate::app::components::model_import::import_chosen_file;
use crate::app::engine::Problem;
use crate::app::engine::gan::GanSession;
use crate::app::i18n::use_i18n;
use crate::app::web::files::download;
use crate::i18n::{Text, tk};
use crate::slug::Slug;

#[component]
pub fn GanModelFile(session: GanSession) -> impl IntoView {
    let i18n = use_i18n();
    let import_error = RwSignal::new(None::<Problem>);
    let running = move || session.state.get().is_active();
    let export = move |_| {
        leptos::task::spawn_local(async move {
            let mode = session.mode.slug();
            let result = session.export().await.and_then(|bytes| {
                let name = format!(
                    "latent-lab-gan-{mode}-step-{}.llgan",
                    session.step.get_untracked()
                );
                download(&bytes, &name)
                    .map_err(|why| Text::new("gan-download-failed").with("why", why))
            });
            if let Err(why) = result {
                session.error.set(Some(why));
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        import_chosen_file(
            &ev,
            import_error,
            move |bytes| async move { session.import(&bytes).await },
            move |file, step| {
                session.notice.set(Some(
                    Text::new("gan-imported")
                        .with("file", file)
                        .with("step", step),
                ))
            },
        );
    };
    view! {
        <h3>{move || i18n.t("gan-file-title")}</h3>
        <div class="buttons">
            <button data-testid=testid(session, "export") disabled=running on:click=export>
                {move || i18n.t("gan-export")}
            </button>
            <label class="file">{move || i18n.t("gan-import")}" "
                <input type="file" accept=".llgan,application/octet-stream" data-testid=testid(session, "import")
                    disabled=running on:change=import />
            </label>
        </div>
        <ProblemMessage problem=import_error testid="gan-import-error" around=tk("gan-import-failed") />
        <Message text=session.notice testid="gan-notice" class="caption" />
    }
}
