// A route that does not exist, or a page the user has no right to open.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export async function mount(outlet, route) {
  const forbidden = route.forbidden;
  outlet.append(h('div', { class: 'page page-narrow' },
    h('h1', { text: forbidden ? t('error.forbiddenTitle') : t('error.notFoundTitle') }),
    h('p', { text: forbidden ? t('error.forbidden') : t('error.notFound') }),
    h('a', { class: 'btn btn-primary', href: '/' }, t('nav.backHome'))));
  return { title: forbidden ? t('error.forbiddenTitle') : t('error.notFoundTitle') };
}
