// Account activation, signed out: the login and the code from the sheet the school handed out, a new
// password typed twice → POST to the directory plugin's anonymous `activate`. The server's French
// reasons are shown as they come, tied to the field they are about; on success the page says the
// account is active, with its address, and offers to sign in with the login filled in.
import * as api from '../api.js';
import { h, uid, replace } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';

const ACTIVATE = '/api/plugins/Preau.Plugins.Directory/activate';

export async function mount(outlet, route) {
  const card = h('div', { class: 'login-card card' });
  outlet.append(h('main', { id: 'main', class: 'login' }, card));

  let info = null;
  try {
    info = await api.get(ACTIVATE, null, { allow401: true });
  } catch {
    info = null;
  }
  if (!info?.available) {
    replace(card, brand(),
      h('h1', { text: t('activation.title') }),
      h('p', { class: 'banner banner-info', role: 'status', text: t('activation.unavailable') }),
      h('p', { class: 'activation-links' }, h('a', { href: '/login', text: t('activation.backToLogin') })));
    return { title: t('activation.title') };
  }

  const errorId = uid('activation-error');
  const error = h('p', { class: 'field-error', id: errorId, role: 'alert' });
  const fields = {
    login: field('login', t('activation.login'), t('activation.loginHint'),
      { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', value: route.query?.login ?? '' }),
    code: field('code', t('activation.code'), t('activation.codeHint'),
      { autocomplete: 'one-time-code', autocapitalize: 'characters', spellcheck: 'false', maxlength: 64 }),
    password: field('password', t('activation.password'), info.passwordRules || t('activation.passwordHint'),
      { type: 'password', autocomplete: 'new-password' }),
    confirm: field('confirm', t('activation.confirm'), null, { type: 'password', autocomplete: 'new-password' }),
  };
  const submit = h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, t('activation.submit'));

  /** Shows `message`, tied to the fields it is about (aria-invalid, aria-describedby), focusing the first. */
  function showError(message, names) {
    error.textContent = message;
    for (const [name, f] of Object.entries(fields)) {
      const concerned = names.includes(name);
      if (concerned) f.input.setAttribute('aria-invalid', 'true');
      else f.input.removeAttribute('aria-invalid');
      f.input.setAttribute('aria-describedby', [f.hintId, concerned ? errorId : null].filter(Boolean).join(' '));
    }
    (names.length ? fields[names[0]].input : submit).focus();
  }

  const form = h('form', {
    class: 'login-form', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, name === 'password' || name === 'confirm' ? f.input.value : f.input.value.trim()]));
      const empty = Object.keys(fields).filter((name) => !values[name]);
      if (empty.length) {
        showError(t('activation.missing'), empty);
        return;
      }
      if (values.password !== values.confirm) {
        fields.confirm.input.value = '';
        showError(t('activation.mismatch'), ['confirm']);
        return;
      }
      showError('', []);
      submit.disabled = true;
      submit.textContent = t('activation.submitting');
      try {
        const done = await api.post(ACTIVATE, { login: values.login, code: values.code, password: values.password }, { allow401: true });
        showDone(done);
      } catch (failure) {
        const field = failure.body?.field;
        if (field === 'password') {
          fields.password.input.value = '';
          fields.confirm.input.value = '';
        }
        showError(failure.message, field === 'password' ? ['password', 'confirm'] : field === 'code' ? ['code', 'login'] : []);
        submit.disabled = false;
        submit.textContent = t('activation.submit');
      }
    },
  },
  Object.values(fields).map((f) => f.element),
  error,
  submit);

  /** The account is active: say so with its address, and offer to sign in. */
  function showDone(done) {
    const heading = h('h1', { tabindex: '-1', text: t('activation.doneTitle') });
    replace(card, brand(),
      h('div', { class: 'activation-done', role: 'status' },
        heading,
        h('div', { class: 'banner banner-success' }, icon('check'), h('p', { text: t('activation.done') })),
        h('p', {}, t('activation.address'), ' ', h('strong', { class: 'activation-address', text: done.address }))),
      h('a', { class: 'btn btn-primary btn-block', href: `/login?login=${encodeURIComponent(done.login)}`, text: t('activation.signIn') }));
    document.title = `${t('activation.doneTitle')} – Préau`;
    heading.focus();
  }

  replace(card, brand(),
    h('h1', { text: t('activation.title') }),
    h('p', { class: 'muted', text: t('activation.intro') }),
    form,
    h('p', { class: 'activation-links' }, h('a', { href: '/login', text: t('activation.backToLogin') })));
  (fields.login.input.value ? fields.code.input : fields.login.input).focus();
  return { title: t('activation.title') };
}

function brand() {
  return h('div', { class: 'login-brand' }, h('img', { src: '/assets/preau.svg', alt: '' }), h('span', { text: 'Préau' }));
}

/** A labelled input with its optional hint (aria-describedby). */
function field(name, label, hint, props) {
  const id = uid(`activation-${name}`);
  const hintId = hint ? uid(`activation-${name}-hint`) : null;
  const input = h('input', { class: 'input', id, name, required: true, 'aria-describedby': hintId, ...props });
  const element = h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    input,
    hint ? h('p', { class: 'field-hint', id: hintId, text: hint }) : null);
  return { input, hintId, element };
}
