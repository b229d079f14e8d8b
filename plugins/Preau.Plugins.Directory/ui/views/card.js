// A person's card: who they are (profile, state, establishment), their rattachements, classes and
// groups, what they teach (subjects, levels, classes), a pupil's responsables and a parent's
// children, and the actions the server lists in `card.actions` for this caller on this card:
// modify, external services, suspend or reactivate, rubriques. « Écrire » opens the webmail's
// composer (/compose?to=…) on the person's address.
import { h, replace, badge } from '../lib/dom.js';
import { confirmDialog } from '../lib/dialog.js';
import { notify } from '../lib/notify.js';
import { stateBadge, fullName } from '../lib/people.js';
import { modifyDialog, externalDialog } from './forms.js';

/**
 * @param {HTMLElement} root
 * @param {object} app the module's services
 * @param {URLSearchParams} params the address's query (fiche=<id>, and the search it came from)
 */
export async function mountCard(root, app, params) {
  const { t } = app;
  const id = params.get('fiche');
  const searchParams = Object.fromEntries([...params].filter(([key]) => key !== 'fiche'));
  const back = h('p', { class: 'annuaire-back' }, h('a', { href: app.href(searchParams) }, t('card.back')));
  const body = h('div', { 'aria-busy': 'true' });
  replace(root, back, body);

  let card = null;
  const externalLabels = new Map();
  try {
    card = await app.api.get(`${app.base}/people/${encodeURIComponent(id)}`);
  } catch (error) {
    body.setAttribute('aria-busy', 'false');
    replace(body, h('div', { class: 'banner banner-danger', role: 'alert' }, h('p', { text: error.message })));
    return null;
  }
  show(card, { focus: true });

  /** Renders `next` in place of the current card. */
  function show(next, { focus = false } = {}) {
    card = next;
    body.setAttribute('aria-busy', 'false');
    const heading = h('h2', { class: 'annuaire-card-name', tabindex: '-1', text: fullName(card.person) });
    replace(body, h('article', { class: 'annuaire-card card', 'aria-labelledby': headingId(heading) },
      h('header', { class: 'annuaire-card-header' },
        heading,
        h('p', { class: 'annuaire-card-meta' },
          badge('muted', t(`profile.${card.person.profil}`)), ' ',
          stateBadge(t, card.person.etat),
          card.person.login ? h('span', { class: 'muted small' }, ' ', t('card.login'), ' ', h('code', { text: card.person.login })) : null),
        shownAs(),
        actions()),
      sections()));
    if (focus) heading.focus({ preventScroll: false });
  }

  function headingId(heading) {
    heading.id = `annuaire-card-${card.person.id}`;
    return heading.id;
  }

  /** The display name (in mail headers and suggestions), when the card may show it and it differs. */
  function shownAs() {
    const displayName = card.modifiable?.displayName;
    if (!displayName || displayName === fullName(card.person)) return null;
    return h('p', { class: 'annuaire-card-shown-as muted small', text: t('card.displayName', { name: displayName }) });
  }

  function actions() {
    const allowed = new Set(card.actions ?? []);
    const person = card.person;
    const buttons = [];
    const writable = person.address && person.etat !== 'Suspended' && person.etat !== 'Left';
    if (writable) {
      buttons.push(h('a', { class: 'btn btn-primary', href: `/compose?to=${encodeURIComponent(person.address)}` }, t('card.write')));
    }
    if (allowed.has('modify')) buttons.push(h('button', { class: 'btn', type: 'button', onClick: modify }, t('card.modify')));
    if (allowed.has('external')) buttons.push(h('button', { class: 'btn', type: 'button', onClick: external }, t('card.external')));
    if (allowed.has('rubriques')) buttons.push(h('button', { class: 'btn', type: 'button', 'aria-expanded': 'false', 'aria-controls': `annuaire-rubriques-${person.id}`, onClick: rubriques }, t('card.rubriques')));
    if (allowed.has('suspend')) buttons.push(h('button', { class: 'btn btn-danger', type: 'button', onClick: () => transition('suspend') }, t('card.suspend')));
    if (allowed.has('reactivate')) buttons.push(h('button', { class: 'btn', type: 'button', onClick: () => transition('reactivate') }, t('card.reactivate')));
    if (!buttons.length) return null;
    return h('div', { class: 'toolbar annuaire-actions', role: 'group', 'aria-label': t('card.actions') }, buttons);
  }

  function sections() {
    const p = card.person;
    const list = (items, render) => (items?.length ? h('ul', { class: 'annuaire-list' }, items.map((i) => h('li', null, render(i)))) : h('p', { class: 'muted', text: t('card.nothing') }));
    const structure = (s) => [s.nom || s.code, s.nom && s.nom !== s.code ? h('span', { class: 'muted small', text: ` (${s.code})` }) : null];
    const section = (key, content) => h('section', { class: 'annuaire-section', 'aria-labelledby': `annuaire-${key}-${p.id}` },
      h('h3', { id: `annuaire-${key}-${p.id}`, text: t(`card.${key}`) }), content);
    const out = [];
    out.push(section('rattachements', list(card.rattachements, (r) => [r.nom || r.uai, r.nom && r.uai ? h('span', { class: 'muted small', text: ` (${r.uai})` }) : null])));
    const teaches = (card.enseignements?.length ?? 0) > 0;
    if (p.profil === 'Eleve' || (card.classes?.length ?? 0) > 0 || (card.groupes?.length ?? 0) > 0) {
      out.push(section('classes', list(card.classes, structure)));
      // A pupil's groups come with the details the caller may see (the server then sends the parents
      // too); without them the card says nothing rather than "none".
      if (p.profil !== 'Eleve' || card.responsables !== null || (card.groupes?.length ?? 0) > 0) {
        out.push(section('groupes', list(card.groupes, structure)));
      }
    }
    if (teaches || p.profil === 'Enseignant') {
      out.push(section('matieres', list(card.matieres, (m) => [m.nom || m.code, h('span', { class: 'muted small', text: ` (${m.code})` })])));
      out.push(section('niveaux', list(card.niveaux, (n) => n.nom || n.code)));
      out.push(section('enseignements', teaches ? teachingTable() : h('p', { class: 'muted', text: t('card.nothing') })));
    }
    if (card.responsables) {
      out.push(section('responsables', list(card.responsables, (r) => [
        personLink(r.person), ' ',
        h('span', { class: 'muted small', text: t('card.legalLevel', { level: r.niveauLegal }) }), ' ',
        stateBadge(t, r.person.etat)])));
    }
    if (card.enfants) out.push(section('enfants', list(card.enfants, (c) => [personLink(c), ' ', stateBadge(t, c.etat)])));
    if (card.externe) {
      const entries = Object.entries(card.externe).filter(([, v]) => v !== null && v !== '');
      out.push(section('externe', entries.length
        ? h('dl', { class: 'annuaire-dl' }, entries.map(([k, v]) => [h('dt', { 'data-external-key': k, text: externalLabels.get(k) ?? k }), h('dd', null, h('code', { text: String(v) }))]))
        : h('p', { class: 'muted', text: t('card.nothing') })));
    }
    out.push(h('section', { class: 'annuaire-section', id: `annuaire-rubriques-${p.id}`, hidden: true, 'aria-live': 'polite' }));
    return h('div', { class: 'annuaire-sections' }, out);
  }

  function teachingTable() {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden', text: t('card.enseignements') }),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: t('card.subject') }),
        h('th', { scope: 'col', text: t('card.structure') }),
        h('th', { scope: 'col', text: t('card.pp') }))),
      h('tbody', null, card.enseignements.map((e) => h('tr', null,
        h('td', { text: e.libelle || e.matiere }),
        h('td', { text: e.structure }),
        h('td', { text: e.professeurPrincipal ? t('card.yes') : '' }))))));
  }

  function personLink(person) {
    return h('a', { href: app.href({ ...searchParams, fiche: person.id }) }, fullName(person));
  }

  async function modify() {
    const next = await modifyDialog(app, card);
    if (next) {
      show(next, { focus: true });
      notify(t('card.modified'), { closeLabel: t('common.close') });
    }
  }

  async function external() {
    const result = await externalDialog(app, card);
    if (!result) return;
    for (const s of result.services) externalLabels.set(s.key, s.label);
    if (result.card) {
      show(result.card, { focus: true });
      notify(t('card.externalSaved'), { closeLabel: t('common.close') });
    }
  }

  async function transition(action) {
    const name = fullName(card.person);
    const suspend = action === 'suspend';
    const ok = await confirmDialog({
      title: t(suspend ? 'card.suspendTitle' : 'card.reactivateTitle', { name }),
      message: t(suspend ? 'card.suspendMessage' : 'card.reactivateMessage'),
      confirm: t(suspend ? 'card.suspend' : 'card.reactivate'),
      cancel: t('common.cancel'),
      danger: suspend,
    });
    if (!ok) return;
    try {
      const next = await app.api.post(`${app.base}/people/${encodeURIComponent(card.person.id)}/${action}`);
      show(next, { focus: true });
      notify(t(suspend ? 'card.suspended' : 'card.reactivated', { name }), { closeLabel: t('common.close') });
    } catch (error) {
      notify(error.message, { error: true, closeLabel: t('common.close') });
    }
  }

  async function rubriques(event) {
    const button = event.currentTarget;
    const region = body.querySelector(`#annuaire-rubriques-${CSS.escape(card.person.id)}`);
    if (!region) return;
    if (button.getAttribute('aria-expanded') === 'true') {
      region.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    region.hidden = false;
    const headingId = `annuaire-rubriques-title-${card.person.id}`;
    region.setAttribute('aria-labelledby', headingId);
    replace(region, h('h3', { id: headingId, text: t('card.rubriques') }), h('p', { class: 'muted', text: t('common.loading') }));
    try {
      const list = await app.api.get(`${app.base}/people/${encodeURIComponent(card.person.id)}/rubriques`);
      replace(region, h('h3', { id: headingId, text: t('card.rubriques') }),
        list?.length
          ? h('ul', { class: 'annuaire-list' }, list.map((r) => h('li', null, r.nom, r.listeDeDiffusion ? [' ', badge('muted', t('card.diffusionList'))] : null)))
          : h('p', { class: 'muted', text: t('card.noRubrique') }));
    } catch (error) {
      replace(region, h('h3', { id: headingId, text: t('card.rubriques') }), h('p', { class: 'field-error', role: 'alert', text: error.message }));
    }
  }

  // The external services' labels for the card's « Services externes » section, set in place.
  if (card.externe && (card.actions ?? []).includes('external')) {
    app.api.get(`${app.base}/external-services`).then((services) => {
      for (const s of services ?? []) externalLabels.set(s.key, s.label);
      for (const dt of body.querySelectorAll('dt[data-external-key]')) {
        dt.textContent = externalLabels.get(dt.dataset.externalKey) ?? dt.textContent;
      }
    }).catch(() => {});
  }
  return null;
}
