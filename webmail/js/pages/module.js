// A plugin's section of the webmail: its module (GET /api/ui/modules) is imported and mounted here.
// The module exports `mount(element, context)` (and may return a cleanup function or {destroy}); the
// context gives it the API client (CSRF included), the language, the translator and the user.
import * as api from '../api.js';
import { h } from '../dom.js';
import { t, language } from '../i18n.js';
import { state } from '../state.js';

export async function mount(outlet, route) {
  const module = state.modules.find((m) => m.id === route.params.id);
  const container = h('div', { class: 'plugin-module', 'data-plugin': route.params.id });
  const page = h('div', { class: 'page' }, h('h1', { text: module?.label ?? t('error.notFoundTitle') }), container);
  outlet.append(page);
  if (!module) {
    container.append(h('p', { text: t('module.missing') }));
    return { title: t('error.notFoundTitle') };
  }
  let cleanup = null;
  try {
    const code = await import(module.entry);
    const start = code.mount ?? code.default?.mount ?? (typeof code.default === 'function' ? code.default : null);
    if (!start) {
      container.append(h('p', { class: 'muted', text: t('module.noEntry') }));
    } else {
      const context = {
        api: { get: api.get, post: api.post, put: api.put, patch: api.patch, del: api.del, upload: api.upload },
        language: language(),
        t,
        user: { login: state.session.login, displayName: state.session.displayName, profile: state.session.profile, rights: [...state.session.rights] },
        pluginId: module.id,
      };
      cleanup = await start(container, context);
    }
  } catch (error) {
    container.append(h('div', { class: 'banner banner-danger', role: 'alert' }, h('p', { text: t('module.failed', { reason: error.message }) })));
  }
  return {
    title: module.label,
    destroy() {
      if (typeof cleanup === 'function') cleanup();
      else cleanup?.destroy?.();
    },
  };
}
