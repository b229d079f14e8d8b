// Sign-in: login and password, the server's refusal read out, a language choice before signing in.
import * as api from '../api.js';
import { h, uid } from '../dom.js';
import { icon } from '../icons.js';
import { t, LANGUAGES, language, setLanguage } from '../i18n.js';

export async function mount(outlet, route, app) {
  const loginId = uid('login');
  const passwordId = uid('password');
  const errorId = uid('login-error');
  const error = h('p', { class: 'field-error', id: errorId, role: 'alert' });
  const loginInput = h('input', { class: 'input', id: loginId, name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false', value: route.query?.login ?? '' });
  const passwordInput = h('input', { class: 'input', id: passwordId, name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, t('login.submit'));
  const expired = sessionStorage.getItem('preau.expired') === '1';
  sessionStorage.removeItem('preau.expired');

  const form = h('form', {
    class: 'login-form', novalidate: true, 'aria-describedby': errorId,
    onSubmit: async (event) => {
      event.preventDefault();
      error.textContent = '';
      if (!loginInput.value.trim() || !passwordInput.value) {
        error.textContent = t('login.missing');
        (loginInput.value.trim() ? passwordInput : loginInput).focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = t('login.signingIn');
      try {
        const session = await api.post('/api/session', { login: loginInput.value.trim(), password: passwordInput.value }, { allow401: true });
        await app.enterSession(session);
        app.afterSignIn();
      } catch (failure) {
        error.textContent = failure.message;
        passwordInput.value = '';
        passwordInput.setAttribute('aria-invalid', 'true');
        passwordInput.focus();
        submit.disabled = false;
        submit.textContent = t('login.submit');
      }
    },
  },
  expired ? h('div', { class: 'banner banner-info', role: 'status' }, icon('lock'), h('p', { text: t('login.expired') })) : null,
  h('div', { class: 'field' }, h('label', { for: loginId, text: t('login.login') }), loginInput, h('p', { class: 'field-hint', text: t('login.loginHint') })),
  h('div', { class: 'field' }, h('label', { for: passwordId, text: t('login.password') }), passwordInput),
  error,
  submit);

  // « Première connexion ? » only when the directory plugin answers (a 404 otherwise: no link).
  const activation = h('p', { class: 'activation-links', hidden: true });
  api.get('/api/plugins/Preau.Plugins.Directory/activate', null, { allow401: true })
    .then((info) => {
      if (!info?.available) return;
      const link = h('a', { href: '/activation', text: t('login.activate') });
      const follow = () => {
        const login = loginInput.value.trim();
        link.setAttribute('href', login ? `/activation?login=${encodeURIComponent(login)}` : '/activation');
      };
      loginInput.addEventListener('input', follow);
      follow();
      activation.append(t('login.firstTime'), ' ', link);
      activation.hidden = false;
    })
    .catch(() => {});

  const languageId = uid('language');
  const languageSelect = h('select', { class: 'select', id: languageId, onChange: (e) => setLanguage(e.target.value) },
    LANGUAGES.map((l) => h('option', { value: l.code, selected: l.code === language(), lang: l.code }, l.name)));

  outlet.append(h('main', { id: 'main', class: 'login' },
    h('div', { class: 'login-card card' },
      h('div', { class: 'login-brand' }, h('img', { src: '/assets/preau.svg', alt: '' }), h('span', { text: 'Préau' })),
      h('h1', { text: t('login.title') }),
      h('p', { class: 'muted', text: t('login.intro') }),
      form,
      activation,
      h('div', { class: 'login-footer' },
        h('label', { for: languageId, class: 'small', text: t('login.language') }), languageSelect))));
  (loginInput.value ? passwordInput : loginInput).focus();
  return { title: t('login.title') };
}
