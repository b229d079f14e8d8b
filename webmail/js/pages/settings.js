// Settings: language, signature, the outside address told about new mail, the password; and the
// keyboard shortcuts for reference.
import * as api from '../api.js';
import { h, uid } from '../dom.js';
import { icon } from '../icons.js';
import { t, LANGUAGES, setLanguage, language } from '../i18n.js';
import { state, loadSettings } from '../state.js';
import { shortcutsList } from '../components/shortcuts-help.js';
import { toast } from '../components/toast.js';

export async function mount(outlet) {
  let settings;
  try {
    settings = await loadSettings(true);
  } catch (error) {
    outlet.append(h('div', { class: 'page page-narrow' }, h('h1', { text: t('settings.title') }), h('p', { class: 'field-error', role: 'alert', text: error.message })));
    return { title: t('settings.title') };
  }

  const signatureId = uid('signature');
  const notifyId = uid('notify');
  const notifyHint = uid('notify-hint');
  const prefsError = h('p', { class: 'field-error', role: 'alert' });
  const signature = h('textarea', { class: 'textarea', id: signatureId, rows: 4, value: settings.signature ?? '' });
  const notify = h('input', { class: 'input', id: notifyId, type: 'email', autocomplete: 'email', value: settings.notificationAddress ?? '', 'aria-describedby': notifyHint });
  const languageName = uid('language');
  const prefs = h('form', {
    class: 'card', 'aria-labelledby': 'prefs-title', novalidate: true,
    onSubmit: async (e) => {
      e.preventDefault();
      prefsError.textContent = '';
      notify.removeAttribute('aria-invalid');
      const chosen = prefs.querySelector(`input[name="${languageName}"]:checked`)?.value ?? language();
      if (notify.value.trim() && !notify.checkValidity()) {
        prefsError.textContent = t('settings.notifyInvalid');
        notify.setAttribute('aria-invalid', 'true');
        notify.focus();
        return;
      }
      try {
        const saved = await api.put('/api/settings', { signature: signature.value, notificationAddress: notify.value.trim() || null, language: chosen });
        state.settings = saved ?? { signature: signature.value, notificationAddress: notify.value.trim() || null, language: chosen };
        if (state.session) state.session.language = chosen;
        if (chosen !== language()) {
          setLanguage(chosen); // re-renders the page in the new language
          toast(t('settings.saved'));
          return;
        }
        toast(t('settings.saved'));
      } catch (error) {
        prefsError.textContent = error.message;
      }
    },
  },
  h('h2', { id: 'prefs-title', text: t('settings.preferences') }),
  h('fieldset', null, h('legend', { text: t('settings.language') }),
    LANGUAGES.map((l) => h('label', { class: 'check check-inline', lang: l.code }, h('input', { type: 'radio', name: languageName, value: l.code, checked: l.code === (settings.language ?? language()) }), l.name))),
  h('div', { class: 'field' }, h('label', { for: signatureId, text: t('settings.signature') }), signature, h('p', { class: 'field-hint', text: t('settings.signatureHint') })),
  h('div', { class: 'field' }, h('label', { for: notifyId, text: t('settings.notify') }), notify, h('p', { class: 'field-hint', id: notifyHint, text: t('settings.notifyHint') })),
  prefsError,
  h('button', { class: 'btn btn-primary', type: 'submit' }, t('common.save')));

  const currentId = uid('current');
  const nextId = uid('next');
  const confirmId = uid('confirm');
  const passwordError = h('p', { class: 'field-error', role: 'alert' });
  const current = h('input', { class: 'input', id: currentId, type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { class: 'input', id: nextId, type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const confirm = h('input', { class: 'input', id: confirmId, type: 'password', autocomplete: 'new-password', required: true });
  const password = h('form', {
    class: 'card', 'aria-labelledby': 'password-title', novalidate: true,
    onSubmit: async (e) => {
      e.preventDefault();
      passwordError.textContent = '';
      if (!current.value || !next.value) {
        passwordError.textContent = t('settings.passwordMissing');
        return;
      }
      if (next.value !== confirm.value) {
        passwordError.textContent = t('settings.passwordMismatch');
        confirm.setAttribute('aria-invalid', 'true');
        confirm.focus();
        return;
      }
      try {
        await api.post('/api/settings/password', { current: current.value, new: next.value });
        password.reset();
        toast(t('settings.passwordChanged'));
      } catch (error) {
        passwordError.textContent = error.message;
      }
    },
  },
  h('h2', { id: 'password-title', text: t('settings.password') }),
  h('p', { class: 'muted small', text: t('settings.passwordHint') }),
  h('div', { class: 'field' }, h('label', { for: currentId, text: t('settings.currentPassword') }), current),
  h('div', { class: 'field' }, h('label', { for: nextId, text: t('settings.newPassword') }), next),
  h('div', { class: 'field' }, h('label', { for: confirmId, text: t('settings.confirmPassword') }), confirm),
  passwordError,
  h('button', { class: 'btn btn-primary', type: 'submit' }, icon('lock'), t('settings.changePassword')));

  outlet.append(h('div', { class: 'page page-narrow settings' },
    h('h1', { text: t('settings.title') }),
    prefs,
    password,
    h('section', { class: 'card', 'aria-labelledby': 'shortcuts-title' },
      h('h2', { id: 'shortcuts-title', text: t('shortcuts.title') }), h('p', { class: 'muted small', text: t('shortcuts.intro') }), shortcutsList())));
  return { title: t('settings.title') };
}
