// The webmail module « Annuaire » of the directory plugin: search the directory, open a person's card
// (and act on it by right), and, with the right annuaire.import, import the SIECLE and STSweb exports.
// The webmail imports this file and calls mount(element, context) (webmail/README.md, « Plugin
// modules »). Which view shows comes from the address (?fiche=…, ?vue=import, the search criteria),
// so links open in a new tab, Back returns to the results, and a reload keeps the page.
import { h, replace } from './lib/dom.js';
import { translator } from './lib/i18n.js';
import { setFallbackRegion } from './lib/notify.js';
import { mountSearch } from './views/search.js';
import { mountCard } from './views/card.js';
import { mountImport } from './views/import.js';

const IMPORT_RIGHT = 'annuaire.import';

/**
 * Mounts the module in `element`.
 * @param {HTMLElement} element the module's container in the webmail page
 * @param {{api: object, language: string, t: Function, user: {login: string, displayName: string, profile: string, rights: string[]}, pluginId: string}} context
 * @returns {Promise<() => void>} the cleanup, called when the user leaves the section
 */
export async function mount(element, context) {
  await loadStyles();
  const i18n = translator(context.language);
  const { t } = i18n;
  const params = new URLSearchParams(location.search);
  const canImport = (context.user?.rights ?? []).includes(IMPORT_RIGHT);
  const view = params.has('fiche') ? 'card' : params.get('vue') === 'import' && canImport ? 'import' : 'search';
  const app = {
    ...i18n,
    api: context.api,
    user: context.user,
    base: `/api/plugins/${encodeURIComponent(context.pluginId)}`,
    /** The address of this section with `query` (empty values left out). */
    href(query = {}) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
      }
      const text = search.toString();
      return `${location.pathname}${text ? `?${text}` : ''}`;
    },
  };

  const status = h('p', { class: 'visually-hidden', role: 'status' });
  setFallbackRegion(status);
  const body = h('div', { class: 'annuaire-body' });
  const tabs = h('nav', { class: 'tabs annuaire-tabs', 'aria-label': t('nav.sections') },
    h('a', { href: app.href(), 'aria-current': view === 'import' ? null : 'page' }, t('nav.search')),
    canImport ? h('a', { href: app.href({ vue: 'import' }), 'aria-current': view === 'import' ? 'page' : null }, t('nav.import')) : null);
  replace(element, h('div', { class: 'annuaire' }, tabs, body, status));

  let cleanup = null;
  if (view === 'card') cleanup = await mountCard(body, app, params);
  else if (view === 'import') cleanup = await mountImport(body, app);
  else cleanup = await mountSearch(body, app, params);
  return () => {
    setFallbackRegion(null);
    if (typeof cleanup === 'function') cleanup();
  };
}

/** Adds the module's style sheet once (a file of its own: the page's policy allows no inline style). */
function loadStyles() {
  const href = new URL('./annuaire.css', import.meta.url).href;
  if (document.querySelector(`link[data-annuaire-styles]`)) return Promise.resolve();
  const link = h('link', { rel: 'stylesheet', href, 'data-annuaire-styles': true });
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  document.head.append(link);
  return loaded;
}
