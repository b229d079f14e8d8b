// Administration > Extensions: the installed plugins with their state and, when one failed, why;
// enable, disable, remove, and install or upgrade from a .zip archive.
import * as api from '../../api.js';
import { h, replace, uid } from '../../dom.js';
import { icon } from '../../icons.js';
import { t } from '../../i18n.js';
import { confirmDialog } from '../../components/dialog.js';
import { toast, toastError } from '../../components/toast.js';
import { adminFrame, stateBadge } from './frame.js';
import { refreshModules } from '../../state.js';

const STATUS_KIND = { active: 'success', disabled: 'muted', failed: 'danger', incompatible: 'warning' };

export async function mount(outlet) {
  const content = adminFrame(outlet, '/admin/plugins');
  const listEl = h('div', { 'aria-busy': 'true' });
  const fileId = uid('plugin-file');
  const installError = h('p', { class: 'field-error', role: 'alert' });
  const fileInput = h('input', { class: 'input', type: 'file', id: fileId, accept: '.zip,application/zip' });
  const progress = h('progress', { max: 100, value: 0, hidden: true, 'aria-label': t('plugins.uploading') });
  const installForm = h('form', {
    class: 'card', 'aria-labelledby': 'install-title',
    onSubmit: async (e) => {
      e.preventDefault();
      installError.textContent = '';
      const file = fileInput.files?.[0];
      if (!file) {
        installError.textContent = t('plugins.chooseFile');
        fileInput.focus();
        return;
      }
      progress.hidden = false;
      try {
        const installed = await api.upload('/api/admin/plugins', file, (p) => { progress.value = Math.round(p * 100); }).promise;
        toast(t('plugins.installed', { name: installed?.name ?? installed?.id ?? file.name }));
        installForm.reset();
        await reload();
      } catch (error) {
        installError.textContent = error.message;
      } finally {
        progress.hidden = true;
        progress.value = 0;
      }
    },
  },
  h('h2', { id: 'install-title', text: t('plugins.installTitle') }),
  h('p', { class: 'muted small', text: t('plugins.installHint') }),
  h('div', { class: 'inline-fields' },
    h('div', { class: 'field' }, h('label', { for: fileId, text: t('plugins.archive') }), fileInput),
    h('button', { class: 'btn btn-primary', type: 'submit' }, icon('package'), t('plugins.install'))),
  progress,
  installError);
  content.append(listEl, installForm);

  /** The list again, and the navigation's plugin sections (a disabled plugin's section goes at once). */
  async function reload() {
    refreshModules().catch(() => {});
    await load();
  }

  async function load() {
    try {
      const result = await api.get('/api/admin/plugins');
      render(Array.isArray(result) ? result : result?.plugins ?? result?.items ?? []);
    } catch (error) {
      replace(listEl, h('p', { class: 'field-error', role: 'alert', text: error.message }));
    }
    listEl.setAttribute('aria-busy', 'false');
  }

  function render(plugins) {
    if (!plugins.length) {
      replace(listEl, h('div', { class: 'card empty' }, icon('package'), h('p', { text: t('plugins.none') })));
      return;
    }
    replace(listEl, h('div', { class: 'table-wrap' }, h('table', { class: 'table plugins-table' },
      h('caption', { class: 'visually-hidden', text: t('admin.plugins') }),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: t('plugins.name') }),
        h('th', { scope: 'col', text: t('plugins.version') }),
        h('th', { scope: 'col', text: t('plugins.status') }),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('common.actions') })))),
      h('tbody', null, plugins.map(row)))));
  }

  function row(plugin) {
    const status = String(plugin.status ?? '').toLowerCase();
    const name = plugin.name || plugin.id;
    const active = status === 'active';
    return h('tr', { 'data-plugin': plugin.id },
      h('td', null, h('strong', { text: name }), h('br'), h('code', { class: 'small', text: plugin.id }),
        plugin.description ? h('p', { class: 'small muted plugin-description', text: plugin.description }) : null),
      h('td', { text: plugin.version || '—' }),
      h('td', null, stateBadge(STATUS_KIND[status] ?? 'muted', t(`plugins.status.${status}`)),
        plugin.reason ? h('p', { class: 'small plugin-reason', text: plugin.reason }) : null),
      h('td', { class: 'actions' },
        active
          ? h('button', { class: 'btn btn-sm', type: 'button', 'aria-label': t('plugins.disableNamed', { name }), onClick: () => change(plugin, 'disable', name) }, t('plugins.disable'))
          : h('button', { class: 'btn btn-sm btn-primary', type: 'button', 'aria-label': t('plugins.enableNamed', { name }), onClick: () => change(plugin, 'enable', name) }, t('plugins.enable')),
        ' ',
        h('button', { class: 'btn btn-sm btn-danger', type: 'button', 'aria-label': t('plugins.removeNamed', { name }), onClick: () => remove(plugin, name) }, t('plugins.remove'))));
  }

  async function change(plugin, action, name) {
    if (action === 'disable' && !(await confirmDialog({ title: t('plugins.disableTitle', { name }), message: t('plugins.disableMessage'), confirm: t('plugins.disable'), danger: true }))) return;
    try {
      const info = await api.post(`/api/admin/plugins/${api.seg(plugin.id)}/${action}`);
      const status = String(info?.status ?? '').toLowerCase();
      if (action === 'enable' && status && status !== 'active') toast(t('plugins.enableFailed', { name, reason: info.reason ?? '' }), { kind: 'error' });
      else toast(t(action === 'enable' ? 'plugins.enabled' : 'plugins.disabled', { name }));
      await reload();
    } catch (error) {
      toastError(error);
    }
  }

  async function remove(plugin, name) {
    if (!(await confirmDialog({ title: t('plugins.removeTitle', { name }), message: t('plugins.removeMessage'), confirm: t('plugins.remove'), danger: true }))) return;
    try {
      await api.del(`/api/admin/plugins/${api.seg(plugin.id)}`);
      toast(t('plugins.removed', { name }));
      await reload();
    } catch (error) {
      toastError(error);
    }
  }

  await load();
  return { title: t('admin.plugins') };
}
