//! Romanian and English. Every sentence the app shows lives in the Fluent files under
//! `src/i18n/locales/{en,ro}/`, never in view code: code names a message by its key and passes the
//! live values, Fluent picks the plural form for the language (Romanian has three: 1 imagine,
//! 3 imagini, 20 de imagini), and [`number`] writes numbers the language's way.
//!
//! Keys appear in code only as literals in `t("…")`, `t_with("…")` or `Text::new("…")`, so a test
//! can check that every key the code uses exists in both languages, and every key is used.

pub mod number;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use number::Decimals;
use number::format_number;

/// A language of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ro,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ro, Lang::En];

    /// The tag used in links (`lang=ro`), storage and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ro => "ro",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ro => "Română",
        }
    }

    /// A link's or storage's tag, exactly `ro` or `en`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// A browser language (`ro-RO`, `en-GB`, `RO`): Romanian for any `ro*`, English for `en*`.
    pub fn from_browser(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_tag(&primary)
    }

    /// The language to show: the link's, else the student's last choice, else the first of the
    /// browser's languages we speak, else English.
    pub fn choose(link: Option<&str>, saved: Option<&str>, browser: &[String]) -> Lang {
        link.and_then(Lang::from_tag)
            .or_else(|| saved.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|t| Lang::from_browser(t)))
            .unwrap_or(Lang::En)
    }
}

/// Marks a string as a translation key, so the key test finds it where code picks a key by
/// `match` instead of passing it straight to `t`.
pub const fn tk(key: &'static str) -> &'static str {
    key
}

/// A value put into a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Words that are not translated (a file name, a browser's error message).
    Str(String),
    /// A number, written the language's way with the given decimals.
    Num(f64, Decimals),
    /// Another message, translated into the same language.
    Text(Box<Text>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64, Decimals::Exactly(0))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(n as f64, Decimals::Exactly(0))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(n as f64, Decimals::Exactly(0))
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(Box::new(t))
    }
}

/// A number with exactly `decimals` decimals.
pub fn num(value: impl Into<f64>, decimals: usize) -> Arg {
    Arg::Num(value.into(), Decimals::Exactly(decimals))
}

/// A message to show later, in whatever language is chosen then: stored in signals and errors so
/// that switching the language also translates what is already on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Text {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a value for `{ $name }`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        translate(lang, self.key, &self.args)
    }
}

/// The Fluent files, one per part of the app, in both languages.
const FILES: &[(&str, &str, &str)] = &[
    (
        "app",
        include_str!("locales/en/app.ftl"),
        include_str!("locales/ro/app.ftl"),
    ),
    (
        "draw",
        include_str!("locales/en/draw.ftl"),
        include_str!("locales/ro/draw.ftl"),
    ),
    (
        "noise",
        include_str!("locales/en/noise.ftl"),
        include_str!("locales/ro/noise.ftl"),
    ),
    (
        "latent",
        include_str!("locales/en/latent.ftl"),
        include_str!("locales/ro/latent.ftl"),
    ),
    (
        "train",
        include_str!("locales/en/train.ftl"),
        include_str!("locales/ro/train.ftl"),
    ),
    (
        "apps",
        include_str!("locales/en/apps.ftl"),
        include_str!("locales/ro/apps.ftl"),
    ),
    (
        "hw",
        include_str!("locales/en/hw.ftl"),
        include_str!("locales/ro/hw.ftl"),
    ),
    (
        "gan",
        include_str!("locales/en/gan.ftl"),
        include_str!("locales/ro/gan.ftl"),
    ),
    (
        "gan_file",
        include_str!("locales/en/gan_file.ftl"),
        include_str!("locales/ro/gan_file.ftl"),
    ),
    (
        "homework",
        include_str!("locales/en/homework.ftl"),
        include_str!("locales/ro/homework.ftl"),
    ),
];

/// The translation files of `lang`: (part, Fluent source).
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |&(part, en, ro)| match lang {
        Lang::En => (part, en),
        Lang::Ro => (part, ro),
    })
}

struct Bundles {
    en: FluentBundle<FluentResource>,
    ro: FluentBundle<FluentResource>,
}

/// The parsed translations: built once on first use, never changed afterwards.
fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| Bundles {
        en: bundle(Lang::En),
        ro: bundle(Lang::Ro),
    })
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.tag().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No invisible Unicode isolation marks around values: they would end up in copied text.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format_en,
        Lang::Ro => format_ro,
    }));
    bundle.add_builtins().expect("NUMBER is added once");
    for (part, source) in sources(lang) {
        // Parse errors are caught by the native tests; a broken message is skipped, not fatal.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        if let Err(errors) = bundle.add_resource(resource) {
            debug_assert!(errors.is_empty(), "{part} ({}): {errors:?}", lang.tag());
        }
    }
    bundle
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_value(value, Lang::En)
}

fn format_ro<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_value(value, Lang::Ro)
}

fn format_value(value: &FluentValue, lang: Lang) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let o = &n.options;
    let decimals = match (o.minimum_fraction_digits, o.maximum_fraction_digits) {
        (Some(min), Some(max)) if min >= max => Decimals::Exactly(min),
        (_, Some(max)) => Decimals::UpTo(max),
        (Some(min), None) => Decimals::Exactly(min),
        (None, None) => Decimals::UpTo(6),
    };
    Some(format_number(n.value, decimals, o.use_grouping, lang))
}

fn fluent_value(arg: &Arg, lang: Lang) -> FluentValue<'static> {
    match arg {
        Arg::Str(s) => FluentValue::String(Cow::Owned(s.clone())),
        Arg::Num(value, decimals) => {
            let (min, max) = match *decimals {
                Decimals::Exactly(n) => (Some(n), Some(n)),
                Decimals::UpTo(n) => (None, Some(n)),
            };
            let options = FluentNumberOptions {
                minimum_fraction_digits: min,
                maximum_fraction_digits: max,
                ..Default::default()
            };
            // Rounded first, so that plural rules see the number the student sees.
            let shown = match *decimals {
                Decimals::Exactly(n) | Decimals::UpTo(n) => {
                    format!("{value:.n$}").parse().unwrap_or(*value)
                }
            };
            FluentValue::Number(FluentNumber::new(shown, options))
        }
        Arg::Text(text) => FluentValue::String(Cow::Owned(text.in_lang(lang))),
    }
}

/// The message `key` in `lang` with `args`. A missing key shows as the key itself (and fails the
/// native key test), so a gap is visible rather than blank.
pub fn translate(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let bundles = bundles();
    let bundle = match lang {
        Lang::En => &bundles.en,
        Lang::Ro => &bundles.ro,
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fa = FluentArgs::new();
        for (name, arg) in args {
            fa.set(*name, fluent_value(arg, lang));
        }
        fa
    });
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
        .into_owned()
}

#[cfg(test)]
mod tests;
