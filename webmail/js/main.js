// The webmail's entry point: restores the session, builds the shell, maps routes to pages (each page a
// module loaded on first use), follows the server's events and the global shortcuts.
import * as api from './api.js';
import { replace, isTyping, debounce } from './dom.js';
import { setLanguage, initialLanguage, onLanguageChange, language } from './i18n.js';
import { route, start, navigate, current } from './router.js';
import { state, on, refreshFolders, refreshModules, hasRight, adminPages, ADMIN_PAGES } from './state.js';
import { connectEvents, disconnectEvents } from './events.js';
import { mountShell } from './components/shell.js';
import { showShortcuts } from './components/shortcuts-help.js';
import { toastError } from './components/toast.js';

route('/', 'home');
route('/login', 'login');
route('/activation', 'activation');
route('/mail', 'mail');
route('/mail/:folder', 'mail');
route('/mail/:folder/:message', 'mail');
route('/compose', 'mail');
route('/settings', 'settings');
route('/admin', 'admin');
route('/admin/accounts', 'admin-accounts');
route('/admin/policy', 'admin-policy');
route('/admin/services', 'admin-services');
route('/admin/plugins', 'admin-plugins');
route('/admin/audit', 'admin-audit');
route('/modules/:id', 'module');

const PAGES = {
  home: () => import('./pages/home.js'),
  login: () => import('./pages/login.js'),
  activation: () => import('./pages/activation.js'),
  mail: () => import('./pages/mail.js'),
  settings: () => import('./pages/settings.js'),
  'admin-accounts': () => import('./pages/admin/accounts.js'),
  'admin-policy': () => import('./pages/admin/policy.js'),
  'admin-services': () => import('./pages/admin/services.js'),
  'admin-plugins': () => import('./pages/admin/plugins.js'),
  'admin-audit': () => import('./pages/admin/audit.js'),
  module: () => import('./pages/module.js'),
  'not-found': () => import('./pages/not-found.js'),
  forbidden: () => import('./pages/not-found.js'),
};

// Pages shown without the shell; every other page needs a session. `activation` opens signed in too.
const PUBLIC = new Set(['login', 'activation']);

const root = document.getElementById('app');
let shell = null;
let page = null; // {name, instance}
let returnTo = null;
let rendering = Promise.resolve();

async function boot() {
  setLanguage(initialLanguage());
  document.documentElement.lang = language();
  api.setUnauthorizedHandler(sessionEnded);
  try {
    const session = await api.get('/api/session', null, { allow401: true });
    await enterSession(session);
  } catch (error) {
    if (error.status !== 401) toastError(error);
    state.session = null;
  }
  onLanguageChange(() => rerender());
  on('mail', onServerEvent);
  document.addEventListener('keydown', globalKeys);
  start((r) => { rendering = rendering.then(() => render(r)).catch(toastError); });
}

/** Called by the login page with POST /api/session's answer, and at boot with GET's. */
async function enterSession(session) {
  state.session = { rights: [], ...session };
  api.setCsrfToken(session.csrfToken);
  if (session.language) setLanguage(session.language);
  await Promise.allSettled([refreshModules(), refreshFolders()]);
  connectEvents();
}

/** After signing in: back where the user was going. */
function afterSignIn() {
  const target = returnTo && returnTo !== '/login' ? returnTo : '/';
  returnTo = null;
  navigate(target, { replace: true });
}

async function signOut() {
  try {
    await api.del('/api/session');
  } catch (error) {
    if (error.status !== 401) toastError(error);
  }
  leaveSession();
  navigate('/login', { replace: true });
}

function leaveSession() {
  disconnectEvents();
  state.session = null;
  state.folders = [];
  state.modules = [];
  state.settings = null;
  api.setCsrfToken(null);
  destroyPage();
  shell?.destroy();
  shell = null;
}

function sessionEnded() {
  if (!state.session) return;
  returnTo = location.pathname + location.search;
  leaveSession();
  sessionStorage.setItem('preau.expired', '1');
  navigate('/login', { replace: true });
}

function destroyPage() {
  page?.instance?.destroy?.();
  page = null;
}

async function render(r) {
  if (!state.session && !PUBLIC.has(r.name)) {
    returnTo = location.pathname + location.search;
    history.replaceState(null, '', '/login');
    r = current();
  }
  if (state.session && r.name === 'login') {
    history.replaceState(null, '', '/');
    r = current();
  }
  if (r.name === 'admin') {
    const first = adminPages()[0];
    history.replaceState(null, '', first ? first.path : '/');
    r = current();
  }
  let name = r.name;
  const adminPage = ADMIN_PAGES.find((p) => `admin-${p.path.split('/').pop()}` === name);
  if (adminPage && !hasRight(adminPage.right)) name = 'forbidden';

  if (PUBLIC.has(name)) {
    shell?.destroy();
    shell = null;
  } else if (!shell) {
    shell = mountShell(root, { onSignOut: signOut });
  }
  shell?.setActive(location.pathname);

  if (page && page.name === name && page.instance?.update) {
    await page.instance.update(r);
    return;
  }
  destroyPage();
  const module = await PAGES[name]();
  const outlet = shell ? shell.main : root;
  replace(outlet);
  root.removeAttribute('aria-busy');
  const instance = await module.mount(outlet, { ...r, name, forbidden: name === 'forbidden' }, { enterSession, afterSignIn, signOut });
  page = { name, instance };
  document.title = instance?.title ? `${instance.title} – Préau` : 'Préau';
  // A new page: focus its heading so screen readers announce it and Tab starts from there, unless the
  // page already put the focus where the user works (the composer's first field).
  const heading = outlet.querySelector('h1');
  const placed = document.activeElement instanceof HTMLElement && document.activeElement !== outlet && outlet.contains(document.activeElement);
  if (heading && !PUBLIC.has(name) && !placed) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function rerender() {
  if (!state.session) {
    destroyPage();
    render(current());
    return;
  }
  destroyPage();
  shell?.destroy();
  shell = null;
  render(current()).catch(toastError);
}

const refreshSoon = debounce(() => refreshFolders().catch(() => {}), 400);
function onServerEvent() {
  refreshSoon();
}

function globalKeys(event) {
  if (!state.session || event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || document.querySelector('dialog[open]')) return;
  if (event.key === '?') {
    event.preventDefault();
    showShortcuts();
  } else if (event.key === 'c' && page?.name !== 'mail') {
    event.preventDefault();
    navigate('/compose');
  }
}

boot();
