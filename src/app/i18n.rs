//! The language of the app, provided through context: views ask for a message by key
//! (`i18n.t("draw-title")`) inside a reactive closure, so switching the language re-renders every
//! word at once, keeping the drawing, a running training and every setting.

use leptos::prelude::*;

use super::web::storage::{keys, load_setting, save_setting};
use crate::i18n::{Arg, Decimals, Lang, Text, number::format_number, tk, translate};

#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The language of the link, else the student's last choice, else the browser's; `<html
    /// lang>` and the page title follow it from then on.
    pub fn install(link_lang: Option<&str>) -> Self {
        let saved = load_setting::<String>(keys::LANG);
        let browser: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
        let i18n = Self {
            lang: RwSignal::new(Lang::choose(link_lang, saved.as_deref(), &browser)),
        };
        Effect::new(move |_| {
            let lang = i18n.lang.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            document().set_title(&translate(lang, tk("app-page-title"), &[]));
        });
        i18n
    }

    /// The language shown (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    pub fn lang_signal(self) -> RwSignal<Lang> {
        self.lang
    }

    /// The student's choice: shown at once and remembered for the next visit.
    pub fn choose(self, lang: Lang) {
        self.lang.set(lang);
        save_setting(keys::LANG, &lang.tag());
    }

    /// The message `key` in the current language (tracked).
    pub fn t(self, key: &'static str) -> String {
        translate(self.lang.get(), key, &[])
    }

    /// The message `key` with values for its placeables (tracked).
    pub fn t_with(self, key: &'static str, args: &[(&'static str, Arg)]) -> String {
        translate(self.lang.get(), key, args)
    }

    /// A stored message in the current language (tracked).
    pub fn text(self, text: &Text) -> String {
        text.in_lang(self.lang.get())
    }

    /// A number with exactly `decimals` decimals, written the current language's way (tracked).
    pub fn num(self, value: f64, decimals: usize) -> String {
        format_number(value, Decimals::Exactly(decimals), true, self.lang.get())
    }
}

pub fn use_i18n() -> I18n {
    expect_context()
}
