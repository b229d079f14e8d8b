// Administration > Journal d'audit: who changed what, newest first, filtered by actor, action and dates,
// with "Plus" to page back in time (GET /api/admin/audit, cursor "next").
import * as api from '../../api.js';
import { h, replace, uid } from '../../dom.js';
import { icon } from '../../icons.js';
import { t, longDate } from '../../i18n.js';
import { adminFrame } from './frame.js';

export async function mount(outlet) {
  const content = adminFrame(outlet, '/admin/audit');
  const ids = { actor: uid('actor'), action: uid('action'), from: uid('from'), to: uid('to') };
  const actor = h('input', { class: 'input', id: ids.actor, name: 'actor', autocomplete: 'off' });
  const action = h('input', { class: 'input', id: ids.action, name: 'action', autocomplete: 'off' });
  const from = h('input', { class: 'input', id: ids.from, name: 'from', type: 'date' });
  const to = h('input', { class: 'input', id: ids.to, name: 'to', type: 'date' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const tbody = h('tbody');
  const more = h('button', { class: 'btn', type: 'button', hidden: true, onClick: () => load(true) }, t('audit.more'));
  const empty = h('div', { class: 'empty', hidden: true }, icon('list'), h('p', { text: t('audit.none') }));
  let next = null;

  content.append(
    h('form', { class: 'inline-fields audit-filters', onSubmit: (e) => { e.preventDefault(); load(false); } },
      h('div', { class: 'field' }, h('label', { for: ids.actor, text: t('audit.actor') }), actor),
      h('div', { class: 'field' }, h('label', { for: ids.action, text: t('audit.action') }), action),
      h('div', { class: 'field' }, h('label', { for: ids.from, text: t('audit.from') }), from),
      h('div', { class: 'field' }, h('label', { for: ids.to, text: t('audit.to') }), to),
      h('button', { class: 'btn btn-primary', type: 'submit' }, icon('search', { className: 'icon-sm' }), t('audit.filter'))),
    error,
    h('div', { class: 'table-wrap' }, h('table', { class: 'table audit-table' },
      h('caption', { class: 'visually-hidden', text: t('admin.audit') }),
      h('thead', null, h('tr', null, ['audit.when', 'audit.actor', 'audit.action', 'audit.detail'].map((k) => h('th', { scope: 'col', text: t(k) })))),
      tbody)),
    empty,
    h('div', { class: 'toolbar pager' }, more));

  async function load(append) {
    error.textContent = '';
    try {
      const page = await api.get('/api/admin/audit', {
        actor: actor.value.trim(), action: action.value.trim(), from: from.value, to: to.value, limit: 50, before: append ? next : null,
      });
      const rows = (page.entries ?? []).map((e) => h('tr', null,
        h('td', { class: 'nowrap' }, h('time', { datetime: e.at, text: longDate(e.at) })),
        h('td', null, h('code', { text: e.actor })),
        h('td', null, h('code', { text: e.action })),
        h('td', { text: e.detail ?? '' })));
      if (append) tbody.append(...rows);
      else replace(tbody, rows);
      next = page.next ?? null;
      more.hidden = next === null;
      empty.hidden = tbody.childElementCount > 0;
    } catch (failure) {
      error.textContent = failure.message;
    }
  }

  await load(false);
  return { title: t('admin.audit') };
}
