// The card's forms, in dialogs: « Modifier la fiche » (PATCH people/{id}: names and function) and
// « Services externes » (PUT people/{id}/external: the identifiers the ENT keeps for external
// services, from the catalogue GET external-services). Only what changed is sent; the server's
// French reason shows in the dialog when it refuses.
import { h, uid } from '../lib/dom.js';
import { openDialog } from '../lib/dialog.js';
import { notify } from '../lib/notify.js';
import { FUNCTIONS, fullName } from '../lib/people.js';

/**
 * The modify form; resolves with the new card, or null when cancelled.
 * @param {object} app
 * @param {object} card the current card (with `modifiable`)
 */
export function modifyDialog(app, card) {
  const { t } = app;
  const current = card.modifiable ?? {};
  const withFunction = card.person.profil === 'Personnel' || (current.function && current.function !== 'None');
  return openDialog((close, titleId) => {
    const error = h('p', { class: 'field-error', role: 'alert' });
    const manual = new Set(card.valeursManuelles ?? []);
    const text = (name) => {
      const id = uid(name);
      const hintId = manual.has(name) ? uid('manual') : null;
      return h('div', { class: 'field' },
        h('label', { for: id, text: t(`modify.${name}`) }),
        h('input', { class: 'input', id, name, value: current[name] ?? '', autocomplete: 'off', 'aria-describedby': hintId }),
        hintId ? h('p', { class: 'field-hint', id: hintId, text: t('modify.manual') }) : null);
    };
    const functionId = uid('function');
    const form = h('form', {
      class: 'dialog-body', novalidate: true,
      onSubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        const data = new FormData(form);
        const body = {};
        for (const name of ['displayName', 'firstName', 'lastName', 'function']) {
          if (!data.has(name)) continue;
          const value = String(data.get(name)).trim();
          if (value !== (current[name] ?? '')) body[name] = value;
        }
        if (('firstName' in body && !body.firstName) || ('lastName' in body && !body.lastName)) {
          error.textContent = t('modify.namesRequired');
          return;
        }
        if (!Object.keys(body).length) {
          close(null);
          return;
        }
        try {
          close(await app.api.patch(`${app.base}/people/${encodeURIComponent(card.person.id)}`, body));
        } catch (failure) {
          error.textContent = failure.message;
        }
      },
    },
    h('h2', { id: titleId, text: t('modify.title', { name: fullName(card.person) }) }),
    h('div', { class: 'inline-fields annuaire-dialog-fields' }, text('firstName'), text('lastName')),
    text('displayName'),
    h('p', { class: 'muted small', text: t('modify.hint') }),
    withFunction
      ? h('div', { class: 'field' },
        h('label', { for: functionId, text: t('modify.function') }),
        h('select', { class: 'select', id: functionId, name: 'function' },
          ['None', ...FUNCTIONS].map((f) => h('option', { value: f, text: t(`function.${f}`), selected: f === (current.function ?? 'None') }))))
      : null,
    error,
    h('div', { class: 'dialog-actions' },
      h('button', { class: 'btn', type: 'button', onClick: () => close(null) }, t('common.cancel')),
      h('button', { class: 'btn btn-primary', type: 'submit' }, t('common.save'))));
    return [form];
  }).then((v) => v ?? null);
}

/**
 * The external-services form; resolves with {services, card} (card null when nothing was saved),
 * or null when the catalogue could not be read.
 * @param {object} app
 * @param {object} card the current card (with `externe`)
 */
export async function externalDialog(app, card) {
  const { t } = app;
  let services;
  try {
    services = await app.api.get(`${app.base}/external-services`);
  } catch (error) {
    notify(error.message, { error: true, closeLabel: t('common.close') });
    return null;
  }
  const values = card.externe ?? {};
  const saved = await openDialog((close, titleId) => {
    const error = h('p', { class: 'field-error', role: 'alert' });
    const form = h('form', {
      class: 'dialog-body', novalidate: true,
      onSubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        const data = new FormData(form);
        const changed = {};
        for (const s of services) {
          const value = String(data.get(s.key) ?? '').trim();
          if (value !== String(values[s.key] ?? '')) changed[s.key] = value === '' ? null : value;
        }
        if (!Object.keys(changed).length) {
          close(null);
          return;
        }
        try {
          close(await app.api.put(`${app.base}/people/${encodeURIComponent(card.person.id)}/external`, { values: changed }));
        } catch (failure) {
          error.textContent = failure.message;
        }
      },
    },
    h('h2', { id: titleId, text: t('external.title', { name: fullName(card.person) }) }),
    h('p', { class: 'muted small', text: t('external.hint') }),
    services.length
      ? services.map((s) => {
        const id = uid(`external-${s.key}`);
        return h('div', { class: 'field' },
          h('label', { for: id, text: s.label || s.key }),
          h('input', { class: 'input', id, name: s.key, value: values[s.key] ?? '', autocomplete: 'off', spellcheck: 'false' }));
      })
      : h('p', { class: 'muted', text: t('external.none') }),
    error,
    h('div', { class: 'dialog-actions' },
      h('button', { class: 'btn', type: 'button', onClick: () => close(null) }, t('common.cancel')),
      h('button', { class: 'btn btn-primary', type: 'submit', disabled: services.length === 0 }, t('common.save'))));
    return [form];
  });
  return { services, card: saved ?? null };
}
