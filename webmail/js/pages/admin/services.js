// Administration > Services: the rights matrix of the core and of the plugins. One table per service:
// a row per action, a column per profile and staff function; a cell is a checkbox (granted or not),
// marked when it differs from the declared default, which "Rétablir" restores.
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { icon } from '../../icons.js';
import { t } from '../../i18n.js';
import { toast, toastError } from '../../components/toast.js';
import { adminFrame } from './frame.js';

export async function mount(outlet) {
  const content = adminFrame(outlet, '/admin/services');
  const intro = h('p', { class: 'muted', text: t('services.intro') });
  const legend = h('p', { class: 'small matrix-legend' }, h('span', { class: 'matrix-changed-dot', 'aria-hidden': 'true' }), t('services.legendChanged'));
  const body = h('div', { 'aria-busy': 'true' });
  content.append(intro, legend, body);
  let services = [];

  async function load() {
    try {
      services = (await api.get('/api/admin/services')).services ?? [];
      render();
    } catch (error) {
      replace(body, h('p', { class: 'field-error', role: 'alert', text: error.message }));
    }
    body.setAttribute('aria-busy', 'false');
  }

  function granteeName(g) {
    if (g.kind === 'profile') return t(`profile.${g.value}`);
    if (g.kind === 'function') return t(`function.${g.value}`);
    return g.value;
  }

  function render() {
    replace(body, services.map((service) => {
      const columns = (service.actions[0]?.grants ?? []).filter((g) => g.kind !== 'account');
      const owner = service.owner === 'core' ? t('services.core') : t('services.plugin', { id: service.owner });
      return h('section', { class: 'card matrix-card', 'aria-labelledby': `svc-${service.id}`, 'data-service': service.id },
        h('div', { class: 'card-header' },
          h('h2', { id: `svc-${service.id}`, text: service.label }),
          h('span', { class: 'badge badge-muted', text: owner }),
          service.installed === false ? h('span', { class: 'badge badge-warning', text: t('services.notInstalled') }) : null),
        h('div', { class: 'table-wrap matrix-wrap' }, h('table', { class: 'table matrix' },
          h('caption', { class: 'visually-hidden', text: t('services.caption', { service: service.label }) }),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col', class: 'matrix-action-col', text: t('services.action') }),
            columns.map((g) => h('th', { scope: 'col', class: 'matrix-col' }, h('span', { text: granteeName(g) }))),
            h('th', { scope: 'col', text: t('services.accounts') }),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('common.actions') })))),
          h('tbody', null, service.actions.map((action) => row(service, action, columns))))));
    }));
  }

  function row(service, action, columns) {
    const byGrantee = new Map(action.grants.map((g) => [g.grantee, g]));
    const accounts = action.grants.filter((g) => g.kind === 'account' && g.granted);
    const changed = action.grants.filter((g) => g.overridden);
    return h('tr', { 'data-right': action.right },
      h('th', { scope: 'row', class: 'matrix-action' },
        h('span', { class: 'matrix-action-label', text: action.label }),
        h('code', { class: 'small muted', text: action.right }),
        action.description ? h('span', { class: 'small muted matrix-description', text: action.description }) : null),
      columns.map((column) => {
        const cell = byGrantee.get(column.grantee);
        const label = `${action.label} — ${granteeName(column)}`;
        return h('td', { class: ['matrix-cell', cell?.overridden && 'is-changed'] },
          h('input', {
            type: 'checkbox', checked: Boolean(cell?.granted), 'aria-label': label, 'data-grantee': column.grantee,
            title: cell?.overridden ? t('services.changedFrom', { value: cell.default ? t('common.yes') : t('common.no') }) : null,
            onChange: (e) => setGrant(action, column.grantee, e.target.checked, label),
          }),
          cell?.overridden ? h('span', { class: 'visually-hidden', text: t('services.changed') }) : null);
      }),
      h('td', null, accounts.map((g) => h('span', { class: 'chip', text: g.value }))),
      h('td', { class: 'actions' }, changed.length ? h('button', {
        class: 'btn btn-sm', type: 'button', 'aria-label': t('services.resetNamed', { action: action.label }),
        onClick: () => resetAll(action, changed),
      }, t('services.reset')) : null));
  }

  async function setGrant(action, grantee, granted, label) {
    try {
      const answer = await api.put(`/api/admin/grants/${api.seg(action.right)}/${api.seg(grantee)}`, { granted });
      replaceAction(action.right, answer?.action);
      toast(granted ? t('services.granted', { label }) : t('services.withdrawn', { label }));
    } catch (error) {
      toastError(error);
      await load();
    }
  }

  async function resetAll(action, changed) {
    try {
      let last = null;
      for (const g of changed) last = await api.del(`/api/admin/grants/${api.seg(action.right)}/${api.seg(g.grantee)}`);
      replaceAction(action.right, last?.action);
      toast(t('services.resetDone', { action: action.label }));
    } catch (error) {
      toastError(error);
      await load();
    }
  }

  function replaceAction(right, updated) {
    if (!updated) {
      load();
      return;
    }
    for (const service of services) {
      const index = service.actions.findIndex((a) => a.right === right);
      if (index >= 0) service.actions[index] = { ...updated, right };
    }
    render();
  }

  await load();
  return { title: t('admin.services') };
}
