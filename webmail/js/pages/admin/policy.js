// Administration > Règles d'envoi: the emergency stop for pupils, external mail opened per class,
// level or for all pupils, the send rate limits, and the rule table (read as a table; changed as JSON,
// validated by the server).
import * as api from '../../api.js';
import { h, replace, uid } from '../../dom.js';
import { icon } from '../../icons.js';
import { t } from '../../i18n.js';
import { openDialog, confirmDialog } from '../../components/dialog.js';
import { toast, toastError } from '../../components/toast.js';
import { adminFrame } from './frame.js';

export async function mount(outlet) {
  const content = adminFrame(outlet, '/admin/policy');
  const stopCard = h('section', { class: 'card', 'aria-labelledby': 'stop-title' });
  const externalCard = h('section', { class: 'card', 'aria-labelledby': 'external-title' });
  const limitsCard = h('section', { class: 'card', 'aria-labelledby': 'limits-title' });
  const rulesCard = h('section', { class: 'card', 'aria-labelledby': 'rules-title' });
  content.append(stopCard, externalCard, limitsCard, rulesCard);
  let policy = null;

  async function load() {
    try {
      policy = await api.get('/api/admin/policy');
    } catch (error) {
      replace(content, h('p', { class: 'field-error', role: 'alert', text: error.message }));
      return;
    }
    renderStop();
    renderExternal();
    renderLimits();
    renderRules();
  }

  function renderStop() {
    const stopped = Boolean(policy.pupilSendingStopped);
    const id = uid('stop');
    const toggle = h('input', { type: 'checkbox', role: 'switch', id, checked: stopped, onChange: async (e) => {
      const want = e.target.checked;
      e.target.checked = !want;
      if (want && !(await confirmDialog({ title: t('policy.stopConfirmTitle'), message: t('policy.stopConfirmMessage'), confirm: t('policy.stopConfirm'), danger: true }))) return;
      try {
        policy = await api.put('/api/admin/policy/emergency-stop', { stopped: want });
        toast(want ? t('policy.stopped') : t('policy.resumed'));
        renderStop();
      } catch (error) {
        toastError(error);
      }
    } });
    replace(stopCard,
      h('div', { class: 'card-header' }, h('h2', { id: 'stop-title', text: t('policy.stopTitle') }), stopped ? h('span', { class: 'badge badge-danger', text: t('policy.stopOn') }) : null),
      stopped ? h('div', { class: 'banner banner-danger', role: 'status' }, icon('alert'), h('p', { text: t('policy.stopBanner') })) : null,
      h('p', { class: 'muted', text: t('policy.stopHint') }),
      h('label', { class: 'switch switch-danger', for: id }, toggle, h('span', { text: t('policy.stopLabel') })));
  }

  function codeOf(entry) {
    return typeof entry === 'string' ? entry : entry.code ?? entry.id ?? entry.name;
  }
  function labelOf(entry) {
    return typeof entry === 'string' ? entry : entry.label ?? entry.name ?? codeOf(entry);
  }

  async function setExternal(scope, code, open, name) {
    try {
      policy = await api.put('/api/admin/policy/external', { scope, code, open });
      toast(open ? t('policy.externalOpened', { name }) : t('policy.externalClosed', { name }));
      renderExternal();
    } catch (error) {
      toastError(error);
      renderExternal();
    }
  }

  function renderExternal() {
    const external = policy.external ?? { allPupils: false, levels: [], classes: [] };
    const openLevels = new Set((external.levels ?? []).map((l) => String(l).toUpperCase()));
    const openClasses = new Set((external.classes ?? []).map((c) => String(c).toUpperCase()));
    const allId = uid('ext-all');
    const levelSwitch = (entry) => {
      const code = codeOf(entry);
      const id = uid('ext-level');
      return h('label', { class: 'switch', for: id },
        h('input', { type: 'checkbox', role: 'switch', id, checked: openLevels.has(String(code).toUpperCase()), 'data-level': code, onChange: (e) => setExternal('level', code, e.target.checked, t('policy.levelName', { name: labelOf(entry) })) }),
        h('span', { text: labelOf(entry) }));
    };
    const classSwitch = (entry) => {
      const code = codeOf(entry);
      const id = uid('ext-class');
      return h('label', { class: 'switch', for: id },
        h('input', { type: 'checkbox', role: 'switch', id, checked: openClasses.has(String(code).toUpperCase()), 'data-class': code, onChange: (e) => setExternal('class', code, e.target.checked, t('policy.className', { name: labelOf(entry) })) }),
        h('span', { text: labelOf(entry) }));
    };
    replace(externalCard,
      h('div', { class: 'card-header' }, h('h2', { id: 'external-title', text: t('policy.externalTitle') })),
      h('p', { class: 'muted', text: t('policy.externalHint') }),
      h('label', { class: 'switch', for: allId },
        h('input', { type: 'checkbox', role: 'switch', id: allId, checked: Boolean(external.allPupils), onChange: (e) => setExternal('all', undefined, e.target.checked, t('policy.allPupils')) }),
        h('span', { text: t('policy.allPupilsLabel') })),
      h('fieldset', { class: 'switch-grid' }, h('legend', { text: t('policy.byLevel') }),
        (policy.levelsAvailable ?? []).length ? policy.levelsAvailable.map(levelSwitch) : h('p', { class: 'muted', text: t('policy.noLevels') })),
      h('fieldset', { class: 'class-groups' }, h('legend', { text: t('policy.byClass') }),
        (policy.classesAvailable ?? []).length ? classGroups().map(({ title, classes }) => h('div', { class: 'class-group' },
          title ? h('p', { class: 'class-group-title', text: title }) : null,
          h('div', { class: 'switch-grid' }, classes.map(classSwitch)))) : h('p', { class: 'muted', text: t('policy.noClasses') })));
  }

  /** Classes under their level, levels in school order (6e first). */
  function classGroups() {
    const classes = policy.classesAvailable ?? [];
    const levels = policy.levelsAvailable ?? [];
    const groups = levels.map((l) => ({ title: labelOf(l), classes: classes.filter((c) => c.level === codeOf(l)) })).filter((g) => g.classes.length);
    const placed = new Set(groups.flatMap((g) => g.classes));
    const rest = classes.filter((c) => !placed.has(c));
    return rest.length ? [...groups, { title: groups.length ? t('policy.otherClasses') : null, classes: rest }] : groups;
  }

  function renderLimits() {
    const limits = normaliseLimits(policy.rateLimits);
    const inputs = [];
    const error = h('p', { class: 'field-error', role: 'alert' });
    const number = (value, label) => {
      const input = h('input', { class: 'input input-number', type: 'number', min: 0, step: 1, value: String(value ?? 0), 'aria-label': label });
      inputs.push(input);
      return input;
    };
    const rows = limits.map((l) => {
      const who = t(`profile.${l.profile}`);
      const cells = {
        messages: number(l.messages, t('policy.limitMessagesOf', { who })),
        messageMinutes: number(l.messageWindowMinutes, t('policy.limitMessageWindowOf', { who })),
        recipients: number(l.recipients, t('policy.limitRecipientsOf', { who })),
        recipientMinutes: number(l.recipientWindowMinutes, t('policy.limitRecipientWindowOf', { who })),
      };
      return { l, cells, tr: h('tr', null, h('th', { scope: 'row', text: who }),
        h('td', null, cells.messages), h('td', null, cells.messageMinutes), h('td', null, cells.recipients), h('td', null, cells.recipientMinutes)) };
    });
    const form = h('form', {
      novalidate: true,
      onSubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        if (inputs.some((i) => !/^\d+$/.test(i.value))) {
          error.textContent = t('policy.limitsInvalid');
          return;
        }
        const body = rows.map(({ l, cells }) => ({
          profile: l.profile,
          messages: Number(cells.messages.value), messageWindowMinutes: Number(cells.messageMinutes.value),
          recipients: Number(cells.recipients.value), recipientWindowMinutes: Number(cells.recipientMinutes.value),
        }));
        try {
          policy = await api.put('/api/admin/policy/rate-limits', body);
          toast(t('policy.limitsSaved'));
          renderLimits();
        } catch (failure) {
          error.textContent = failure.message;
        }
      },
    },
    h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden', text: t('policy.limitsTitle') }),
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('accounts.profile') }), h('th', { scope: 'col', text: t('policy.limitMessages') }),
        h('th', { scope: 'col', text: t('policy.limitWindow') }), h('th', { scope: 'col', text: t('policy.limitRecipients') }), h('th', { scope: 'col', text: t('policy.limitWindow') }))),
      h('tbody', null, rows.map((r) => r.tr)))),
    error,
    h('div', { class: 'toolbar' }, h('button', { class: 'btn btn-primary', type: 'submit' }, t('common.save')),
      policy.overridden?.rateLimits ? resetButton('rate-limits', t('policy.limitsReset')) : null));
    replace(limitsCard,
      h('div', { class: 'card-header' }, h('h2', { id: 'limits-title', text: t('policy.limitsTitle') })),
      h('p', { class: 'muted', text: t('policy.limitsHint') }),
      form);
  }

  function renderRules() {
    const rules = policy.rules ?? [];
    const listRules = policy.listRules ?? [];
    replace(rulesCard,
      h('div', { class: 'card-header' }, h('h2', { id: 'rules-title', text: t('policy.rulesTitle') }),
        h('div', { class: 'toolbar' },
          policy.overridden?.rules ? resetButton('rules', t('policy.rulesReset')) : null,
          h('button', { class: 'btn btn-sm', type: 'button', onClick: editRules }, icon('pencil', { className: 'icon-sm' }), t('policy.editRules')))),
      h('p', { class: 'muted', text: t('policy.rulesHint') }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table rules-table' },
        h('caption', { class: 'visually-hidden', text: t('policy.rulesTitle') }),
        h('thead', null, h('tr', null, ['policy.ruleId', 'policy.ruleFrom', 'policy.ruleTo', 'policy.ruleRelation', 'policy.ruleDescription'].map((k) => h('th', { scope: 'col', text: t(k) })))),
        h('tbody', null, rules.map((r) => h('tr', null,
          h('td', null, h('code', { text: r.id })), h('td', { text: selector(r.from) }), h('td', { text: selector(r.to) }),
          h('td', { text: t(`relation.${r.relation}`) }), h('td', { text: r.description })))))),
      listRules.length ? [
        h('h3', { class: 'section-title', text: t('policy.listRulesTitle') }),
        h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
          h('caption', { class: 'visually-hidden', text: t('policy.listRulesTitle') }),
          h('thead', null, h('tr', null, ['policy.ruleId', 'policy.ruleFrom', 'policy.lists', 'policy.scope', 'policy.ruleDescription'].map((k) => h('th', { scope: 'col', text: t(k) })))),
          h('tbody', null, listRules.map((r) => h('tr', null,
            h('td', null, h('code', { text: r.id })), h('td', { text: selector(r.from) }),
            h('td', { text: (r.lists ?? []).map((l) => t(`listKind.${l}`)).join(', ') }), h('td', { text: t(`listScope.${r.scope}`) }), h('td', { text: r.description }))))))] : null);
  }

  /** Brings a part back to the configuration (DELETE), after confirmation. */
  function resetButton(part, label) {
    return h('button', { class: 'btn btn-sm', type: 'button', onClick: async () => {
      if (!(await confirmDialog({ title: label, message: t('policy.resetMessage'), confirm: t('policy.resetConfirm') }))) return;
      try {
        policy = await api.del(`/api/admin/policy/${part}`);
        toast(t('policy.resetDone'));
        renderLimits();
        renderRules();
      } catch (error) {
        toastError(error);
      }
    } }, label);
  }

  function selector(s) {
    if (!s) return t('policy.everyone');
    const profiles = s.profiles ?? [];
    const functions = s.functions ?? [];
    const who = profiles.length ? profiles.map((p) => t(`profile.${p}`)).join(', ') : t('policy.everyone');
    return functions.length ? `${who} (${functions.map((f) => t(`function.${f}`)).join(', ')})` : who;
  }

  async function editRules() {
    const saved = await openDialog((close, titleId) => {
      const areaId = uid('rules-json');
      const error = h('p', { class: 'field-error', role: 'alert' });
      const area = h('textarea', { class: 'textarea code-area', id: areaId, rows: 18, spellcheck: 'false', value: JSON.stringify(policy.rules ?? [], null, 2) });
      const form = h('form', { class: 'dialog-body', onSubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        let rules;
        try {
          rules = JSON.parse(area.value);
        } catch {
          error.textContent = t('policy.rulesNotJson');
          return;
        }
        try {
          policy = await api.put('/api/admin/policy/rules', rules);
          close(true);
        } catch (failure) {
          error.textContent = failure.message;
        }
      } },
      h('h2', { id: titleId, text: t('policy.editRules') }),
      h('div', { class: 'field' }, h('label', { for: areaId, text: t('policy.rulesJson') }), area, h('p', { class: 'field-hint', text: t('policy.rulesJsonHint') })),
      error,
      h('div', { class: 'dialog-actions' },
        h('button', { class: 'btn', type: 'button', onClick: () => close(false) }, t('common.cancel')),
        h('button', { class: 'btn btn-primary', type: 'submit' }, t('common.save'))));
      return [form];
    }, { className: 'dialog-wide' });
    if (saved) {
      toast(t('policy.rulesSaved'));
      renderRules();
    }
  }

  await load();
  return { title: t('admin.policy') };
}

/** Rate limits as a list [{profile, messages, messageWindowMinutes, recipients, recipientWindowMinutes}]. */
function normaliseLimits(raw) {
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === 'object') return Object.entries(raw).map(([profile, l]) => ({ profile, ...l }));
  return [];
}
