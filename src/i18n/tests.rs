//! The translation files are complete and consistent: both languages have the same messages with
//! the same variables, every key the code names exists, every message is used, and Romanian is
//! written with comma-below ș ț.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;

use super::*;

/// Message ids and the variables each uses, per language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (part, source) in sources(lang) {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            panic!("{part}.ftl ({}) does not parse: {errors:?}", lang.tag());
        }
        let mut current: Option<String> = None;
        for line in source.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if starts_message && let Some((id, _)) = line.split_once(" =") {
                let id = id.trim().to_string();
                assert!(
                    all.insert(id.clone(), BTreeSet::new()).is_none(),
                    "{id} is defined twice in {}",
                    lang.tag()
                );
                current = Some(id);
            }
            if let Some(id) = &current {
                let vars = all.get_mut(id).unwrap();
                for piece in line.split('$').skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
    }
    all
}

/// Every key named in the source code: the literal in `t(…)`, `t_with(…)`, `Text::new(…)` or `tk(…)`.
fn keys_in_code() -> BTreeMap<String, String> {
    let mut keys = BTreeMap::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                // Comments may show example keys; only code counts.
                let code: String = std::fs::read_to_string(&path)
                    .unwrap()
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for marker in [".t(", "t_with(", "Text::new(", "tk("] {
                    for piece in code.split(marker).skip(1) {
                        let Some(literal) = piece.trim_start().strip_prefix('"') else {
                            continue;
                        };
                        let key = literal.split('"').next().unwrap();
                        let is_key = !key.is_empty()
                            && key
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                        if is_key {
                            keys.insert(key.to_string(), path.display().to_string());
                        }
                    }
                }
            }
        }
    }
    keys
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let en = messages(Lang::En);
    let ro = messages(Lang::Ro);
    let only_en: Vec<_> = en.keys().filter(|k| !ro.contains_key(*k)).collect();
    let only_ro: Vec<_> = ro.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "no Romanian for {only_en:?}");
    assert!(only_ro.is_empty(), "no English for {only_ro:?}");
    for (key, vars) in &en {
        assert_eq!(
            vars, &ro[key],
            "{key} uses different variables in ro and en"
        );
    }
}

#[test]
fn every_key_in_the_code_is_translated_and_every_message_is_used() {
    let en = messages(Lang::En);
    let in_code = keys_in_code();
    let missing: Vec<_> = in_code
        .iter()
        .filter(|(k, _)| !en.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used in code without a translation: {missing:?}"
    );
    // A message may also be used by another message (`{ other-key }`).
    let all_sources: String = sources(Lang::En).map(|(_, s)| s).collect();
    let unused: Vec<_> = en
        .keys()
        .filter(|k| !in_code.contains_key(*k) && !all_sources.contains(&format!("{{ {k} }}")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn romanian_uses_comma_below_letters_not_cedillas() {
    for (part, source) in sources(Lang::Ro) {
        for (n, line) in source.lines().enumerate() {
            assert!(
                !line.contains(['ş', 'ţ', 'Ş', 'Ţ']),
                "ro/{part}.ftl line {}: cedilla instead of comma below: {line}",
                n + 1
            );
        }
    }
}

#[test]
fn a_missing_key_shows_itself_and_arguments_are_formatted_per_language() {
    assert_eq!(translate(Lang::Ro, "no-such-key", &[]), "no-such-key");
    let loss = Text::new("number").with("value", num(0.01314, 4));
    assert_eq!(loss.in_lang(Lang::En), "0.0131");
    assert_eq!(loss.in_lang(Lang::Ro), "0,0131");
}

#[test]
fn romanian_plurals_have_three_forms() {
    let images = |n: usize| Text::new("app-images").with("count", n).in_lang(Lang::Ro);
    assert_eq!(images(1), "1 imagine");
    assert_eq!(images(3), "3 imagini");
    assert_eq!(images(20), "20 de imagini");
    assert_eq!(images(1521), "1.521 de imagini");
    let en = |n: usize| Text::new("app-images").with("count", n).in_lang(Lang::En);
    assert_eq!(en(1), "1 image");
    assert_eq!(en(1521), "1,521 images");
}

#[test]
fn the_language_comes_from_the_link_then_the_saved_choice_then_the_browser() {
    let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(
        Lang::choose(Some("ro"), Some("en"), &browser(&["en-US"])),
        Lang::Ro
    );
    assert_eq!(
        Lang::choose(Some("xx"), Some("en"), &browser(&["ro-RO"])),
        Lang::En
    );
    assert_eq!(
        Lang::choose(None, None, &browser(&["de-DE", "ro-MD"])),
        Lang::Ro
    );
    assert_eq!(Lang::choose(None, None, &browser(&["RO"])), Lang::Ro);
    assert_eq!(Lang::choose(None, None, &browser(&["fr-FR"])), Lang::En);
    assert_eq!(Lang::choose(None, Some("garbage"), &[]), Lang::En);
    assert_eq!(Lang::from_browser(""), None);
}
