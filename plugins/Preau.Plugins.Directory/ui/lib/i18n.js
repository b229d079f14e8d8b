// The module's own strings, French first (the default and the fallback), English second, chosen
// from the webmail's language (context.language). Same conventions as the webmail: flat keys,
// `{name}` placeholders, plural forms "key.one" / "key.other" chosen from `params.count`.
import fr from '../i18n/fr.js';
import en from '../i18n/en.js';

const DICTIONARIES = { fr, en };

/**
 * A translator for one language.
 * @param {string} language "fr" or "en" (anything else: French)
 * @returns {{t: (key: string, params?: Record<string, any>) => string, language: string, number: (n: number) => string, date: (iso: string) => string}}
 */
export function translator(language) {
  const code = DICTIONARIES[language] ? language : 'fr';
  const dictionary = DICTIONARIES[code];
  const lookup = (key) => dictionary[key] ?? fr[key];
  const numbers = new Intl.NumberFormat(code);
  const format = (value) => (typeof value === 'number' ? numbers.format(value) : String(value));

  function t(key, params) {
    let entry = key;
    if (params && typeof params.count === 'number') {
      const form = new Intl.PluralRules(code).select(params.count);
      entry = lookup(`${key}.${form}`) !== undefined ? `${key}.${form}` : `${key}.other`;
    }
    const text = lookup(entry) ?? lookup(key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name) => (params[name] === undefined ? match : format(params[name])));
  }

  const dates = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    t,
    language: code,
    number: (n) => numbers.format(n),
    date: (iso) => (iso ? dates.format(new Date(iso)) : ''),
  };
}
