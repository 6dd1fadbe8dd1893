// Reads the app's Fluent files, for tests that check what the page says in each language.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const LOCALES = join(here, '..', '..', 'src', 'i18n', 'locales');

/** The messages of `lang` ('en' or 'ro'): id → text (placeables and plural variants kept raw). */
export function messages(lang) {
  const out = new Map();
  for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.ftl'))) {
    let id = null;
    for (const line of readFileSync(join(LOCALES, lang, file), 'utf8').split('\n')) {
      const start = /^([a-z][a-z0-9-]*) =\s?(.*)$/.exec(line);
      if (start) {
        id = start[1];
        out.set(id, start[2]);
      } else if (id && /^\s+\S/.test(line)) {
        out.set(id, `${out.get(id)}\n${line.trim()}`);
      } else {
        id = null;
      }
    }
  }
  return out;
}

/**
 * The English sentences the Romanian page must not show: the literal words of each English
 * message (between its placeables and plural variants) that are at least three words long and
 * differ from the Romanian message.
 */
export function englishSentences() {
  const en = messages('en');
  const ro = messages('ro');
  const out = new Set();
  for (const [id, text] of en) {
    if (ro.get(id) === text) continue;
    for (const piece of text.split(/\{[^}]*\}|\n|\[[a-z]+\]|\*\[[a-z]+\]/)) {
      const words = piece.trim();
      if (words.split(/\s+/).filter((w) => /[a-zA-Z]{2,}/.test(w)).length >= 3) out.add(words);
    }
  }
  return [...out];
}
