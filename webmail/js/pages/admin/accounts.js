// Administration > Comptes: search, filter, page through the accounts; create one, suspend,
// reactivate, reset a password (the new password is shown once).
import * as api from '../../api.js';
import { h, replace, uid, debounce } from '../../dom.js';
import { icon } from '../../icons.js';
import { t } from '../../i18n.js';
import { openDialog, confirmDialog, secretDialog } from '../../components/dialog.js';
import { toast, toastError } from '../../components/toast.js';
import { adminFrame, stateBadge } from './frame.js';

const PAGE = 50;
const PROFILES = ['Eleve', 'Responsable', 'Enseignant', 'Personnel', 'AdministrateurEnt'];
const STATES = ['Active', 'NotActivated', 'Suspended', 'Left'];
const FUNCTIONS = ['Direction', 'Cpe', 'VieScolaire', 'Documentaliste', 'PsyEn', 'AssistantSocial', 'Infirmier', 'Secretariat', 'Agent', 'SupportAcademique'];
const STATE_KIND = { Active: 'success', NotActivated: 'muted', Suspended: 'danger', Left: 'warning' };

export async function mount(outlet) {
  const content = adminFrame(outlet, '/admin/accounts');
  let filters = { q: '', profile: '', state: '' };
  let offset = 0;
  let total = 0;

  const qId = uid('q');
  const profileId = uid('profile');
  const stateId = uid('state');
  const q = h('input', { class: 'input', id: qId, type: 'search', autocomplete: 'off', placeholder: t('accounts.searchPlaceholder') });
  const profile = h('select', { class: 'select', id: profileId }, h('option', { value: '', text: t('accounts.allProfiles') }), PROFILES.map((p) => h('option', { value: p, text: t(`profile.${p}`) })));
  const stateSelect = h('select', { class: 'select', id: stateId }, h('option', { value: '', text: t('accounts.allStates') }), STATES.map((s) => h('option', { value: s, text: t(`state.${s}`) })));
  const reload = () => { offset = 0; load(); };
  const search = debounce(() => { filters.q = q.value.trim(); reload(); }, 300);
  q.addEventListener('input', search);
  profile.addEventListener('change', () => { filters.profile = profile.value; reload(); });
  stateSelect.addEventListener('change', () => { filters.state = stateSelect.value; reload(); });

  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' });
  const summary = h('p', { class: 'small muted', role: 'status' });
  const pager = h('div', { class: 'toolbar pager' });

  content.append(
    h('div', { class: 'toolbar admin-toolbar' },
      h('form', { role: 'search', class: 'inline-fields grow', onSubmit: (e) => { e.preventDefault(); search.flush(); } },
        h('div', { class: 'field' }, h('label', { for: qId, text: t('accounts.search') }), q),
        h('div', { class: 'field' }, h('label', { for: profileId, text: t('accounts.profile') }), profile),
        h('div', { class: 'field' }, h('label', { for: stateId, text: t('accounts.state') }), stateSelect)),
      h('button', { class: 'btn btn-primary', type: 'button', onClick: create }, icon('plus'), t('accounts.create'))),
    summary,
    results,
    pager);

  async function load() {
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await api.get('/api/admin/accounts', { ...filters, offset, limit: PAGE });
      total = page.total;
      render(page.items);
    } catch (error) {
      replace(results, h('p', { class: 'field-error', role: 'alert', text: error.message }));
    }
    results.setAttribute('aria-busy', 'false');
  }

  function render(items) {
    summary.textContent = total ? t('accounts.summary', { from: offset + 1, to: offset + items.length, count: total }) : '';
    if (!items.length) {
      replace(results, h('div', { class: 'empty' }, icon('users'), h('p', { text: t('accounts.none') })));
      replace(pager);
      return;
    }
    replace(results, h('div', { class: 'table-wrap' }, h('table', { class: 'table accounts-table' },
      h('caption', { class: 'visually-hidden', text: t('admin.accounts') }),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: t('accounts.name') }),
        h('th', { scope: 'col', text: t('accounts.profile') }),
        h('th', { scope: 'col', class: 'hide-phone', text: t('accounts.classes') }),
        h('th', { scope: 'col', text: t('accounts.state') }),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('common.actions') })))),
      h('tbody', null, items.map(row)))));
    replace(pager,
      h('button', { class: 'btn btn-sm', type: 'button', disabled: offset === 0, onClick: () => { offset = Math.max(0, offset - PAGE); load(); } }, t('common.previous')),
      h('button', { class: 'btn btn-sm', type: 'button', disabled: offset + PAGE >= total, onClick: () => { offset += PAGE; load(); } }, t('common.next')));
  }

  function row(account) {
    const name = account.displayName || `${account.firstName ?? ''} ${account.lastName ?? ''}`.trim() || account.login;
    const suspended = account.state === 'Suspended';
    return h('tr', { 'data-login': account.login },
      h('td', null, h('strong', { text: name }), h('br'), h('code', { text: account.login })),
      h('td', null, t(`profile.${account.profile}`), account.function && account.function !== 'None' ? h('span', { class: 'muted', text: ` · ${t(`function.${account.function}`)}` }) : null),
      h('td', { class: 'hide-phone', text: (account.classes ?? []).join(', ') }),
      h('td', null, stateBadge(STATE_KIND[account.state] ?? 'muted', t(`state.${account.state}`))),
      h('td', { class: 'actions' },
        suspended
          ? h('button', { class: 'btn btn-sm', type: 'button', 'aria-label': t('accounts.reactivateNamed', { name }), onClick: () => change(account, 'reactivate', name) }, t('accounts.reactivate'))
          : h('button', { class: 'btn btn-sm btn-danger', type: 'button', disabled: account.state === 'Left', 'aria-label': t('accounts.suspendNamed', { name }), onClick: () => change(account, 'suspend', name) }, t('accounts.suspend')),
        ' ',
        h('button', { class: 'btn btn-sm', type: 'button', 'aria-label': t('accounts.resetNamed', { name }), onClick: () => reset(account, name) }, t('accounts.reset'))));
  }

  async function change(account, action, name) {
    const suspend = action === 'suspend';
    const ok = await confirmDialog({
      title: t(suspend ? 'accounts.suspendTitle' : 'accounts.reactivateTitle', { name }),
      message: t(suspend ? 'accounts.suspendMessage' : 'accounts.reactivateMessage'),
      confirm: t(suspend ? 'accounts.suspend' : 'accounts.reactivate'), danger: suspend,
    });
    if (!ok) return;
    try {
      await api.post(`/api/admin/accounts/${api.seg(account.login)}/${action}`);
      toast(t(suspend ? 'accounts.suspended' : 'accounts.reactivated', { name }));
      load();
    } catch (error) {
      toastError(error);
    }
  }

  async function reset(account, name) {
    const ok = await confirmDialog({ title: t('accounts.resetTitle', { name }), message: t('accounts.resetMessage'), confirm: t('accounts.reset') });
    if (!ok) return;
    try {
      const result = await api.post(`/api/admin/accounts/${api.seg(account.login)}/reset-password`);
      await secretDialog({ title: t('accounts.newPasswordTitle', { name }), message: t('accounts.newPasswordMessage', { login: account.login }), secret: result.password });
      load();
    } catch (error) {
      toastError(error);
    }
  }

  async function create() {
    const created = await openDialog((close, titleId) => {
      const ids = { first: uid('first'), last: uid('last'), profile: uid('new-profile'), fn: uid('function'), login: uid('login') };
      const error = h('p', { class: 'field-error', role: 'alert' });
      const fnField = h('div', { class: 'field', hidden: true }, h('label', { for: ids.fn, text: t('accounts.function') }),
        h('select', { class: 'select', id: ids.fn, name: 'function' }, FUNCTIONS.map((f) => h('option', { value: f, text: t(`function.${f}`) }))));
      const profileSelect = h('select', { class: 'select', id: ids.profile, name: 'profile', onChange: (e) => { fnField.hidden = e.target.value !== 'Personnel'; } },
        PROFILES.map((p) => h('option', { value: p, text: t(`profile.${p}`) })));
      const form = h('form', {
        class: 'dialog-body', novalidate: true,
        onSubmit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          const data = new FormData(form);
          const body = {
            firstName: String(data.get('firstName')).trim(), lastName: String(data.get('lastName')).trim(),
            profile: String(data.get('profile')), login: String(data.get('login')).trim() || undefined,
            function: data.get('profile') === 'Personnel' ? String(data.get('function')) : undefined,
          };
          if (!body.firstName || !body.lastName) {
            error.textContent = t('accounts.nameMissing');
            return;
          }
          try {
            close(await api.post('/api/admin/accounts', body));
          } catch (failure) {
            error.textContent = failure.message;
          }
        },
      },
      h('h2', { id: titleId, text: t('accounts.create') }),
      h('div', { class: 'inline-fields' },
        h('div', { class: 'field' }, h('label', { for: ids.first, text: t('accounts.firstName') }), h('input', { class: 'input', id: ids.first, name: 'firstName', required: true, autocomplete: 'off' })),
        h('div', { class: 'field' }, h('label', { for: ids.last, text: t('accounts.lastName') }), h('input', { class: 'input', id: ids.last, name: 'lastName', required: true, autocomplete: 'off' }))),
      h('div', { class: 'field' }, h('label', { for: ids.profile, text: t('accounts.profile') }), profileSelect),
      fnField,
      h('div', { class: 'field' }, h('label', { for: ids.login, text: t('accounts.login') }), h('input', { class: 'input', id: ids.login, name: 'login', autocomplete: 'off', autocapitalize: 'none' }), h('p', { class: 'field-hint', text: t('accounts.loginHint') })),
      error,
      h('div', { class: 'dialog-actions' },
        h('button', { class: 'btn', type: 'button', onClick: () => close(null) }, t('common.cancel')),
        h('button', { class: 'btn btn-primary', type: 'submit' }, t('accounts.createConfirm'))));
      return [form];
    });
    if (!created) return;
    await secretDialog({
      title: t('accounts.createdTitle', { login: created.login }),
      message: t('accounts.newPasswordMessage', { login: created.login }),
      secret: created.initialPassword,
    });
    load();
  }

  await load();
  return { title: t('admin.accounts') };
}
