//! Every `data-testid` the browser tests look for exists in the app's code, so a renamed id fails
//! here, natively, in a second, rather than after a 20-minute browser run.
//!
//! Both sides are read as text. An id built at run time is kept as a pattern, its literal parts
//! with `*` for each hole: the test's `` `[data-testid="gan-${mode}-progress"]` `` is
//! `gan-*-progress`, the app's `format!("nav-{}", r.slug())` is `nav-*`. A test id is found when
//! some id of the code can be the same string.
//!
//! The browser tests (`tests/browser/*.mjs`) name an id
//! - in a selector, `[data-testid="…"]`, in a quoted string or a template literal;
//! - as the argument of a helper whose parameter is called `id` or `testid` (`readCanvas(page,
//!   'recon-ae')`), the helper defined in the same file or in `harness.mjs`;
//! - as an element of an array literal whose loop variable ends up in a selector or a helper
//!   (`for (const map of ['latent-map-ae', 'latent-map-vae'])`).
//!
//! The app (every `.rs` file under `src/app`, however it is split into modules) produces
//! - any string literal shaped like an id (lowercase words joined by `-`), except the translation
//!   keys in `t(…)`, `tk(…)`, `t_with(…)` and `Text::new(…)`;
//! - any `format!` whose holes each stand for whole words (`err-{slug}`, `{view}-tab-{slug}`). A
//!   hole named after a parameter of the function around it takes the literal each call passes
//!   (`testid(session, "noise")` with `format!("gan-{}-{field}", …)` is `gan-*-noise`).
//!   A component's prop fills the hole the same way (`<NumberField testid="train-lr" …>` and
//!   `format!("{testid}-error")` give `train-lr-error`), and so does a function that returns ids
//!   (`param_testid(param)`'s literals) or builds one (`testid(session, "g-rate")`).
//!
//! Limits: an id written out exactly in a test is checked strictly; a test's pattern that ends in
//! a hole (`gan-preset-${preset}`) is found by any code pattern that could spell it (`gan-*-…`).
//! Literals the app only looks elements up by (`hw/hand_in.rs`'s figure table) count as ids.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Patterns

/// Whether two ids (with `*` for a hole of any length) can be the same string.
fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut memo = vec![None; (a.len() + 1) * (b.len() + 1)];
    overlaps_from(a, b, 0, 0, &mut memo)
}

fn overlaps_from(a: &[u8], b: &[u8], i: usize, j: usize, memo: &mut [Option<bool>]) -> bool {
    let key = i * (b.len() + 1) + j;
    if let Some(known) = memo[key] {
        return known;
    }
    let result = if i == a.len() && j == b.len() {
        true
    } else if i < a.len() && a[i] == b'*' {
        // The hole is empty, or it takes `b`'s next character (or hole).
        overlaps_from(a, b, i + 1, j, memo) || (j < b.len() && overlaps_from(a, b, i, j + 1, memo))
    } else if j < b.len() && b[j] == b'*' {
        overlaps_from(a, b, i, j + 1, memo) || (i < a.len() && overlaps_from(a, b, i + 1, j, memo))
    } else {
        i < a.len() && j < b.len() && a[i] == b[j] && overlaps_from(a, b, i + 1, j + 1, memo)
    };
    memo[key] = Some(result);
    result
}

/// Lowercase words joined by `-`: `train-start`, `hw-task-1`, `clear`.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether a pattern (an id with `*` holes) still names something: at least one letter, and
/// every hole between `-`s or at an end, so a hole stands for whole words.
fn is_id_pattern(p: &str) -> bool {
    let bytes = p.as_bytes();
    let holes_fill_words = bytes.iter().enumerate().all(|(k, &c)| {
        c != b'*'
            || ((k == 0 || matches!(bytes[k - 1], b'-' | b'*'))
                && (k + 1 == bytes.len() || matches!(bytes[k + 1], b'-' | b'*')))
    });
    holes_fill_words
        && p.chars().any(|c| c.is_ascii_lowercase())
        && p.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '*')
}

// ---------------------------------------------------------------------------------------------
// The browser tests' side

/// A JavaScript string or template literal: its text, holes (`${…}`) as `*`; and the holes' code.
struct JsLiteral {
    pattern: String,
    holes: Vec<String>,
}

/// Reads a quoted string or template literal starting at `s[0]` (the quote); returns it and
/// the bytes it took.
fn js_literal(s: &str) -> Option<(JsLiteral, usize)> {
    let quote = s.chars().next()?;
    js_literal_until(s, quote, quote == '`')
}

/// As `js_literal`, closed by `quote`, with `${…}` holes when `holes`.
fn js_literal_until(s: &str, quote: char, holes_allowed: bool) -> Option<(JsLiteral, usize)> {
    let bytes = s.as_bytes();
    let (mut pattern, mut holes, mut k) = (String::new(), Vec::new(), 1);
    while k < bytes.len() {
        let c = bytes[k];
        if c == quote as u8 {
            return Some((JsLiteral { pattern, holes }, k + 1));
        } else if c == b'\\' {
            k += 1;
            pattern.push(*bytes.get(k)? as char);
            k += 1;
        } else if holes_allowed && s[k..].starts_with("${") {
            let end = k + 2 + js_expression_end(&s[k + 2..])?;
            holes.push(s[k + 2..end].to_string());
            pattern.push('*');
            k = end + 1;
        } else {
            let ch = s[k..].chars().next()?;
            pattern.push(ch);
            k += ch.len_utf8();
        }
    }
    None
}

/// Where the expression of a `${…}` ends (the index of its `}`), strings inside skipped.
fn js_expression_end(s: &str) -> Option<usize> {
    let (mut depth, mut k) = (0usize, 0);
    while k < s.len() {
        match s.as_bytes()[k] {
            b'\'' | b'"' | b'`' => k += js_literal(&s[k..])?.1,
            b'{' => {
                depth += 1;
                k += 1;
            }
            b'}' if depth == 0 => return Some(k),
            b'}' => {
                depth -= 1;
                k += 1;
            }
            _ => k += s[k..].chars().next()?.len_utf8(),
        }
    }
    None
}

/// What a selector's `data-testid="…"` names.
enum SelectorId {
    /// An id or pattern written in the test.
    Pattern(String),
    /// `${name}`: the id comes from a variable.
    Variable(String),
}

/// The ids named by the selectors inside one literal's text (a quoted or template literal).
fn selector_ids(literal: &JsLiteral, out: &mut Vec<SelectorId>) {
    const MARK: &str = "data-testid=\"";
    // Work on the text with the holes' code put back, so `${…}` can be told apart.
    let mut hole = literal.holes.iter();
    let mut text = String::new();
    for c in literal.pattern.chars() {
        match c {
            '*' => text.push_str(&format!(
                "${{{}}}",
                hole.next().map(String::as_str).unwrap_or("")
            )),
            c => text.push(c),
        }
    }
    let mut rest = text.as_str();
    while let Some(at) = rest.find(MARK) {
        rest = &rest[at + MARK.len()..];
        // The value as a template literal of its own, closed by the selector's `"`.
        let Some((value, used)) =
            js_literal_until(&format!("\"{rest}"), '"', !literal.holes.is_empty())
        else {
            return;
        };
        rest = &rest[used - 1..];
        match value.holes.as_slice() {
            [code] if value.pattern == "*" => {
                let code = code.trim();
                if code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(SelectorId::Variable(code.to_string()));
                } else {
                    // An expression: `id === 'corrupted' ? 'corrupted-input' : 'recon-' + id`.
                    for (literal, after) in js_quoted_in(code) {
                        let before =
                            code[..code.find(&format!("'{literal}'")).unwrap_or(0)].trim_end();
                        if before.ends_with("===") || before.ends_with("!==") {
                            continue;
                        }
                        let pattern = if after.trim_start().starts_with('+') {
                            format!("{literal}*")
                        } else {
                            literal
                        };
                        out.push(SelectorId::Pattern(pattern));
                    }
                }
            }
            _ => out.push(SelectorId::Pattern(value.pattern)),
        }
    }
}

/// The single-quoted strings in a piece of code, each with the code after it.
fn js_quoted_in(code: &str) -> Vec<(String, &str)> {
    let mut found = Vec::new();
    let mut k = 0;
    while let Some(at) = code[k..].find('\'') {
        let start = k + at;
        let Some((literal, used)) = js_literal(&code[start..]) else {
            break;
        };
        found.push((literal.pattern, &code[start + used..]));
        k = start + used;
    }
    found
}

/// Every string and template literal of a JavaScript file, with where it starts. Comments and
/// regular expressions are skipped (a regex is a `/` after an operator or an opening bracket).
fn js_literals(src: &str) -> Vec<(usize, JsLiteral)> {
    let bytes = src.as_bytes();
    let (mut found, mut k, mut last) = (Vec::new(), 0, b'(');
    while k < bytes.len() {
        let c = bytes[k];
        if src[k..].starts_with("//") {
            k += src[k..].find('\n').unwrap_or(src.len() - k);
        } else if src[k..].starts_with("/*") {
            k += src[k..].find("*/").map_or(src.len() - k, |e| e + 2);
        } else if c == b'/' && b"(,=:[!&|?{};+-*%<>~^".contains(&last) {
            // A regular expression: up to the next unescaped `/` outside a class.
            let (mut j, mut class) = (k + 1, false);
            while j < bytes.len() && (bytes[j] != b'/' || class) {
                match bytes[j] {
                    b'\\' => j += 1,
                    b'[' => class = true,
                    b']' => class = false,
                    _ => {}
                }
                j += 1;
            }
            k = j + 1;
            last = b')';
        } else if matches!(c, b'\'' | b'"' | b'`') {
            match js_literal(&src[k..]) {
                Some((literal, used)) => {
                    found.push((k, literal));
                    k += used;
                }
                None => k += 1,
            }
            last = b')';
        } else {
            if !c.is_ascii_whitespace() {
                last = c;
            }
            k += 1;
        }
    }
    found
}

/// The top-level comma-separated pieces of `s` from just after an opening bracket up to the
/// bracket that closes it.
fn js_arguments(s: &str) -> Vec<&str> {
    let (mut args, mut depth, mut start, mut k) = (Vec::new(), 0usize, 0, 0);
    let bytes = s.as_bytes();
    while k < bytes.len() {
        match bytes[k] {
            b'\'' | b'"' | b'`' => {
                k += js_literal(&s[k..]).map_or(1, |(_, used)| used);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                args.push(s[start..k].trim());
                return args.into_iter().filter(|a| !a.is_empty()).collect();
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                args.push(s[start..k].trim());
                start = k + 1;
            }
            _ => {}
        }
        k += 1;
    }
    args
}

/// What one argument or array element names: a literal's pattern or a variable's name.
enum JsValue {
    Pattern(String),
    Variable(String),
    Other,
}

fn js_value(code: &str) -> JsValue {
    if code.starts_with(['\'', '"', '`'])
        && let Some((literal, used)) = js_literal(code)
        && used == code.len()
    {
        return match literal.holes.as_slice() {
            [hole] if literal.pattern == "*" => JsValue::Variable(hole.trim().to_string()),
            _ => JsValue::Pattern(literal.pattern),
        };
    }
    if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return JsValue::Variable(code.to_string());
    }
    JsValue::Other
}

fn is_js_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

/// The helpers a file defines that take a test id: name → the id parameter's position.
fn id_helpers(src: &str) -> BTreeMap<String, usize> {
    let mut helpers = BTreeMap::new();
    for (intro, between) in [
        ("function ", ""),
        ("const ", " = async "),
        ("const ", " = "),
    ] {
        let mut rest = src;
        while let Some(at) = rest.find(intro) {
            rest = &rest[at + intro.len()..];
            let name: String = rest
                .bytes()
                .take_while(|&c| is_js_name_char(c))
                .map(char::from)
                .collect();
            let Some(params) = rest[name.len()..]
                .strip_prefix(between)
                .and_then(|r| r.strip_prefix('('))
            else {
                continue;
            };
            if name.is_empty() || (between.is_empty() && !rest[name.len()..].starts_with('(')) {
                continue;
            }
            let names = js_arguments(params);
            let position = names.iter().position(|p| {
                let p = p.split('=').next().unwrap_or("").trim();
                p == "id" || p == "testid"
            });
            if let Some(position) = position {
                helpers.insert(name, position);
            }
        }
    }
    helpers
}

/// Every test id (or pattern) a browser test file looks for; `helpers` holds the shared ones.
fn ids_in_test(src: &str, shared_helpers: &BTreeMap<String, usize>) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut variables = BTreeSet::new();
    let take = |value: JsValue, ids: &mut BTreeSet<String>, variables: &mut BTreeSet<String>| {
        match value {
            JsValue::Pattern(p) => {
                ids.insert(p);
            }
            JsValue::Variable(v) => {
                variables.insert(v);
            }
            JsValue::Other => {}
        }
    };
    // Selectors.
    let mut named = Vec::new();
    for (_, literal) in js_literals(src) {
        selector_ids(&literal, &mut named);
    }
    for id in named {
        match id {
            SelectorId::Pattern(p) => take(JsValue::Pattern(p), &mut ids, &mut variables),
            SelectorId::Variable(v) => take(JsValue::Variable(v), &mut ids, &mut variables),
        }
    }
    // Helpers' id arguments.
    let mut helpers = shared_helpers.clone();
    helpers.extend(id_helpers(src));
    for (name, position) in &helpers {
        let call = format!("{name}(");
        let mut k = 0;
        while let Some(at) = src[k..].find(&call) {
            let start = k + at;
            k = start + call.len();
            let before = src[..start].trim_end();
            if start > 0
                && (is_js_name_char(src.as_bytes()[start - 1]) || src.as_bytes()[start - 1] == b'.')
                || before.ends_with("function")
            {
                continue;
            }
            if let Some(arg) = js_arguments(&src[k..]).get(*position) {
                take(js_value(arg), &mut ids, &mut variables);
            }
        }
    }
    // Arrays whose elements reach an id through a loop variable.
    for variable in variables.clone() {
        for_each_array_of(src, &variable, |element| {
            take(js_value(element), &mut ids, &mut variables)
        });
    }
    ids
}

/// Calls `found` with each element of an array literal that `variable` runs over:
/// `for (const variable of [...])`, `for (const [a, variable] of [[...], ...])`,
/// `[...].every((variable) =>` (and `some`, `map`, `forEach`, `filter`).
fn for_each_array_of(src: &str, variable: &str, mut found: impl FnMut(&str)) {
    let mut k = 0;
    while let Some(at) = src[k..].find("for (const ") {
        let start = k + at + "for (const ".len();
        k = start;
        let Some(of) = src[start..].find(" of [") else {
            continue;
        };
        let binding = &src[start..start + of];
        let array = &src[start + of + " of [".len()..];
        let position = if let Some(inner) = binding.strip_prefix('[') {
            js_arguments(inner).iter().position(|b| *b == variable)
        } else {
            (binding.trim() == variable).then_some(usize::MAX)
        };
        let Some(position) = position else { continue };
        for element in js_arguments(array) {
            match element.strip_prefix('[') {
                Some(tuple) if position != usize::MAX => {
                    if let Some(e) = js_arguments(tuple).get(position) {
                        found(e);
                    }
                }
                _ if position == usize::MAX => found(element),
                _ => {}
            }
        }
    }
    for method in ["every", "some", "map", "forEach", "filter"] {
        for call in [
            format!("].{method}(({variable}) =>"),
            format!("].{method}({variable} =>"),
        ] {
            let mut k = 0;
            while let Some(at) = src[k..].find(&call) {
                let end = k + at;
                k = end + call.len();
                // Back to the array's `[` (ids hold no brackets).
                let mut depth = 0usize;
                let open = src[..end].bytes().rposition(|c| match c {
                    b']' => {
                        depth += 1;
                        false
                    }
                    b'[' if depth == 0 => true,
                    b'[' => {
                        depth -= 1;
                        false
                    }
                    _ => false,
                });
                if let Some(open) = open {
                    js_arguments(&src[open + 1..])
                        .into_iter()
                        .for_each(&mut found);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The app's side

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Str(String),
    Ident(String),
    Punct(char),
}

/// Rust source as tokens: strings (raw ones too), identifiers (numbers among them) and
/// punctuation; comments, char literals and lifetimes left out.
fn rust_tokens(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let (mut tokens, mut k) = (Vec::new(), 0);
    while k < chars.len() {
        let c = chars[k];
        let next = chars.get(k + 1).copied().unwrap_or(' ');
        if c.is_whitespace() {
            k += 1;
        } else if c == '/' && next == '/' {
            while k < chars.len() && chars[k] != '\n' {
                k += 1;
            }
        } else if c == '/' && next == '*' {
            k += 2;
            while k + 1 < chars.len() && !(chars[k] == '*' && chars[k + 1] == '/') {
                k += 1;
            }
            k += 2;
        } else if c == '"' {
            let mut text = String::new();
            k += 1;
            while k < chars.len() && chars[k] != '"' {
                if chars[k] == '\\' {
                    k += 1;
                }
                text.push(chars[k]);
                k += 1;
            }
            k += 1;
            tokens.push(Token::Str(text));
        } else if c == 'r'
            && (next == '"' || next == '#')
            && chars[k + 1..].iter().find(|&&c| c != '#') == Some(&'"')
        {
            let hashes = chars[k + 1..].iter().take_while(|&&c| c == '#').count();
            k += 2 + hashes;
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let mut text = String::new();
            while k < chars.len()
                && !chars[k..]
                    .iter()
                    .take(closing.len())
                    .copied()
                    .eq(closing.chars())
            {
                text.push(chars[k]);
                k += 1;
            }
            k += closing.len();
            tokens.push(Token::Str(text));
        } else if c == '\'' {
            // A char literal ('a', '\n') or a lifetime ('static).
            if next == '\\' {
                k += 2;
                while k < chars.len() && chars[k] != '\'' {
                    k += 1;
                }
                k += 1;
            } else if chars.get(k + 2) == Some(&'\'') {
                k += 3;
            } else {
                k += 1;
                while k < chars.len() && (chars[k].is_alphanumeric() || chars[k] == '_') {
                    k += 1;
                }
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = k;
            while k < chars.len() && (chars[k].is_alphanumeric() || chars[k] == '_') {
                k += 1;
            }
            tokens.push(Token::Ident(chars[start..k].iter().collect()));
        } else {
            tokens.push(Token::Punct(c));
            k += 1;
        }
    }
    tokens
}

fn is_punct(t: Option<&Token>, c: char) -> bool {
    t == Some(&Token::Punct(c))
}

fn ident(t: Option<&Token>) -> Option<&str> {
    match t {
        Some(Token::Ident(name)) => Some(name),
        _ => None,
    }
}

/// The index of the token closing the bracket opened at `open`.
fn closing(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(open) {
        match t {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// The top-level comma-separated pieces between the bracket at `open` and its closing one.
fn rust_arguments(tokens: &[Token], open: usize) -> Vec<&[Token]> {
    let close = closing(tokens, open);
    let (mut args, mut depth, mut start) = (Vec::new(), 0usize, open + 1);
    for k in open + 1..close {
        match &tokens[k] {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => depth -= 1,
            Token::Punct(',') if depth == 0 => {
                args.push(&tokens[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    if start < close {
        args.push(&tokens[start..close]);
    }
    args
}

/// A function: its parameters' names and the tokens of its body.
struct RustFn {
    name: String,
    params: Vec<String>,
    body: std::ops::Range<usize>,
}

fn rust_fns(tokens: &[Token]) -> Vec<RustFn> {
    let mut fns = Vec::new();
    for k in 0..tokens.len() {
        let (Some("fn"), Some(name)) = (ident(tokens.get(k)), ident(tokens.get(k + 1))) else {
            continue;
        };
        let Some(open) = (k + 2..tokens.len()).find(|&j| is_punct(tokens.get(j), '(')) else {
            continue;
        };
        let params = rust_arguments(tokens, open)
            .into_iter()
            .filter_map(|param| {
                // `#[prop(into)] testid: String`: the name is the identifier before the first `:`.
                let colon = param.iter().position(|t| *t == Token::Punct(':'))?;
                ident(param.get(colon.checked_sub(1)?)).map(str::to_string)
            })
            .collect();
        let close = closing(tokens, open);
        let Some(body) = (close..tokens.len())
            .find(|&j| is_punct(tokens.get(j), '{') || is_punct(tokens.get(j), ';'))
        else {
            continue;
        };
        if is_punct(tokens.get(body), '{') {
            fns.push(RustFn {
                name: name.to_string(),
                params,
                body: body..closing(tokens, body),
            });
        }
    }
    fns
}

/// A `format!` string's pieces: literal text, and holes with the name inside them (`{slug}`,
/// `{:.1}` has none).
enum FormatPiece {
    Text(String),
    Hole(String),
}

fn format_pieces(s: &str) -> Vec<FormatPiece> {
    let (mut pieces, mut text, mut chars) = (Vec::new(), String::new(), s.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                pieces.push(FormatPiece::Text(std::mem::take(&mut text)));
                let inside: String = chars.by_ref().take_while(|&c| c != '}').collect();
                pieces.push(FormatPiece::Hole(
                    inside.split(':').next().unwrap_or("").trim().to_string(),
                ));
            }
            c => text.push(c),
        }
    }
    pieces.push(FormatPiece::Text(text));
    pieces
}

/// The ids (and patterns) the code of `src/app` can put in a `data-testid`, from all its files.
fn ids_in_code(files: &[(PathBuf, String)]) -> BTreeSet<String> {
    let tokenized: Vec<Vec<Token>> = files.iter().map(|(_, src)| rust_tokens(src)).collect();
    // Functions that give an id: one `format!` over their parameters (`testid(session, field)`),
    // or only literals (`param_testid(param)`'s match arms).
    let mut format_fns: BTreeMap<String, (Vec<String>, Vec<FormatPiece>)> = BTreeMap::new();
    let mut literal_fns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for tokens in &tokenized {
        for f in rust_fns(tokens) {
            let body = &tokens[f.body.clone()];
            let formats: Vec<&String> = (3..body.len())
                .filter(|&k| {
                    ident(body.get(k - 3)) == Some("format") && is_punct(body.get(k - 2), '!')
                })
                .filter_map(|k| match &body[k] {
                    Token::Str(s) => Some(s),
                    _ => None,
                })
                .collect();
            let literals: Vec<String> = body
                .iter()
                .filter_map(|t| match t {
                    Token::Str(s) if is_id(s) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            if let [format] = formats.as_slice() {
                format_fns.insert(f.name.clone(), (f.params.clone(), format_pieces(format)));
            } else if formats.is_empty()
                && !literals.is_empty()
                && body
                    .iter()
                    .all(|t| !matches!(t, Token::Ident(i) if i == "view"))
            {
                literal_fns.insert(f.name.clone(), literals);
            }
        }
    }
    // What an argument or prop value can be: its literal, or what the function it calls gives
    // (nothing known: empty).
    let value_of = |arg: &[Token]| -> Vec<String> {
        match arg {
            [Token::Str(s), ..] => vec![s.clone()],
            _ => {
                let Some(open) = arg.iter().position(|t| *t == Token::Punct('(')) else {
                    return vec![];
                };
                let path_only = arg[..open]
                    .iter()
                    .all(|t| matches!(t, Token::Ident(_) | Token::Punct(':')));
                let Some(name) = open
                    .checked_sub(1)
                    .and_then(|p| ident(arg.get(p)))
                    .filter(|_| path_only)
                else {
                    return vec![];
                };
                if let Some(literals) = literal_fns.get(name) {
                    return literals.clone();
                }
                let Some((params, pieces)) = format_fns.get(name) else {
                    return vec![];
                };
                let args: Vec<Vec<String>> = rust_arguments(arg, open)
                    .into_iter()
                    .map(|a| match a.first() {
                        Some(Token::Str(s)) => vec![s.clone()],
                        _ => vec![],
                    })
                    .collect();
                fill_format(pieces, params, &args)
            }
        }
    };
    // Every call and every component use, by name: what each argument (or prop) can be.
    let mut calls: BTreeMap<String, Vec<Vec<Vec<String>>>> = BTreeMap::new();
    let mut component_uses: BTreeMap<String, Vec<BTreeMap<String, Vec<String>>>> = BTreeMap::new();
    for tokens in &tokenized {
        for k in 0..tokens.len() {
            if let Some(name) = ident(tokens.get(k))
                && is_punct(tokens.get(k + 1), '(')
                && ident(k.checked_sub(1).and_then(|p| tokens.get(p))) != Some("fn")
            {
                let args = rust_arguments(tokens, k + 1)
                    .into_iter()
                    .map(value_of)
                    .collect();
                calls.entry(name.to_string()).or_default().push(args);
            }
            // A component in a `view!`: `<Field testid="train-latent" … />`, its props by name.
            if is_punct(tokens.get(k), '<')
                && let Some(name) = ident(tokens.get(k + 1))
            {
                let mut props = BTreeMap::new();
                let mut j = k + 2;
                while j + 2 < tokens.len()
                    && !is_punct(tokens.get(j), '>')
                    && !is_punct(tokens.get(j), '<')
                {
                    if let (Some(prop), Token::Punct('=')) = (ident(tokens.get(j)), &tokens[j + 1])
                    {
                        // The value: a literal, or a (path to a) function and its call.
                        let mut end = j + 2;
                        while matches!(tokens.get(end), Some(Token::Ident(_) | Token::Punct(':'))) {
                            end += 1;
                        }
                        end = match tokens.get(end) {
                            Some(Token::Punct('(')) if end > j + 2 => closing(tokens, end) + 1,
                            _ => j + 3,
                        };
                        props.insert(
                            prop.to_string(),
                            value_of(&tokens[j + 2..end.min(tokens.len())]),
                        );
                    }
                    j = if is_punct(tokens.get(j), '(') || is_punct(tokens.get(j), '{') {
                        closing(tokens, j) + 1
                    } else {
                        j + 1
                    };
                }
                component_uses
                    .entry(name.to_string())
                    .or_default()
                    .push(props);
            }
        }
    }
    let mut ids = BTreeSet::new();
    for tokens in &tokenized {
        let fns = rust_fns(tokens);
        for (k, token) in tokens.iter().enumerate() {
            let Token::Str(s) = token else { continue };
            let before = |back: usize| k.checked_sub(back).and_then(|p| tokens.get(p));
            let translation_key = is_punct(before(1), '(')
                && (matches!(ident(before(2)), Some("t" | "tk" | "t_with"))
                    || (ident(before(2)) == Some("new") && ident(before(5)) == Some("Text")));
            if is_id(s) && !translation_key {
                ids.insert(s.clone());
            }
            let in_format = is_punct(before(1), '(')
                && is_punct(before(2), '!')
                && ident(before(3)) == Some("format");
            if !in_format {
                continue;
            }
            let pieces = format_pieces(s);
            // The function around this `format!` (the innermost), and the calls that fill its holes.
            let around = fns
                .iter()
                .filter(|f| f.body.contains(&k))
                .min_by_key(|f| f.body.len());
            let no_params = Vec::new();
            let params = around.map_or(&no_params, |f| &f.params);
            let mut fills: Vec<Vec<Vec<String>>> = Vec::new();
            if let Some(f) = around {
                fills.extend(calls.get(&f.name).into_iter().flatten().cloned());
                for props in component_uses.get(&f.name).into_iter().flatten() {
                    fills.push(
                        f.params
                            .iter()
                            .map(|p| props.get(p).cloned().unwrap_or_default())
                            .collect(),
                    );
                }
            }
            if fills.is_empty() {
                fills.push(Vec::new());
            }
            for fill in fills {
                for pattern in fill_format(&pieces, params, &fill) {
                    if is_id(&pattern) || (pattern.contains('*') && is_id_pattern(&pattern)) {
                        ids.insert(pattern);
                    }
                }
            }
        }
    }
    ids
}

/// The strings a `format!` gives when its holes named after `params` take `args`' values (each
/// argument: what it can be, empty when unknown); every other hole is `*`.
fn fill_format(pieces: &[FormatPiece], params: &[String], args: &[Vec<String>]) -> Vec<String> {
    let mut out = vec![String::new()];
    for piece in pieces {
        let choices = match piece {
            FormatPiece::Text(t) => vec![t.clone()],
            FormatPiece::Hole(h) => params
                .iter()
                .position(|p| p == h)
                .and_then(|position| args.get(position))
                .filter(|values| !values.is_empty())
                .cloned()
                .unwrap_or_else(|| vec!["*".to_string()]),
        };
        out = out
            .iter()
            .flat_map(|start| choices.iter().map(move |c| format!("{start}{c}")))
            .collect();
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Files

fn files_under(dir: &Path, extension: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "node_modules") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == extension) {
                let src = std::fs::read_to_string(&path).unwrap();
                files.push((path, src));
            }
        }
    }
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every id the browser tests look for, with the files that look for it.
fn ids_in_browser_tests() -> BTreeMap<String, BTreeSet<String>> {
    let files = files_under(&root().join("tests/browser"), "mjs");
    let harness = files
        .iter()
        .find(|(p, _)| p.ends_with("harness.mjs"))
        .expect("tests/browser/harness.mjs");
    let shared = id_helpers(&harness.1);
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, src) in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for id in ids_in_test(src, &shared) {
            ids.entry(id).or_default().insert(name.clone());
        }
    }
    ids
}

#[test]
fn every_test_id_the_browser_tests_use_exists_in_the_app() {
    let code = ids_in_code(&files_under(&root().join("src/app"), "rs"));
    let wanted = ids_in_browser_tests();
    // A scanner that found nothing would pass: both sides hold hundreds of ids today.
    assert!(
        wanted.len() > 200,
        "only {} test ids found in tests/browser",
        wanted.len()
    );
    assert!(code.len() > 200, "only {} ids found in src/app", code.len());
    let missing: Vec<String> = wanted
        .iter()
        .filter(|(id, _)| !code.iter().any(|c| overlaps(id, c)))
        .map(|(id, files)| {
            format!(
                "  {id}  (in {})",
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} test id(s) the browser tests look for exist nowhere in src/app (renamed? `*` is a part \
         built at run time):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn patterns_overlap_when_some_string_fits_both() {
    assert!(overlaps("train-start", "train-start"));
    assert!(!overlaps("train-start", "train-stop"));
    assert!(overlaps("gan-toy-noise", "gan-*-noise"));
    assert!(!overlaps("gan-toy-noise", "gan-*-rate"));
    assert!(overlaps("apps-tab-pca", "*-tab-*"));
    assert!(overlaps("reduce-knn-*", "reduce-knn-*"));
    assert!(overlaps("nav-*", "*-tab-*"), "nav-x-tab-y fits both");
    assert!(!overlaps("nav-*", "lang-*"));
    assert!(!overlaps("err-ae", "err-ae-*-x"));
    assert!(
        is_id_pattern("gan-*-noise") && is_id_pattern("*-error") && is_id_pattern("hw-check-*-*")
    );
    assert!(!is_id_pattern("*px") && !is_id_pattern("*-*") && !is_id_pattern("#/*/*"));
}

#[test]
fn the_tests_ids_are_read_from_selectors_helpers_and_loops() {
    let shared = id_helpers(
        "export async function readCanvas(page, testid) {}\nexport const readNumber = async (page, id) => 1;",
    );
    let src = r#"
        const errText = async (page, id) => (await page.textContent(`[data-testid="${id}"]`)).trim();
        await page.click('[data-testid="train-start"]'); // not '[data-testid="in-a-comment"]'
        assert.match(text, /it's "quoted" [data-testid="in-a-regex"]/);
        await page.click(`[data-testid="gan-${mode}-progress"]`);
        document.querySelector(`[data-testid="${id === 'corrupted' ? 'corrupted-input' : 'recon-' + id}"]`);
        await readCanvas(page, 'recon-ae');
        await readNumber(page, `kmeans-k-${space}`);
        await errText(page, 'err-ae');
        for (const map of ['latent-map-ae', 'latent-map-vae']) page.locator(`[data-testid="${map}"]`);
        for (const [m, decoded] of [['x-ae', 'decoded-ae'], ['x-vae', 'decoded-vae']]) readCanvas(page, decoded);
        ['manifold-ae'].every((n) => document.querySelector(`[data-testid="${n}"]`));
        for (const engine of ['webgpu', 'cpu']) launch(engine);
    "#;
    let ids: Vec<String> = ids_in_test(src, &shared).into_iter().collect();
    assert_eq!(
        ids,
        [
            "corrupted-input",
            "decoded-ae",
            "decoded-vae",
            "err-ae",
            "gan-*-progress",
            "kmeans-k-*",
            "latent-map-ae",
            "latent-map-vae",
            "manifold-ae",
            "recon-*",
            "recon-ae",
            "train-start"
        ]
    );
}

#[test]
fn the_codes_ids_are_read_from_literals_and_formats() {
    let src = r##"
        /// The testid of a field: `gan-toy-noise`.
        pub fn testid(session: GanSession, field: &str) -> String {
            format!("gan-{}-{field}", session.mode.slug())
        }
        fn Field(#[prop(into)] testid: String) -> impl IntoView {
            let error_id = format!("{testid}-error");
            view! { <p data-testid=format!("nav-{}", r.slug()) title=i18n.t("some-key") width=format!("{}px", w)>
                <span data-testid=testid(session, "noise") /> {Text::new("other-key")} {tk("third-key")}
                <b data-testid="clear" class=r"raw-class" /> {'"'} </p> }
        }
        fn param_testid(param: KindParam) -> &'static str {
            match param { KindParam::Beta => "train-beta", KindParam::Rho => "train-rho" }
        }
        fn Form() -> impl IntoView {
            view! {
                <Field label=move || i18n.t("x-label") testid="train-lr" />
                <Field testid=param_testid(param) />
                <Field testid=super::testid(session, "seed") />
            }
        }
    "##;
    let ids: Vec<String> = ids_in_code(&[(PathBuf::from("a.rs"), src.to_string())])
        .into_iter()
        .collect();
    assert_eq!(
        ids,
        [
            "clear",
            "gan-*-noise",
            "gan-*-seed",
            "gan-*-seed-error",
            "nav-*",
            "noise",
            "raw-class",
            "seed",
            "train-beta",
            "train-beta-error",
            "train-lr",
            "train-lr-error",
            "train-rho",
            "train-rho-error"
        ]
    );
}
