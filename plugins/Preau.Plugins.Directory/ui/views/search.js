// The search view: a name box and filters (profil, fonction, classe, niveau, matière, état), the
// results (Nom, Prénom, Profil, État, Établissement principal) by pages of 50, and their count. The
// criteria live in the address (replaced, not pushed, as they change) so that Back from a card
// comes back to the same results.
import { h, replace, uid, debounce } from '../lib/dom.js';
import { PROFILES, STATES, FUNCTIONS, stateBadge } from '../lib/people.js';

const PAGE = 50;

/** The address's criteria and the API's parameter for each. */
const CRITERIA = [
  { key: 'q', api: 'q' },
  { key: 'profil', api: 'profile' },
  { key: 'fonction', api: 'function' },
  { key: 'classe', api: 'class' },
  { key: 'niveau', api: 'level' },
  { key: 'matiere', api: 'subject' },
  { key: 'etat', api: 'state' },
];

/**
 * @param {HTMLElement} root
 * @param {object} app the module's services (api, t, href, base)
 * @param {URLSearchParams} params the address's query
 */
export async function mountSearch(root, app, params) {
  const { t } = app;
  const criteria = Object.fromEntries(CRITERIA.map((c) => [c.key, params.get(c.key)?.trim() ?? '']));
  let page = Math.max(0, Number.parseInt(params.get('page') ?? '1', 10) - 1 || 0);
  let request = null;

  const field = (key, control, hint) => {
    const hintId = hint ? uid('hint') : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h('div', { class: ['field', `annuaire-field-${key}`] },
      h('label', { for: control.id, text: t(`search.${key}`) }),
      control,
      hint ? h('p', { class: 'field-hint', id: hintId, text: hint }) : null);
  };
  const input = (key, type = 'text') => h('input', { class: 'input', id: uid(key), name: key, type, value: criteria[key], autocomplete: 'off', spellcheck: 'false' });
  const select = (key, values, label) => {
    const control = h('select', { class: 'select', id: uid(key), name: key },
      h('option', { value: '', text: t(`search.all.${key}`) }),
      values.map((v) => h('option', { value: v, text: label(v), selected: v === criteria[key] })));
    return control;
  };

  const controls = {
    q: input('q', 'search'),
    profil: select('profil', PROFILES, (p) => t(`profile.${p}`)),
    fonction: select('fonction', FUNCTIONS, (f) => t(`function.${f}`)),
    classe: input('classe'),
    niveau: input('niveau'),
    matiere: input('matiere'),
    etat: select('etat', STATES, (s) => t(`state.${s}`)),
  };
  controls.q.setAttribute('placeholder', t('search.qPlaceholder'));

  // Suggestions for the typed filters, from GET catalogue (the school's classes, groups, levels and
  // subjects); the fields still accept anything the API does (a code, a name, words of a subject).
  const suggestions = {
    classe: h('datalist', { id: uid('classes') }),
    niveau: h('datalist', { id: uid('niveaux') }),
    matiere: h('datalist', { id: uid('matieres') }),
  };
  for (const [key, list] of Object.entries(suggestions)) controls[key].setAttribute('list', list.id);
  app.api.get(`${app.base}/catalogue`).then((catalogue) => {
    const option = (value, label) => h('option', { value, label });
    replace(suggestions.classe, ...[...(catalogue.classes ?? []), ...(catalogue.groupes ?? [])].map((s) => option(s.code, s.nom)));
    replace(suggestions.niveau, ...(catalogue.niveaux ?? []).map((l) => option(l.code, l.nom)));
    replace(suggestions.matiere, ...(catalogue.matieres ?? []).map((m) => option(m.nom, m.code)));
  }, () => { /* no suggestions: the fields still take codes and names */ });

  const summary = h('p', { class: 'annuaire-summary', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'annuaire-results', 'aria-busy': 'true' });
  const pager = h('nav', { class: 'toolbar pager', 'aria-label': t('search.pages') });

  // The filters fold away on a phone (open elsewhere, and whenever one is set); the summary counts them.
  const filterSummary = h('summary', { text: t('search.filters') });
  const filters = h('details', { class: 'annuaire-filters' },
    filterSummary,
    h('div', { class: 'annuaire-filter-grid' },
      field('profil', controls.profil),
      field('fonction', controls.fonction),
      field('etat', controls.etat),
      field('classe', controls.classe, t('search.classeHint')),
      field('niveau', controls.niveau, t('search.niveauHint')),
      field('matiere', controls.matiere, t('search.matiereHint'))),
    h('button', { class: 'btn btn-sm btn-ghost', type: 'button', onClick: clear }, t('search.clear')),
    Object.values(suggestions));
  const countFilters = () => {
    const active = Object.keys(controls).filter((key) => key !== 'q' && criteria[key]).length;
    filterSummary.textContent = active ? t('search.filtersActive', { count: active }) : t('search.filters');
    return active;
  };

  const run = () => { page = 0; load(); };
  const later = debounce(run, 300);
  const form = h('form', {
    class: 'annuaire-search card', role: 'search', 'aria-label': t('search.formLabel'),
    onSubmit: (e) => { e.preventDefault(); later.cancel(); run(); },
  },
  h('div', { class: 'annuaire-search-main' },
    field('q', controls.q),
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('search.submit'))),
  filters);
  for (const [key, control] of Object.entries(controls)) {
    control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => {
      criteria[key] = control.value.trim();
      countFilters();
      if (control.tagName === 'SELECT') { later.cancel(); run(); } else later();
    });
  }

  filters.open = countFilters() > 0 || !window.matchMedia('(max-width: 759px)').matches;
  replace(root, form, summary, results, pager);

  function clear() {
    for (const [key, control] of Object.entries(controls)) {
      control.value = '';
      criteria[key] = '';
    }
    countFilters();
    later.cancel();
    run();
    controls.q.focus();
  }

  /** The address of the current results (criteria and page), kept in the history entry. */
  function state() {
    return { ...criteria, page: page > 0 ? page + 1 : '' };
  }

  async function load() {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    history.replaceState(history.state, '', app.href(state()));
    results.setAttribute('aria-busy', 'true');
    const query = { offset: page * PAGE, limit: PAGE };
    for (const c of CRITERIA) query[c.api] = criteria[c.key];
    try {
      const answer = await app.api.get(`${app.base}/search`, query, { signal: controller.signal });
      if (controller.signal.aborted) return;
      render(answer.items ?? [], answer.total ?? 0);
    } catch (error) {
      if (error.name === 'AbortError') return;
      summary.textContent = '';
      replace(results, h('div', { class: 'banner banner-danger', role: 'alert' }, h('p', { text: error.message })));
      replace(pager);
    } finally {
      if (request === controller) {
        results.setAttribute('aria-busy', 'false');
        request = null;
      }
    }
  }

  function render(items, total) {
    if (total > 0 && items.length === 0 && page > 0) {
      page = Math.max(0, Math.ceil(total / PAGE) - 1);
      load();
      return;
    }
    summary.textContent = total === 0
      ? t('search.none')
      : t('search.summary', { from: page * PAGE + 1, to: page * PAGE + items.length, count: total });
    if (items.length === 0) {
      replace(results, h('div', { class: 'empty' }, h('p', { text: t('search.noneHint') })));
      replace(pager);
      return;
    }
    const back = state();
    replace(results, h('div', { class: 'table-wrap' }, h('table', { class: 'table annuaire-table' },
      h('caption', { class: 'visually-hidden', text: t('search.caption') }),
      h('thead', null, h('tr', null,
        ['nom', 'prenom', 'profil', 'etat', 'etablissement'].map((c) => h('th', { scope: 'col', class: c === 'etablissement' ? 'hide-phone' : null, text: t(`column.${c}`) })))),
      h('tbody', null, items.map((p) => h('tr', { 'data-login': p.login },
        h('th', { scope: 'row' }, h('a', { href: app.href({ ...back, fiche: p.id }) }, p.nom || p.login)),
        h('td', { text: p.prenom ?? '' }),
        h('td', { text: t(`profile.${p.profil}`) }),
        h('td', null, stateBadge(t, p.etat)),
        h('td', { class: 'hide-phone', text: p.etablissement ?? '' })))))));
    const pages = Math.ceil(total / PAGE);
    replace(pager,
      h('span', { class: 'small muted', text: t('search.pageOf', { page: page + 1, pages }) }),
      h('button', { class: 'btn btn-sm', type: 'button', disabled: page === 0, onClick: () => { page -= 1; load(); } }, t('search.previous')),
      h('button', { class: 'btn btn-sm', type: 'button', disabled: page + 1 >= pages, onClick: () => { page += 1; load(); } }, t('search.next')));
  }

  await load();
  return () => {
    later.cancel();
    request?.abort();
  };
}
