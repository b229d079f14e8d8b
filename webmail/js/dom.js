// Building DOM without innerHTML: every text goes in as a text node, so nothing a message or a user
// typed can become markup. Attributes are set one by one; `on…` props attach listeners.

/**
 * Creates an element.
 * @param {string} tag element name ("button", "svg:path" for SVG)
 * @param {Record<string, any>|null} [props] attributes; `class`, `text`, `on<Event>` (listener),
 *   `dataset` (object), `value`/`checked`/`disabled`/`hidden` (properties); true sets an empty
 *   attribute, false/null/undefined leave it out
 * @param {...any} children strings, nodes, arrays of them; null and false are skipped
 */
export function h(tag, props, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
      else if (!svg && (key === 'value' || key === 'checked' || key === 'disabled' || key === 'hidden' || key === 'selected' || key === 'indeterminate')) el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (strings, nodes, nested arrays; null/false skipped). */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
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
/** A document-unique id for aria-labelledby/aria-describedby pairs. */
export function uid(prefix = 'id') {
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
    if (timer === null) return undefined;
    clearTimeout(timer);
    timer = null;
    const a = pending;
    pending = null;
    return fn(...a);
  };
  debounced.cancel = () => { clearTimeout(timer); timer = null; pending = null; };
  return debounced;
}

/** Whether a keyboard event comes from a place where letters are typed (shortcuts stay out of it). */
export function isTyping(event) {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

const SAFE_TAGS = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'S', 'UL', 'OL', 'LI', 'A', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'SPAN', 'DIV', 'CODE', 'PRE', 'HR']);

/**
 * Rebuilds HTML the server already sanitised (an announcement) with an allow-list of plain elements, as a
 * second line of defence: no attributes but a link's http(s)/mailto href, no styles, no images.
 * @returns {DocumentFragment}
 */
export function safeHtml(html) {
  const source = new DOMParser().parseFromString(`<body>${html ?? ''}</body>`, 'text/html').body;
  const out = document.createDocumentFragment();
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(node.textContent);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (!SAFE_TAGS.has(node.tagName)) {
          copy(node, to);
          continue;
        }
        const el = document.createElement(node.tagName.toLowerCase());
        if (node.tagName === 'A') {
          const href = node.getAttribute('href') ?? '';
          if (/^(https?:|mailto:)/i.test(href.trim())) {
            el.setAttribute('href', href.trim());
            el.setAttribute('target', '_blank');
            el.setAttribute('rel', 'noopener noreferrer');
          }
        }
        copy(node, el);
        to.append(el);
      }
    }
  };
  copy(source, out);
  return out;
}

/** Plain text as HTML paragraphs (escaped), for bodies the server sanitises again. */
export function textToHtml(text) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('');
}
