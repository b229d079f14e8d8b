// The frame of every administration page: the heading and the tabs of the pages this user may open.
import { h } from '../../dom.js';
import { icon } from '../../icons.js';
import { t } from '../../i18n.js';
import { adminPages } from '../../state.js';

/**
 * Appends the frame to `outlet`; returns the element the page fills.
 * @param {HTMLElement} outlet
 * @param {string} path the current admin page
 */
export function adminFrame(outlet, path) {
  const pages = adminPages();
  const currentPage = pages.find((p) => p.path === path);
  const content = h('div', { class: 'admin-content' });
  outlet.append(h('div', { class: 'page admin' },
    h('p', { class: 'eyebrow', text: t('nav.admin') }),
    h('h1', { text: currentPage ? t(currentPage.key) : t('nav.admin') }),
    h('nav', { class: 'tabs', 'aria-label': t('admin.sections') },
      pages.map((p) => h('a', { href: p.path, 'aria-current': p.path === path ? 'page' : null }, icon(p.icon, { className: 'icon-sm' }), t(p.key)))),
    content));
  return content;
}

/** A state badge with its French word. */
export function stateBadge(kind, text) {
  return h('span', { class: ['badge', `badge-${kind}`], text });
}
