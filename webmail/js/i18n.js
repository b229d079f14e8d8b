// Translations: French first (the default and the fallback), English second. Keys are flat
// ("mail.reply"); `{name}` placeholders are filled from params; plural forms are chosen with
// Intl.PluralRules from `params.count` among "key.one" / "key.other".
import fr from './i18n/fr.js';
import en from './i18n/en.js';

const DICTIONARIES = { fr, en };
const STORAGE_KEY = 'preau.language';
let current = 'fr';
const listeners = new Set();

/** The languages offered, with their own names. */
export const LANGUAGES = [
  { code: 'fr', name: 'Français' },
  { code: 'en', name: 'English' },
];

/** The language in use ("fr" or "en"). */
export function language() {
  return current;
}

/** Switches the language, remembers it on this device, and tells the listeners (they re-render). */
export function setLanguage(code) {
  const next = DICTIONARIES[code] ? code : 'fr';
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* private mode: not remembered */ }
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/** The language remembered on this device (before signing in), French otherwise. */
export function initialLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && DICTIONARIES[stored]) return stored;
  } catch { /* ignore */ }
  return 'fr';
}

/** Calls `listener(code)` after each language change; returns the unsubscribe function. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for `key` in the current language, placeholders filled. */
export function t(key, params) {
  let entry = key;
  if (params && typeof params.count === 'number') {
    const form = new Intl.PluralRules(current).select(params.count);
    entry = lookup(`${key}.${form}`) !== undefined ? `${key}.${form}` : `${key}.other`;
  }
  const text = lookup(entry) ?? lookup(key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (params[name] === undefined ? match : format(params[name])));
}

function lookup(key) {
  return DICTIONARIES[current][key] ?? fr[key];
}

function format(value) {
  return typeof value === 'number' ? new Intl.NumberFormat(current).format(value) : String(value);
}

/** A date for lists: the time today, the day and month this year, the full date otherwise. */
export function shortDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const now = new Date();
  if (date.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit' }).format(date);
  }
  if (date.getFullYear() === now.getFullYear()) {
    return new Intl.DateTimeFormat(current, { day: 'numeric', month: 'short' }).format(date);
  }
  return new Intl.DateTimeFormat(current, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** A full date and time ("mardi 3 septembre 2026 à 08:15"). */
export function longDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** A date without time ("3 sept. 2026"). */
export function dayDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A size in octets/bytes, the French way ("12 ko"). */
export function size(bytes) {
  const units = current === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = Number(bytes) || 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A count with its unit, in the current language ("3 messages"). */
export function count(key, n) {
  return t(key, { count: n });
}
