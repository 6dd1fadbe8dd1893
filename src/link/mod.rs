//! Links that reproduce what is on screen: `#/<view>?<key>=<value>&…`. Each view names its keys
//! (documented in the README); this module parses and writes the hash, reads one value with its
//! limits, and says what it ignored and why. Nothing here panics on any input.
//!
//! - [`Location`]: the route and the ordered query of a hash.
//! - [`Issue`]: why a value from a link was ignored or adjusted, for the one-line notice.
//! - [`pixels`] and [`bits`]: a drawing and a mask packed into a few hundred URL-safe characters.

pub mod bits;
pub mod digit;
pub mod latent;
pub mod packed;
pub mod pixels;
pub mod train;
pub mod value;

use std::fmt::Write;

/// A parsed hash: `#/noise?sigma=0.3&seed=7` is route `noise` with two parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub route: String,
    pub query: Vec<(String, String)>,
}

impl Location {
    /// Parses `#/route?k=v&…` (with or without `#` and `/`). Malformed pieces are dropped here
    /// and keys without a value read as empty, so the caller can report them.
    pub fn parse(hash: &str) -> Self {
        let hash = hash.trim_start_matches('#').trim_start_matches('/');
        let (route, query) = hash.split_once('?').unwrap_or((hash, ""));
        let query = query
            .split('&')
            .filter(|piece| !piece.is_empty())
            .map(|piece| {
                let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
                (decode_component(k), decode_component(v))
            })
            .collect();
        Self {
            route: decode_component(route),
            query,
        }
    }

    /// `#/route?k=v&…`, values percent-encoded only where they must be.
    pub fn to_hash(&self) -> String {
        let mut out = format!("#/{}", self.route);
        for (i, (k, v)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&encode_component(k));
            out.push('=');
            out.push_str(&encode_component(v));
        }
        out
    }

    /// The value of `key` (the first, if a link repeats it).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets `key` to `value`, keeping its place (a new key goes last); repeats are dropped.
    pub fn set(&mut self, key: &str, value: String) {
        let mut seen = false;
        self.query.retain_mut(|(k, v)| {
            if k != key {
                return true;
            }
            if seen {
                return false;
            }
            seen = true;
            *v = value.clone();
            true
        });
        if !seen {
            self.query.push((key.to_string(), value));
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.query.retain(|(k, _)| k != key);
    }
}

/// Characters a value keeps as they are in a link (RFC 3986 unreserved, plus `,:` which chats
/// leave alone and make lists readable).
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~,:".contains(c)
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_plain(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Percent-decoding that never fails: a broken escape stays as written, invalid UTF-8 becomes �.
fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Why a value of a link was not used as written.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// No view here has this key.
    Unknown,
    /// The value could not be read (not a number, not one of the choices, a damaged drawing).
    Malformed,
    /// The value was outside its limits and was brought to the nearest one (written as shown).
    Clamped(String),
}

/// One thing a link asked for that was not done as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: String,
    pub value: String,
    pub issue: Issue,
}

/// Shortens a value for the notice: a damaged drawing may be hundreds of characters.
pub fn shorten(value: &str) -> String {
    const MAX: usize = 24;
    if value.chars().count() <= MAX {
        value.to_string()
    } else {
        format!("{}…", value.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests;
