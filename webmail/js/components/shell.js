// The frame around every page once signed in: the header (brand, compose, help, user menu), the
// navigation rail (a drawer on phones and tablets) and the <main> landmark pages render into.
import { h, replace } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { state, on, adminPages, specialFolder } from '../state.js';
import { showShortcuts } from './shortcuts-help.js';

/**
 * Builds the shell into `root`; returns {main, setActive(path), destroy()}.
 * @param {HTMLElement} root
 * @param {{onSignOut: () => void}} actions
 */
export function mountShell(root, actions) {
  const main = h('main', { id: 'main', class: 'app-main', tabindex: '-1' });
  const rail = h('nav', { class: 'app-rail', id: 'app-nav', 'aria-label': t('nav.label') });
  const menuToggle = h('button', {
    class: 'btn btn-ghost btn-icon menu-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'app-nav',
    'aria-label': t('nav.open'), onClick: () => toggleNav(),
  }, icon('menu'));
  const userMenu = buildUserMenu(actions);
  const header = h('header', { class: 'app-header on-dark' },
    menuToggle,
    h('a', { class: 'brand', href: '/' }, h('img', { src: '/assets/preau.svg', alt: '' }), h('span', { text: 'Préau' })),
    h('span', { class: 'spacer' }),
    h('a', { class: 'btn btn-primary-inverse', href: '/compose', 'aria-keyshortcuts': 'c' }, icon('pencil'), h('span', { class: 'btn-label', text: t('mail.compose') })),
    h('button', { class: 'btn btn-ghost btn-icon hide-phone', type: 'button', 'aria-label': t('shortcuts.title'), 'aria-keyshortcuts': 'Shift+?', onClick: showShortcuts }, icon('keyboard')),
    userMenu.element);
  const backdrop = h('div', { class: 'drawer-backdrop', onClick: () => toggleNav(false) });
  const app = h('div', { class: 'app' }, header, rail, main, backdrop);
  replace(root, app);
  root.removeAttribute('aria-busy');

  let activePath = location.pathname;
  function toggleNav(open = !app.classList.contains('nav-open')) {
    app.classList.toggle('nav-open', open);
    menuToggle.setAttribute('aria-expanded', String(open));
    menuToggle.setAttribute('aria-label', open ? t('nav.close') : t('nav.open'));
    if (open) rail.querySelector('a')?.focus();
  }

  function link(path, key, iconName, extra) {
    const current = path === '/' ? activePath === '/' : activePath === path || activePath.startsWith(`${path}/`) || (path === '/mail' && activePath === '/compose');
    return h('li', null, h('a', { class: 'nav-link', href: path, 'aria-current': current ? 'page' : null, onClick: () => toggleNav(false) },
      icon(iconName), h('span', { text: key.startsWith('plugin:') ? key.slice(7) : t(key) }), extra ?? null));
  }

  function renderRail() {
    const inbox = specialFolder('inbox');
    const unread = inbox?.unread ?? 0;
    const badge = unread > 0 ? h('span', { class: 'badge', 'aria-label': t('mail.unreadCount', { count: unread }) }, unread > 999 ? '999+' : String(unread)) : null;
    const admin = adminPages();
    replace(rail,
      h('ul', null,
        link('/', 'nav.home', 'home'),
        link('/mail', 'nav.mail', 'mail', badge),
        state.modules.map((m) => link(`/modules/${encodeURIComponent(m.id)}`, `plugin:${m.label}`, 'package')),
        link('/settings', 'nav.settings', 'settings')),
      admin.length ? [
        h('p', { class: 'rail-heading', id: 'rail-admin', text: t('nav.admin') }),
        h('ul', { 'aria-labelledby': 'rail-admin' }, admin.map((p) => link(p.path, p.key, p.icon))),
      ] : null);
  }

  renderRail();
  const offFolders = on('folders', renderRail);
  const offModules = on('modules', renderRail);
  const onKey = (e) => { if (e.key === 'Escape' && app.classList.contains('nav-open')) toggleNav(false); };
  document.addEventListener('keydown', onKey);

  return {
    main,
    setActive(path) {
      activePath = path;
      renderRail();
      userMenu.close();
    },
    destroy() {
      offFolders();
      offModules();
      document.removeEventListener('keydown', onKey);
    },
  };
}

function buildUserMenu(actions) {
  const list = h('ul', { class: 'menu-list', id: 'user-menu', role: 'menu', hidden: true },
    h('li', { role: 'none' }, h('a', { role: 'menuitem', href: '/settings', onClick: () => close() }, icon('settings'), t('nav.settings'))),
    h('li', { role: 'none' }, h('button', { role: 'menuitem', type: 'button', onClick: () => { close(); actions.onSignOut(); } }, icon('logout'), t('nav.signOut'))));
  const button = h('button', {
    class: 'btn btn-ghost', type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'user-menu',
    onClick: () => (list.hidden ? open() : close()),
  }, icon('user'), h('span', { class: 'user-name', text: state.session?.displayName ?? '' }), h('span', { class: 'visually-hidden', text: t('nav.userMenu') }), icon('chevron-down', { className: 'icon-sm' }));
  const element = h('div', { class: 'menu' }, button, list);

  function open() {
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    list.querySelector('[role="menuitem"]')?.focus();
    document.addEventListener('click', outside, true);
  }
  function close() {
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', outside, true);
  }
  function outside(e) {
    if (!element.contains(e.target)) close();
  }
  list.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll('[role="menuitem"]')];
    const index = items.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); items[(index + 1) % items.length].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); items[(index - 1 + items.length) % items.length].focus(); }
    if (e.key === 'Escape') { e.preventDefault(); close(); button.focus(); }
  });
  return { element, close };
}
