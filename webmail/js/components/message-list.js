// The message list: a virtual list (only the rows in view exist in the DOM, pages of 100 fetched on
// demand by offset), so a folder of 10,000+ messages opens as fast as one of ten. It is an ARIA
// listbox: focus stays on the list, the current row is aria-activedescendant, aria-selected marks the
// selection, aria-setsize/aria-posinset give the position in the whole folder.
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { icon } from '../icons.js';
import { t, shortDate, longDate } from '../i18n.js';

const PAGE = 100;
const OVERSCAN = 6;

/**
 * @param {{
 *   onOpen: (item: object, how: {focusReader: boolean}) => void,
 *   onSelectionChange: (ids: string[]) => void,
 * }} handlers
 */
export function createMessageList(handlers) {
  const spacer = h('div', { class: 'msglist-spacer' });
  const scroller = h('div', {
    class: 'msglist-scroll', role: 'listbox', tabindex: '0', 'aria-multiselectable': 'true',
    'aria-label': t('mail.listLabel'),
  }, spacer);
  const emptyState = h('div', { class: 'empty', hidden: true });
  const element = h('div', { class: 'msglist' }, scroller, emptyState);

  let folder = null; // {id, specialUse}
  let query = {};
  let total = 0;
  let generation = 0; // bumps on every reset, so late answers of an old query are dropped
  const pages = new Map(); // page index -> items[] | Promise
  let active = -1; // index of the current row
  const selection = new Set(); // ids
  let anchor = -1; // for shift-click ranges
  let rowHeight = measureRowHeight();
  const rows = new Map(); // index -> element
  let frame = 0;

  const resizeObserver = new ResizeObserver(() => {
    rowHeight = measureRowHeight();
    layout();
  });
  resizeObserver.observe(scroller);
  scroller.addEventListener('scroll', () => schedule());
  scroller.addEventListener('keydown', onKeyDown);
  scroller.addEventListener('click', onClick);
  let pointerFocus = false;
  scroller.addEventListener('pointerdown', () => { pointerFocus = true; });
  scroller.addEventListener('pointerup', () => { pointerFocus = false; });
  scroller.addEventListener('focus', () => {
    // Entering the list puts the cursor on the first message; a click chooses its own row instead.
    if (active < 0 && total > 0 && !pointerFocus) setActive(0, { open: false });
  });

  function measureRowHeight() {
    const value = getComputedStyle(document.documentElement).getPropertyValue('--row-height').trim() || '4.5rem';
    const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return value.endsWith('rem') ? parseFloat(value) * rootSize : parseFloat(value);
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      layout();
    });
  }

  function itemAt(index) {
    const page = pages.get(Math.floor(index / PAGE));
    return Array.isArray(page) ? page[index % PAGE] ?? null : null;
  }

  function indexOfId(id) {
    for (const [pageIndex, page] of pages) {
      if (!Array.isArray(page)) continue;
      const i = page.findIndex((m) => m.id === id);
      if (i >= 0) return pageIndex * PAGE + i;
    }
    return -1;
  }

  /** Fetches the page holding `index` if it is not there yet; resolves when it is. */
  function loadPage(pageIndex) {
    const existing = pages.get(pageIndex);
    if (existing) return Promise.resolve(existing);
    const mine = generation;
    const promise = api.get(`/api/mail/folders/${api.seg(folder.id)}/messages`, {
      sort: query.sort, order: query.order, offset: pageIndex * PAGE, limit: PAGE, q: query.q,
      unread: query.filter === 'unread' ? 'true' : null, flagged: query.filter === 'flagged' ? 'true' : null,
    }).then((result) => {
      if (mine !== generation) return [];
      pages.set(pageIndex, result.items);
      if (result.total !== total) {
        total = result.total;
        updateEmpty();
      }
      layout();
      return result.items;
    }, (error) => {
      if (mine === generation) pages.delete(pageIndex);
      throw error;
    });
    pages.set(pageIndex, promise);
    return promise;
  }

  function layout() {
    if (!folder) return;
    spacer.style.height = `${total * rowHeight}px`;
    const top = scroller.scrollTop;
    const height = scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const last = Math.min(total - 1, Math.ceil((top + height) / rowHeight) + OVERSCAN);
    for (const [index, row] of rows) {
      if (index < first || index > last) {
        row.remove();
        rows.delete(index);
      }
    }
    for (let index = first; index <= last; index += 1) {
      const item = itemAt(index);
      if (!item) loadPage(Math.floor(index / PAGE)).catch(() => {});
      const row = rows.get(index);
      const key = item ? `${item.id}|${item.seen}|${item.flagged}|${item.answered}|${selection.has(item.id)}|${index === active}` : 'loading';
      if (row && row.dataset.key === key) continue;
      const fresh = renderRow(index, item);
      fresh.dataset.key = key;
      if (row) {
        // Updated in place, never replaced: a click whose mousedown and mouseup land on the same row
        // must stay a click on that row, even when the mousedown changed the row's state.
        morph(row, fresh);
      } else {
        spacer.append(fresh);
        rows.set(index, fresh);
      }
    }
    if (active >= 0 && rows.has(active)) scroller.setAttribute('aria-activedescendant', rows.get(active).id);
    else scroller.removeAttribute('aria-activedescendant');
  }

  function renderRow(index, item) {
    const common = {
      id: `msgrow-${index}`, role: 'option', 'aria-posinset': index + 1, 'aria-setsize': total,
      'data-index': index,
    };
    if (!item) {
      const row = h('div', { ...common, class: 'msg-row is-loading', 'aria-selected': 'false', 'aria-busy': 'true' },
        h('span', { class: 'visually-hidden', text: t('common.loading') }),
        h('span', { class: 'skeleton skeleton-line' }), h('span', { class: 'skeleton skeleton-line short' }));
      row.style.transform = `translateY(${index * rowHeight}px)`;
      return row;
    }
    const outgoing = folder.specialUse === 'sent' || folder.specialUse === 'drafts';
    const who = outgoing
      ? t('mail.toPrefix', { names: (item.to ?? []).map(displayName).join(', ') || t('mail.noRecipient') })
      : displayName(item.from) || t('mail.unknownSender');
    const selected = selection.has(item.id);
    const row = h('div', {
      ...common,
      class: ['msg-row', !item.seen && 'is-unread', item.flagged && 'is-flagged', index === active && 'is-active', selected && 'is-selected'],
      'aria-selected': selected ? 'true' : 'false',
      'data-id': item.id,
    },
    h('span', { class: 'msg-unread-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'msg-line1' },
      h('span', { class: 'msg-from', text: who }),
      h('time', { class: 'msg-date', datetime: item.date, title: longDate(item.date), text: shortDate(item.date) })),
    h('span', { class: 'msg-line2' },
      h('span', { class: 'msg-subject', text: item.subject || t('mail.noSubject') }),
      item.answered ? icon('reply', { className: 'icon-sm msg-mark', label: t('mail.answered') }) : null,
      item.hasAttachments ? icon('paperclip', { className: 'icon-sm msg-mark', label: t('mail.hasAttachments') }) : null,
      item.flagged ? icon('star', { className: 'icon-sm msg-mark msg-flag', label: t('mail.flagged'), filled: true }) : null),
    !item.seen ? h('span', { class: 'visually-hidden', text: `, ${t('mail.unread')}` }) : null);
    row.style.transform = `translateY(${index * rowHeight}px)`;
    return row;
  }

  function morph(row, fresh) {
    // The style attribute is left alone (setting it would be inline style, which the CSP refuses); the
    // position goes through the CSSOM, which it allows.
    for (const name of row.getAttributeNames()) if (name !== 'style' && !fresh.hasAttribute(name)) row.removeAttribute(name);
    for (const name of fresh.getAttributeNames()) if (name !== 'style') row.setAttribute(name, fresh.getAttribute(name));
    row.style.transform = fresh.style.transform;
    row.replaceChildren(...fresh.childNodes);
  }

  function displayName(address) {
    if (!address) return '';
    return address.name || address.address || '';
  }

  function updateEmpty() {
    const empty = total === 0 && pages.size > 0 && [...pages.values()].every(Array.isArray);
    emptyState.hidden = !empty;
    scroller.hidden = empty;
    if (empty) {
      const filtered = Boolean(query.q) || (query.filter && query.filter !== 'all');
      replace(emptyState, icon(filtered ? 'search' : 'inbox'), h('p', { text: filtered ? t('mail.noMatch') : t('mail.emptyFolder') }));
    }
  }

  async function setActive(index, { open = true, focusReader = false, extend = false } = {}) {
    if (total === 0) return;
    const clamped = Math.max(0, Math.min(total - 1, index));
    active = clamped;
    scrollIntoView(clamped);
    let item = itemAt(clamped);
    if (!item) {
      await loadPage(Math.floor(clamped / PAGE));
      item = itemAt(clamped);
    }
    if (!item) return;
    if (!extend) {
      selection.clear();
      anchor = clamped;
    }
    selection.add(item.id);
    layout();
    handlers.onSelectionChange([...selection]);
    if (open) handlers.onOpen(item, { focusReader });
  }

  function scrollIntoView(index) {
    const top = index * rowHeight;
    const bottom = top + rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    layout();
  }

  function onKeyDown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(scroller.clientHeight / rowHeight) - 1);
    const moves = {
      ArrowDown: active + 1, j: active + 1, ArrowUp: active - 1, k: active - 1,
      Home: 0, End: total - 1, PageDown: active + page, PageUp: active - page,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(active < 0 ? 0 : moves[event.key], { extend: event.shiftKey });
      return;
    }
    if (event.key === 'Enter' || event.key === 'o') {
      event.preventDefault();
      const item = itemAt(active);
      if (item) handlers.onOpen(item, { focusReader: true });
      return;
    }
    if (event.key === 'x' || event.key === ' ') {
      event.preventDefault();
      toggle(active);
    }
  }

  function toggle(index) {
    const item = itemAt(index);
    if (!item) return;
    if (selection.has(item.id)) selection.delete(item.id);
    else selection.add(item.id);
    anchor = index;
    layout();
    handlers.onSelectionChange([...selection]);
  }

  function onClick(event) {
    const row = event.target instanceof Element ? event.target.closest('.msg-row') : null;
    if (!row || row.classList.contains('is-loading')) return;
    const index = Number(row.dataset.index);
    scroller.focus({ preventScroll: true });
    if (event.ctrlKey || event.metaKey) {
      active = index;
      toggle(index);
      return;
    }
    if (event.shiftKey && anchor >= 0) {
      selection.clear();
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      for (let i = from; i <= to; i += 1) {
        const item = itemAt(i);
        if (item) selection.add(item.id);
      }
      active = index;
      layout();
      handlers.onSelectionChange([...selection]);
      return;
    }
    setActive(index, { focusReader: false });
  }

  /** Shows a folder with a query ({sort, order, q, filter}); starts at the top. */
  async function setFolder(nextFolder, nextQuery) {
    folder = nextFolder;
    query = { ...nextQuery };
    generation += 1;
    pages.clear();
    for (const row of rows.values()) row.remove();
    rows.clear();
    selection.clear();
    active = -1;
    anchor = -1;
    total = 0;
    scroller.scrollTop = 0;
    scroller.setAttribute('aria-label', t('mail.listLabelFolder', { folder: nextFolder.label }));
    scroller.setAttribute('aria-busy', 'true');
    try {
      await loadPage(0);
    } finally {
      scroller.setAttribute('aria-busy', 'false');
    }
    updateEmpty();
    handlers.onSelectionChange([]);
  }

  /** Fetches again what is in view (after a change here or on the server), keeping the position. */
  async function refresh() {
    if (!folder) return;
    const activeId = itemAt(active)?.id ?? null;
    generation += 1;
    const previous = new Map(pages);
    pages.clear();
    const first = Math.floor(scroller.scrollTop / rowHeight / PAGE);
    const last = Math.floor((scroller.scrollTop + scroller.clientHeight) / rowHeight / PAGE);
    try {
      for (let p = first; p <= last; p += 1) await loadPage(p);
    } catch (error) {
      for (const [k, v] of previous) if (!pages.has(k)) pages.set(k, v);
      throw error;
    }
    if (activeId) {
      const index = indexOfId(activeId);
      if (index >= 0) active = index;
    }
    const known = new Set();
    for (const page of pages.values()) if (Array.isArray(page)) page.forEach((m) => known.add(m.id));
    for (const id of [...selection]) if (!known.has(id)) selection.delete(id);
    for (const row of rows.values()) row.dataset.key = '';
    updateEmpty();
    layout();
  }

  /** Applies a change to loaded items at once (the server's answer follows through refresh). */
  function patchItems(ids, patch) {
    const wanted = new Set(ids);
    for (const page of pages.values()) {
      if (!Array.isArray(page)) continue;
      for (const item of page) if (wanted.has(item.id)) Object.assign(item, patch);
    }
    layout();
  }

  /** Takes items out at once (moved or deleted); the current row moves to the next one. */
  function removeItems(ids) {
    const gone = new Set(ids);
    const all = [];
    const loadedPages = [...pages.entries()].filter(([, p]) => Array.isArray(p)).sort((a, b) => a[0] - b[0]);
    const contiguous = loadedPages.every(([k], i) => k === i);
    if (!contiguous) {
      // Far pages are not all here: drop the cache and fetch again around the position.
      selection.clear();
      return refresh();
    }
    for (const [, page] of loadedPages) all.push(...page);
    const kept = all.filter((m) => !gone.has(m.id));
    const removed = all.length - kept.length;
    pages.clear();
    for (let i = 0; i * PAGE < kept.length; i += 1) pages.set(i, kept.slice(i * PAGE, (i + 1) * PAGE));
    total = Math.max(0, total - removed);
    for (const id of ids) selection.delete(id);
    if (active >= total) active = total - 1;
    for (const row of rows.values()) row.remove();
    rows.clear();
    updateEmpty();
    layout();
    return Promise.resolve();
  }

  return {
    element,
    setFolder,
    refresh,
    patchItems,
    removeItems,
    setActive,
    focus: () => scroller.focus(),
    /** The ids the toolbar acts on: the selection, else the current row. */
    targets() {
      if (selection.size) return [...selection];
      const item = itemAt(active);
      return item ? [item.id] : [];
    },
    item: (id) => { const i = indexOfId(id); return i >= 0 ? itemAt(i) : null; },
    activeItem: () => itemAt(active),
    activeIndex: () => active,
    /** Marks the row of a message as current without opening it (a direct link). */
    markActive(id) {
      const index = indexOfId(id);
      if (index < 0) return;
      active = index;
      if (!selection.has(id)) {
        selection.clear();
        selection.add(id);
      }
      scrollIntoView(index);
      handlers.onSelectionChange([...selection]);
    },
    total: () => total,
    destroy() {
      resizeObserver.disconnect();
      cancelAnimationFrame(frame);
    },
  };
}
