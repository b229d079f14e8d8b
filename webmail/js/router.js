// A tiny history-API router. Routes are patterns ("/mail/:folder/:message?"); links are ordinary
// <a href> elements, intercepted here when they stay inside the webmail, so they also open in a new tab
// and read as links to assistive technology.

const routes = [];
const guards = [];
let onRoute = () => {};

/** Declares a route; `name` identifies the page. */
export function route(pattern, name) {
  const keys = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const optional = part.endsWith('?');
      keys.push(part.slice(1, optional ? -1 : undefined));
      return optional ? '?([^/]*)' : '([^/]+)';
    })
    .join('/');
  routes.push({ name, keys, regex: new RegExp(`^${source}/?$`) });
}

/** The route matching a path: {name, params, query}, or null. */
export function match(pathname, search = '') {
  for (const candidate of routes) {
    const found = candidate.regex.exec(pathname);
    if (!found) continue;
    const params = {};
    candidate.keys.forEach((key, i) => {
      if (found[i + 1]) params[key] = decodeURIComponent(found[i + 1]);
    });
    return { name: candidate.name, params, query: Object.fromEntries(new URLSearchParams(search)) };
  }
  return null;
}

/** Adds a check run before leaving the current page (a draft being saved); it may return a promise. */
export function beforeLeave(guard) {
  guards.push(guard);
  return () => guards.splice(guards.indexOf(guard), 1);
}

/** Goes to `path` (adding a history entry unless `replace`). */
export async function navigate(path, { replace = false } = {}) {
  for (const guard of [...guards]) await guard();
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  onRoute(current());
}

/** The current location as a route. */
export function current() {
  return match(location.pathname, location.search) ?? { name: 'not-found', params: {}, query: {} };
}

/** Starts listening: `handler(route)` runs now and on every navigation. */
export function start(handler) {
  onRoute = handler;
  window.addEventListener('popstate', () => onRoute(current()));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/plugins/')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  onRoute(current());
}
