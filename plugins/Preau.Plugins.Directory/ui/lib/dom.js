// DOM building without innerHTML (the webmail's rule): every text goes in as a text node, so nothing a
// name or a file holds can become markup. The module keeps its own copy so that it depends only on
// the module context the webmail documents, not on the webmail's internal files.

/**
 * Creates an element.
 * @param {string} tag element name
 * @param {Record<string, any>|null} [props] attributes; `class` (string or array), `text`, `on<Event>`
 *   (listener), `dataset`; `value`/`checked`/`disabled`/`hidden`/`selected`/`multiple` as properties;
 *   true sets an empty attribute, false/null/undefined leave it out
 * @param {...any} children strings, nodes, arrays of them; null and false are skipped
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
      else if (['value', 'checked', 'disabled', 'hidden', 'selected', 'multiple'].includes(key)) el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (strings, nodes, nested arrays; null/false skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let ids = 0;
/** A document-unique id for label/aria pairs. */
export function uid(prefix = 'annuaire') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** Calls `fn` once `ms` have passed without another call; `.flush()` runs a pending call now. */
export function debounce(fn, ms) {
  let timer = null;
  let pending = null;
  const debounced = (...args) => {
    pending = args;
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; const a = pending; pending = null; fn(...a); }, ms);
  };
  debounced.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    const a = pending;
    pending = null;
    fn(...a);
  };
  debounced.cancel = () => { clearTimeout(timer); timer = null; pending = null; };
  return debounced;
}

/** A badge (the webmail's `.badge` styles) with its text. */
export function badge(kind, text) {
  return h('span', { class: ['badge', `badge-${kind}`], text });
}
