//! The layer table of `docs/architecture.md`, checked: every `crate::`, `super::` and `self::`
//! path in `src/` (in `use` declarations and inline) is resolved to the file it names, and the test
//! fails on an import between layers that the table does not allow, on a cycle between top-level
//! modules and on any cycle between files — the way the i18n key test guards the Fluent files.
//!
//! A cycle between files is one where a file needs another that (through others, perhaps)
//! needs it back; a folder's `mod.rs` naming its own children is the module tree, not such a need,
//! while a child naming its parent's items (`super::X`) is an edge child → parent.
//!
//! The programs on top of the library (`src/bin`, `src/web-entry`) are not checked: they may use
//! anything. Paths are read from the source text (comments and literals removed first), so the
//! check needs no compiler and sees the wasm-only `app` too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// The table (keep it the same as docs/architecture.md "Layers").
// ---------------------------------------------------------------------------------------------

/// Imported by every layer. `lib` is the crate root's constants (`crate::SIDE`, `crate::PIXELS`);
/// `slug` the one way an enum is named in links, storage and the DOM.
const FOUNDATION: &[&str] = &["lib", "rng", "slug", "i18n", "input"];

/// The natively tested modules, bottom to top.
const CORE: &[&str] = &[
    "lib", "rng", "slug", "i18n", "input", "data", "model", "analysis", "train", "link", "formula",
    "gan", "homework",
];

/// The app's layers, bottom to top, and `app/views/*` (one unit per view folder).
const APP: &[&str] = &[
    "app/web",
    "app/engine",
    "app/i18n+link",
    "app/state+homework",
    "app/components",
    "app/views/*",
    "app",
];

/// Each layer and the layers it may import besides itself. Layers outside the foundation may
/// also import the whole foundation; the app's layers above `app/web` may import the whole core.
fn table() -> Vec<(&'static str, Vec<&'static str>)> {
    let core_and =
        |app: &[&'static str]| -> Vec<&'static str> { CORE.iter().chain(app).copied().collect() };
    vec![
        ("lib", vec![]),
        ("rng", vec![]),
        // `slugs!` is exported at the crate root, so its expansion names `crate::slugs`.
        ("slug", vec!["lib"]),
        ("i18n", vec![]),
        ("input", vec!["i18n"]),
        ("data", vec![]),
        ("model", vec!["data"]),
        ("analysis", vec!["data"]),
        ("train", vec!["model", "data", "analysis"]),
        ("link", vec!["data", "model", "train"]),
        ("formula", vec![]),
        ("gan", vec!["data", "model", "analysis", "train"]),
        (
            "homework",
            vec!["data", "model", "analysis", "train", "link", "formula"],
        ),
        // Browser services: the sketch's preprocessing, a drawing's packed pixels, a file's size
        // limit; nothing of the app above them.
        ("app/web", vec!["data", "model", "link"]),
        ("app/engine", core_and(&["app/web"])),
        ("app/i18n+link", core_and(&["app/web"])),
        (
            "app/state+homework",
            core_and(&["app/web", "app/engine", "app/i18n+link"]),
        ),
        (
            "app/components",
            core_and(&[
                "app/web",
                "app/engine",
                "app/i18n+link",
                "app/state+homework",
            ]),
        ),
        // A view never imports another view.
        (
            "app/views/*",
            core_and(&[
                "app/web",
                "app/engine",
                "app/i18n+link",
                "app/state+homework",
                "app/components",
            ]),
        ),
        // The shell: `app/mod.rs` (the App), `bench.rs`, `views/mod.rs`.
        (
            "app",
            core_and(&[
                "app/web",
                "app/engine",
                "app/i18n+link",
                "app/state+homework",
                "app/components",
                "app/views/*",
            ]),
        ),
    ]
}

/// The layer a module belongs to (its path below the crate root, `[]` for `lib.rs`).
fn layer_of(module: &[String]) -> String {
    let m: Vec<&str> = module.iter().map(String::as_str).collect();
    match m.as_slice() {
        [] => "lib".into(),
        ["app", "web", ..] => "app/web".into(),
        ["app", "engine", ..] => "app/engine".into(),
        ["app", "i18n" | "link" | "routes", ..] => "app/i18n+link".into(),
        ["app", "state" | "homework", ..] => "app/state+homework".into(),
        ["app", "components", ..] => "app/components".into(),
        ["app", "views", view, ..] => format!("app/views/{view}"),
        ["app", ..] => "app".into(),
        [top, ..] => (*top).into(),
    }
}

/// The table's row for a layer (`app/views/draw` is a row of `app/views/*`).
fn row_name(layer: &str) -> &str {
    if layer.starts_with("app/views/") {
        "app/views/*"
    } else {
        layer
    }
}

/// Whether `from` may import `to` (both layers, `to` another layer).
fn allowed(table: &BTreeMap<&str, BTreeSet<&str>>, from: &str, to: &str) -> Option<bool> {
    let may = table.get(row_name(from))?;
    let to_row = row_name(to);
    let foundation = FOUNDATION.contains(&to_row) && !FOUNDATION.contains(&row_name(from));
    // Two views are both rows of `app/views/*`, but never each other's.
    let other_view = from.starts_with("app/views/") && to.starts_with("app/views/");
    Some(!other_view && (foundation || may.contains(to_row)))
}

// ---------------------------------------------------------------------------------------------
// Reading the source: comments and literals out, tokens, paths.
// ---------------------------------------------------------------------------------------------

/// The source with comments, string and character literals blanked (a string becomes `""`),
/// newlines kept so that line numbers stay true.
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let starts_word = i == 0 || !ident(c[i - 1]);
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if starts_word && let Some(after_prefix) = raw_string_start(&c, i) {
            // r"…", r#"…"#, br"…", cr#"…"#: no escapes; ends at a quote and as many #.
            let hashes = c[i..after_prefix].iter().filter(|&&x| x == '#').count();
            let mut j = after_prefix + 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            for &ch in &c[i..j.min(c.len())] {
                if ch == '\n' {
                    out.push('\n');
                }
            }
            i = j;
        } else if c[i] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            for &ch in &c[i..(j + 1).min(c.len())] {
                if ch == '\n' {
                    out.push('\n');
                }
            }
            i = j + 1;
        } else if c[i] == '\'' {
            // A character literal ('x', '\n', '\u{..}', '\'') or a lifetime or label ('a).
            if c.get(i + 1) == Some(&'\\') {
                let mut j = i + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                out.push_str("' '");
                i = j + 1;
            } else if c.get(i + 2) == Some(&'\'') {
                out.push_str("' '");
                i += 3;
            } else {
                out.push('\'');
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// If a raw string starts at `i` (`r"`, `r#"`, `br"`, `cr#"`…), the index of its opening quote.
fn raw_string_start(c: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    if matches!(c.get(j), Some('b' | 'c')) {
        j += 1;
    }
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    while c.get(j) == Some(&'#') {
        j += 1;
    }
    (c.get(j) == Some(&'"')).then_some(j)
}

#[derive(Clone, Debug, PartialEq)]
struct Token {
    text: String,
    line: usize,
}

/// Identifiers (with `$crate` as one), `::` and single punctuation characters.
fn tokens(code: &str) -> Vec<Token> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch.is_alphabetic() || ch == '_' || (ch == '$' && c.get(i + 1) == Some(&'c')) {
            let start = i;
            i += 1;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let text: String = c[start..i].iter().collect();
            let text = if text == "$crate" {
                "crate".into()
            } else {
                text
            };
            out.push(Token { text, line });
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '.') {
                i += 1;
            }
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                text: ch.to_string(),
                line,
            });
            i += 1;
        }
    }
    out
}

/// One path a file names: where it points (below the crate root) and how it was written.
#[derive(Clone, Debug, PartialEq)]
struct Reference {
    target: Vec<String>,
    written: String,
    line: usize,
}

/// The paths of a use tree starting at `tokens[*i]`, each with `prefix` in front; `self` in a
/// group stands for the prefix. Stops before `,`, `}` or `;` at its level.
fn use_tree(tokens: &[Token], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        let Some(t) = tokens.get(*i) else { return };
        match t.text.as_str() {
            "{" => {
                *i += 1;
                loop {
                    match tokens.get(*i).map(|t| t.text.as_str()) {
                        None => return,
                        Some("}") => {
                            *i += 1;
                            break;
                        }
                        Some(",") => *i += 1,
                        Some(_) => use_tree(tokens, i, path.clone(), out),
                    }
                }
                return;
            }
            "*" => {
                *i += 1;
                out.push(path);
                return;
            }
            "::" => *i += 1,
            "as" => {
                *i += 2;
                out.push(path);
                return;
            }
            "," | "}" | ";" => {
                out.push(path);
                return;
            }
            "self" if !path.is_empty() => {
                *i += 1;
            }
            _ => {
                path.push(t.text.clone());
                *i += 1;
            }
        }
    }
}

/// The paths a file names, as written (`crate::…`, `super::…`, a child module's name…), with the
/// inline module they were written in (`mod tests { … }` below the file's own module).
fn raw_paths(code: &str) -> Vec<(Vec<String>, Vec<String>, usize)> {
    let tokens = tokens(code);
    let mut out = Vec::new();
    // Inline modules open at this file's brace depth: (name, depth inside its braces).
    let mut scopes: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i].text;
        let scope = || scopes.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        if t == "{" {
            depth += 1;
            i += 1;
        } else if t == "}" {
            if scopes.last().is_some_and(|(_, d)| *d == depth) {
                scopes.pop();
            }
            depth -= 1;
            i += 1;
        } else if t == "mod"
            && tokens.get(i + 2).is_some_and(|t| t.text == "{")
            && let Some(name) = tokens.get(i + 1)
        {
            scopes.push((name.text.clone(), depth + 1));
            depth += 1;
            i += 3;
        } else if t == "use" && tokens.get(i + 1).is_some_and(|n| n.text != "<") {
            // (`impl Trait + use<'a>` is a bound, not a declaration.)
            let line = tokens[i].line;
            i += 1;
            let mut paths = Vec::new();
            use_tree(&tokens, &mut i, Vec::new(), &mut paths);
            for path in paths {
                out.push((scope(), path, line));
            }
        } else if tokens.get(i + 1).is_some_and(|n| n.text == "::")
            && (i == 0 || tokens[i - 1].text != "::")
            && is_ident(t)
        {
            // An inline path: `crate::model::gan::Generator::new(…)`, `super::value::whole(…)`.
            let line = tokens[i].line;
            let mut path = vec![t.clone()];
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t.text == "::")
                && let Some(next) = tokens.get(j + 1)
                && is_ident(&next.text)
            {
                path.push(next.text.clone());
                j += 2;
            }
            out.push((scope(), path, line));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn is_ident(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The modules declared in a file (`mod x;` and `mod x { … }`), as paths below the file's module.
fn declared_modules(code: &str) -> BTreeSet<Vec<String>> {
    let tokens = tokens(code);
    let mut scopes: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut out = BTreeSet::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => {
                if scopes.last().is_some_and(|(_, d)| *d == depth) {
                    scopes.pop();
                }
                depth -= 1;
            }
            "mod" => {
                let (Some(name), Some(after)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
                    continue;
                };
                if !is_ident(&name.text) || !(after.text == ";" || after.text == "{") {
                    continue;
                }
                let mut path: Vec<String> = scopes.iter().map(|(n, _)| n.clone()).collect();
                path.push(name.text.clone());
                out.insert(path);
                if after.text == "{" {
                    // The brace itself is counted when the loop reaches it.
                    scopes.push((name.text.clone(), depth + 1));
                }
            }
            _ => {}
        }
    }
    out
}

/// Resolves a path written in module `here` (`here` already includes inline modules) to a path
/// below the crate root; `None` for another crate's path (`std::…`, `burn::…`, `Self::…`).
/// `children` says which names are modules declared in `here`.
fn resolve(
    here: &[String],
    path: &[String],
    is_child: impl Fn(&[String]) -> bool,
) -> Option<Vec<String>> {
    let first = path.first()?;
    match first.as_str() {
        "crate" => Some(path[1..].to_vec()),
        "self" => Some([here, &path[1..]].concat()),
        "super" => {
            let ups = path.iter().take_while(|s| *s == "super").count();
            let base = here.get(..here.len().checked_sub(ups)?)?;
            Some([base, &path[ups..]].concat())
        }
        _ => {
            let child: Vec<String> = [here, &path[..1]].concat();
            is_child(&child).then(|| [here, path].concat())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The crate's files and the edges between them.
// ---------------------------------------------------------------------------------------------

struct Crate {
    /// Every module (file and inline) below the crate root, and the file it is written in.
    modules: BTreeMap<Vec<String>, String>,
    /// Each file's module path.
    files: BTreeMap<String, Vec<String>>,
    /// file → files it names, with each reference.
    edges: BTreeMap<String, BTreeMap<String, Vec<Reference>>>,
}

/// `src/a/b.rs` → `[a, b]`, `src/a/mod.rs` → `[a]`, `src/lib.rs` → `[]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.strip_suffix(".rs").unwrap_or(&last).to_string();
    if stem != "mod" && stem != "lib" {
        parts.push(stem);
    }
    parts
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path: PathBuf = entry.unwrap().path();
            let relative = path.strip_prefix(&src).unwrap().to_path_buf();
            if path.is_dir() {
                if relative != Path::new("bin") && relative != Path::new("web-entry") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = relative.to_string_lossy().replace('\\', "/");
                sources.insert(name, strip(&std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut modules = BTreeMap::new();
    let mut files = BTreeMap::new();
    for (file, code) in &sources {
        let module = module_of(Path::new(file));
        for inline in declared_modules(code) {
            // `mod x;` is the child's own file (found separately); `mod x { … }` lives here.
            modules
                .entry([module.as_slice(), &inline].concat())
                .or_insert_with(|| file.clone());
        }
        files.insert(file.clone(), module.clone());
    }
    for (file, module) in &files {
        modules.insert(module.clone(), file.clone());
    }
    let mut edges: BTreeMap<String, BTreeMap<String, Vec<Reference>>> = BTreeMap::new();
    for (file, code) in &sources {
        let module = &files[file];
        for (inline, path, line) in raw_paths(code) {
            let here = [module.as_slice(), &inline].concat();
            let Some(target) = resolve(&here, &path, |m| modules.contains_key(m)) else {
                continue;
            };
            let to = file_of(&modules, &target);
            if to != *file {
                edges
                    .entry(file.clone())
                    .or_default()
                    .entry(to)
                    .or_default()
                    .push(Reference {
                        target,
                        written: path.join("::"),
                        line,
                    });
            }
        }
    }
    Crate {
        modules,
        files,
        edges,
    }
}

/// The file that defines what `target` names: the file of its longest prefix that is a module.
fn file_of(modules: &BTreeMap<Vec<String>, String>, target: &[String]) -> String {
    (0..=target.len())
        .rev()
        .find_map(|n| modules.get(&target[..n]))
        .cloned()
        .expect("the crate root is a module")
}

/// Groups of nodes that reach each other (Tarjan's strongly connected components), each of more
/// than one node.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(next) = s.graph.get(v) {
            for w in next {
                if !s.index.contains_key(w.as_str()) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w.as_str()]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w.as_str()) {
                    let low = s.low[v].min(s.index[w.as_str()]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// `file:line: written` for each reference.
fn describe(file: &str, refs: &[Reference]) -> String {
    refs.iter()
        .map(|r| format!("src/{file}:{}: {}", r.line, r.written))
        .collect::<Vec<_>>()
        .join("; ")
}

fn table_map() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    table()
        .into_iter()
        .map(|(row, may)| (row, may.into_iter().collect()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The checks.
// ---------------------------------------------------------------------------------------------

#[test]
fn every_module_has_a_row_in_the_table() {
    let table = table_map();
    let krate = read_crate();
    let missing: BTreeSet<String> = krate
        .files
        .values()
        .map(|m| layer_of(m))
        .filter(|layer| !table.contains_key(row_name(layer)))
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a row in the layer table (add them to tests/layers.rs and \
         docs/architecture.md): {missing:?}"
    );
}

#[test]
fn imports_follow_the_layer_table() {
    let table = table_map();
    let krate = read_crate();
    let mut wrong = Vec::new();
    for (from, targets) in &krate.edges {
        let from_layer = layer_of(&krate.files[from]);
        for (to, refs) in targets {
            let to_layer = layer_of(&krate.files[to]);
            if from_layer != to_layer && allowed(&table, &from_layer, &to_layer) == Some(false) {
                wrong.push(format!(
                    "{from_layer} may not import {to_layer}: {}",
                    describe(from, refs)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports the layer table (docs/architecture.md) does not allow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn top_level_modules_form_no_cycle() {
    let krate = read_crate();
    let top = |file: &str| {
        krate.files[file]
            .first()
            .cloned()
            .unwrap_or_else(|| "lib".into())
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in &krate.edges {
        for to in targets.keys() {
            if top(from) != top(to) {
                graph.entry(top(from)).or_default().insert(top(to));
            }
        }
    }
    let found = cycles(&graph);
    let explain = |group: &Vec<String>| {
        let mut lines = vec![format!("cycle between {}:", group.join(", "))];
        for (from, targets) in &krate.edges {
            for (to, refs) in targets {
                if top(from) != top(to) && group.contains(&top(from)) && group.contains(&top(to)) {
                    lines.push(format!(
                        "  {} → {}: {}",
                        top(from),
                        top(to),
                        describe(from, refs)
                    ));
                }
            }
        }
        lines.join("\n")
    };
    assert!(
        found.is_empty(),
        "top-level modules import each other:\n{}",
        found.iter().map(explain).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn files_form_no_cycle() {
    let krate = read_crate();
    // A folder's `mod.rs` naming its own children (`pub use child::X`, `child::f()`) is the
    // module tree, like `mod child;`: not an edge here. A child naming its parent's items
    // (`super::X`) is one, so children that reach each other through siblings still form a cycle.
    let below = |from: &str, to: &str| {
        let (from, to) = (&krate.files[from], &krate.files[to]);
        to.len() > from.len() && to.starts_with(from)
    };
    let graph: BTreeMap<String, BTreeSet<String>> = krate
        .edges
        .iter()
        .map(|(from, targets)| {
            let up_or_across = targets.keys().filter(|to| !below(from, to));
            (from.clone(), up_or_across.cloned().collect())
        })
        .collect();
    let found = cycles(&graph);
    let explain = |group: &Vec<String>| {
        let mut lines = vec![format!(
            "files that import each other: {}",
            group.join(", ")
        )];
        for from in group {
            for (to, refs) in &krate.edges[from] {
                if group.contains(to) && !below(from, to) {
                    lines.push(format!("  {from} → {to}: {}", describe(from, refs)));
                }
            }
        }
        lines.join("\n")
    };
    assert!(
        found.is_empty(),
        "import cycles between files:\n{}",
        found.iter().map(explain).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_table_points_one_way() {
    // Foundation rows import only foundation rows; every row names rows that exist; and the rows
    // form no cycle, so "down this table" is an order.
    let table = table_map();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (row, may) in &table {
        for to in may {
            assert!(table.contains_key(to), "{row} names {to}, which has no row");
            if FOUNDATION.contains(row) {
                assert!(FOUNDATION.contains(to), "foundation {row} imports {to}");
            }
            graph
                .entry(row.to_string())
                .or_default()
                .insert(to.to_string());
        }
    }
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new());
    for row in CORE.iter().chain(APP) {
        assert!(table.contains_key(row), "{row} has no row");
    }
}

#[test]
fn the_crate_is_read() {
    // A parser that silently reads nothing would pass every check above.
    let krate = read_crate();
    assert!(krate.files.len() > 100, "{} files", krate.files.len());
    assert!(krate.modules.contains_key(&vec!["model".to_string()]));
    let data = "data/split.rs".to_string();
    assert!(
        krate.edges[&data].contains_key("rng.rs"),
        "data/split.rs uses crate::rng::seeded"
    );
}

// ---------------------------------------------------------------------------------------------
// The parser's own tests.
// ---------------------------------------------------------------------------------------------

fn strings(path: &[&str]) -> Vec<String> {
    path.iter().map(|s| s.to_string()).collect()
}

fn written(code: &str) -> Vec<Vec<String>> {
    raw_paths(&strip(code))
        .into_iter()
        .map(|(_, p, _)| p)
        .collect()
}

#[test]
fn a_grouped_use_gives_every_path() {
    let paths = written("pub use crate::{a::b, c::{d, e::{self, f as g}}, *};");
    assert_eq!(
        paths,
        vec![
            strings(&["crate", "a", "b"]),
            strings(&["crate", "c", "d"]),
            strings(&["crate", "c", "e"]),
            strings(&["crate", "c", "e", "f"]),
            strings(&["crate"]),
        ]
    );
}

#[test]
fn inline_paths_are_found_and_comments_and_strings_ignored() {
    let code = r##"
        // use crate::in_a_comment;
        /* crate::in_a /* nested */ block::comment */
        fn f() -> usize {
            let s = "crate::in_a_string";
            let r = r#"crate::in "a" raw::string"#;
            let c = '"';
            let l: &'static str = "x";
            crate::model::gan::Generator::new(crate::PIXELS) + super::value::whole(s)
        }
    "##;
    assert_eq!(
        written(code),
        vec![
            strings(&["crate", "model", "gan", "Generator", "new"]),
            strings(&["crate", "PIXELS"]),
            strings(&["super", "value", "whole"]),
        ]
    );
}

#[test]
fn super_and_self_resolve_from_the_module_they_are_written_in() {
    let here = strings(&["link", "train"]);
    let no_child = |_: &[String]| false;
    assert_eq!(
        resolve(&here, &strings(&["super", "value", "whole"]), no_child),
        Some(strings(&["link", "value", "whole"]))
    );
    assert_eq!(
        resolve(&here, &strings(&["super", "super", "model", "x"]), no_child),
        Some(strings(&["model", "x"]))
    );
    assert_eq!(
        resolve(&here, &strings(&["self", "inner"]), no_child),
        Some(strings(&["link", "train", "inner"]))
    );
    assert_eq!(resolve(&here, &strings(&["std", "fmt"]), no_child), None);
    assert_eq!(
        resolve(
            &strings(&["app"]),
            &strings(&["engine", "x"]),
            |m: &[String]| { m == strings(&["app", "engine"]).as_slice() }
        ),
        Some(strings(&["app", "engine", "x"]))
    );
    // `use super::*;` in a file's `mod tests` names the file itself.
    let code = "use super::x::Y;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n";
    let found = raw_paths(&strip(code));
    assert_eq!(found[0].0, Vec::<String>::new());
    assert_eq!(found[1].0, strings(&["tests"]));
    assert_eq!(
        resolve(
            &[here.clone(), found[1].0.clone()].concat(),
            &found[1].1,
            no_child
        ),
        Some(here)
    );
}

#[test]
fn modules_are_named_after_their_files() {
    assert_eq!(module_of(Path::new("lib.rs")), Vec::<String>::new());
    assert_eq!(module_of(Path::new("model/mod.rs")), strings(&["model"]));
    assert_eq!(
        module_of(Path::new("model/lab/loss.rs")),
        strings(&["model", "lab", "loss"])
    );
    assert_eq!(
        layer_of(&strings(&["app", "views", "gan", "chart"])),
        "app/views/gan"
    );
    assert_eq!(
        layer_of(&strings(&["app", "homework"])),
        "app/state+homework"
    );
    assert_eq!(layer_of(&[]), "lib");
}

#[test]
fn a_view_may_not_import_another_view() {
    let table = table_map();
    assert_eq!(
        allowed(&table, "app/views/gan", "app/views/train"),
        Some(false)
    );
    assert_eq!(
        allowed(&table, "app/views/gan", "app/components"),
        Some(true)
    );
    assert_eq!(allowed(&table, "model", "train"), Some(false));
    assert_eq!(allowed(&table, "model", "i18n"), Some(true));
    assert_eq!(allowed(&table, "i18n", "model"), Some(false));
}

#[test]
fn cycles_are_found_whatever_their_length() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a", "d"]),
        ("d", vec![]),
        ("e", vec!["e"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(cycles(&graph), vec![strings(&["a", "b", "c"])]);
}
