//! The GAN session's models outside the session: one file (`gan::file`: settings, history,
//! G's and D's weights) to export and import, the same bytes saved in the browser whenever a run
//! pauses and every few seconds while it trains, and restored when the GAN view first opens. The
//! file carries no optimiser state: a resumed run starts fresh Adam moments.

use burn::prelude::*;
use leptos::prelude::*;

use super::{GanRecipe, GanSession};
use crate::app::engine::{Backend, Problem};
use crate::app::web::storage::{load_bytes, save_bytes};
use crate::gan::file::{self as gan_file, GanFileMeta};
use crate::gan::settings::GanMode;
use crate::i18n::Text;
use crate::model::host_copy::copy_parameters;
use crate::train::gan::GanTrainer;

/// Where the browser keeps each mode's models (IndexedDB).
fn saved_key(mode: GanMode) -> &'static str {
    match mode {
        GanMode::Toy => "gan-toy-models.v1",
        GanMode::Digits => "gan-digits-models.v1",
    }
}

impl GanSession {
    /// The models, settings and history as one file (weights copied to the CPU first: on WebGPU
    /// they can only be read asynchronously).
    pub async fn export(&self) -> Result<Vec<u8>, Text> {
        let Some((config, g, d, settings)) = self.run.with_value(|r| {
            let t = r.trainer()?;
            Some((
                t.config.clone(),
                t.generator().valid(),
                t.discriminator().valid(),
                r.recipe()?.settings.clone(),
            ))
        }) else {
            return Err(Text::new("gan-no-model-yet"));
        };
        let steps = self.steps_done();
        let history = self.history.get_untracked();
        let cpu = Device::flex();
        let copy_failed = |why: String| Text::new("gan-copy-failed").with("why", why);
        let g = copy_parameters(&g, config.generator.init(&cpu))
            .await
            .map_err(|e| copy_failed(e.to_string()))?;
        let d = copy_parameters(&d, config.discriminator.init(&cpu))
            .await
            .map_err(|e| copy_failed(e.to_string()))?;
        let meta = GanFileMeta {
            mode: self.mode,
            settings,
            steps,
            history,
        };
        gan_file::encode(&meta, &g, &d)
            .map_err(|e| Text::new("gan-copy-failed").with("why", e.to_string()))
    }

    /// Replaces the models with a file's (on the CPU engine, paused), or says why not and leaves
    /// everything as it was. Returns the step the file was saved at.
    pub async fn import(&self, bytes: &[u8]) -> Result<usize, Problem> {
        self.load_file(bytes, true).await
    }

    /// `import`; `adopt_settings`: the form takes the file's settings too. A restore keeps the
    /// form as the student last left it (saved separately), so nothing typed since is lost; if it
    /// differs from the models', Start begins afresh.
    async fn load_file(&self, bytes: &[u8], adopt_settings: bool) -> Result<usize, Problem> {
        let cpu = Device::flex();
        let (meta, g, d) = gan_file::decode(bytes, &cpu).map_err(|e| Problem {
            sentence: e.advice(),
            detail: Some(e.to_string()),
        })?;
        if meta.mode != self.mode {
            return Err(Problem {
                sentence: match meta.mode {
                    GanMode::Toy => Text::new("gan-file-is-toy"),
                    GanMode::Digits => Text::new("gan-file-is-digits"),
                },
                detail: None,
            });
        }
        let config = meta.settings.config(self.mode);
        let trainer = GanTrainer::from_models(config, g, d, meta.steps, &cpu);
        let recipe = GanRecipe {
            mode: self.mode,
            settings: meta.settings.clone(),
            engine: self.wanted.get_untracked(),
        };
        self.with_run(|run| run.replace(trainer, recipe, meta.steps));
        self.toy_stream
            .set_value(Some(meta.settings.toy_stream_from(meta.steps)));
        if adopt_settings {
            self.settings.set(meta.settings);
        }
        self.engine.set(Some(Backend::Cpu));
        self.last.set_value(None);
        self.unread.set_value(0);
        self.watch.set_value(super::watch());
        self.step.set(meta.steps);
        self.history.set(meta.history);
        self.error.set(None);
        if let Err(why) = self.refresh().await {
            self.forget_models();
            return Err(Problem {
                sentence: Text::new("gan-file-unusable"),
                detail: Some(why.to_string()),
            });
        }
        Ok(meta.steps)
    }

    /// Replaces the models with the copy saved in the browser, if there is one that loads; the
    /// step it was saved at.
    pub(super) async fn back_to_saved(&self) -> Option<usize> {
        let bytes = load_bytes(saved_key(self.mode)).await.ok()??;
        self.load_file(&bytes, false).await.ok()
    }

    /// Saves the models in the browser; a failure is said, not fatal (the run goes on).
    pub(super) async fn save_in_browser(&self) {
        self.saved_ms.try_set_value(crate::app::web::now_ms());
        let saved = match self.export().await {
            Ok(bytes) => save_bytes(saved_key(self.mode), &bytes)
                .await
                .map_err(|e| Text::new("gan-save-failed").with("why", e)),
            Err(why) => Err(Text::new("gan-save-failed").with("why", why)),
        };
        if let Err(text) = saved {
            self.notice.try_set(Some(text));
        }
    }

    /// Restores the models saved by an earlier visit, once per visit, if the session has none.
    pub fn restore_once(self) {
        if self.restored.get_value() {
            return;
        }
        self.restored.set_value(true);
        leptos::task::spawn_local(async move {
            let Ok(Some(bytes)) = load_bytes(saved_key(self.mode)).await else {
                return;
            };
            if self.has_model() {
                return;
            }
            if let Err(problem) = self.load_file(&bytes, false).await {
                self.notice.try_set(Some(
                    Text::new("gan-restore-failed").with("why", problem.sentence),
                ));
            } else {
                self.notice.try_set(Some(
                    Text::new("gan-restored").with("step", self.step.get_untracked()),
                ));
            }
        });
    }
}
