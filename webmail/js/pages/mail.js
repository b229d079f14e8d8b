// The mail page: folders, the message list and the reading pane (or the composer). Routes:
// /mail/:folder, /mail/:folder/:message, /compose?reply=|replyAll=|forward=|draft=|to=.
// Keyboard: j/k and arrows move in the list, Enter opens, r/a/f reply/all/forward, c writes, Delete
// deletes, u marks unread, s flags, / searches (the list is an ARIA listbox; see message-list.js).
import * as api from '../api.js';
import { h, replace, isTyping, debounce, uid } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { navigate, beforeLeave } from '../router.js';
import { state, on, refreshFolders, specialFolder, emit } from '../state.js';
import { createFolderTree, folderLabel, orderedFolders } from '../components/folder-tree.js';
import { createMessageList } from '../components/message-list.js';
import { createReader } from '../components/reader.js';
import { createComposer } from '../components/composer.js';
import { openDialog } from '../components/dialog.js';
import { toast, toastError } from '../components/toast.js';

let lastFolderId = null;

export async function mount(outlet, route) {
  if (!state.folders.length) await refreshFolders().catch(toastError);
  let folderId = null;
  let messageId = null;
  let composer = null;
  let composerKey = null;
  let query = { sort: 'date', order: 'desc', q: '', filter: 'all' };
  let targets = [];
  const cleanups = [];

  // Folders pane.
  const root = h('div', { class: 'mail', 'data-view': 'list' });
  const tree = createFolderTree({
    onNavigate: () => setFoldersOpen(false),
    onDeleted: () => navigate(`/mail/${encodeURIComponent(specialFolder('inbox')?.id ?? '')}`),
  });
  const foldersPane = h('aside', { class: 'mail-folders', id: 'mail-folders' }, tree.element);

  // List pane.
  const title = h('h1', { class: 'list-title' });
  const countLine = h('p', { class: 'list-count small muted', 'aria-live': 'polite' });
  const foldersToggle = h('button', {
    class: 'btn btn-ghost btn-icon folders-toggle', type: 'button', 'aria-controls': 'mail-folders', 'aria-expanded': 'false',
    'aria-label': t('mail.showFolders'), onClick: () => setFoldersOpen(!root.classList.contains('folders-open')),
  }, icon('folder'));
  const searchId = uid('search');
  const searchInput = h('input', { class: 'input search-input', id: searchId, type: 'search', autocomplete: 'off', 'aria-keyshortcuts': '/', placeholder: t('mail.searchPlaceholder') });
  const runSearch = debounce(() => setQuery({ q: searchInput.value.trim() }), 350);
  searchInput.addEventListener('input', runSearch);
  searchInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); runSearch.flush(); }
    if (e.key === 'Escape' && searchInput.value) { e.preventDefault(); searchInput.value = ''; runSearch.flush(); }
  });
  const searchForm = h('form', { role: 'search', class: 'list-search', onSubmit: (e) => { e.preventDefault(); runSearch.flush(); } },
    h('label', { for: searchId, class: 'visually-hidden', text: t('mail.search') }), icon('search', { className: 'icon-sm search-icon' }), searchInput);

  const sortId = uid('sort');
  const sortSelect = h('select', { class: 'select select-sm', id: sortId, onChange: (e) => setQuery({ sort: e.target.value }) },
    ['date', 'from', 'subject', 'size'].map((s) => h('option', { value: s, text: t(`mail.sort.${s}`) })));
  const orderButton = h('button', { class: 'btn btn-ghost btn-icon btn-sm', type: 'button', onClick: () => setQuery({ order: query.order === 'desc' ? 'asc' : 'desc' }) });
  const filterGroup = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('mail.filter') },
    ['all', 'unread', 'flagged'].map((f) => h('button', {
      type: 'button', role: 'radio', class: 'segmented-item', 'data-filter': f,
      onClick: () => setQuery({ filter: f }),
      onKeydown: (e) => {
        const order = ['all', 'unread', 'flagged'];
        const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        const next = order[(order.indexOf(f) + step + order.length) % order.length];
        setQuery({ filter: next });
        filterGroup.querySelector(`[data-filter="${next}"]`).focus();
      },
    }, t(`mail.filter.${f}`))));

  const selectionCount = h('span', { class: 'small muted selection-count', 'aria-live': 'polite' });
  const bulk = (action, iconName, label) => h('button', {
    class: 'btn btn-ghost btn-icon btn-sm', type: 'button', 'aria-label': label, title: label, 'data-action': action,
    onClick: () => act(action, targets),
  }, icon(iconName, { className: 'icon-sm' }));
  const bulkBar = h('div', { class: 'toolbar list-actions', role: 'toolbar', 'aria-label': t('mail.selectionActions') },
    selectionCount, h('span', { class: 'spacer' }),
    bulk('read', 'mail-open', t('mail.markRead')),
    bulk('unread', 'mail', t('mail.markUnread')),
    bulk('flag', 'star', t('mail.flagToggle')),
    bulk('move', 'move', t('mail.move')),
    bulk('delete', 'trash', t('mail.delete')));

  const list = createMessageList({
    onOpen: (item, how) => openItem(item, how),
    onSelectionChange: (ids) => {
      targets = ids.length ? ids : list.targets();
      selectionCount.textContent = ids.length > 1 ? t('mail.selected', { count: ids.length }) : '';
      for (const b of bulkBar.querySelectorAll('button')) b.disabled = targets.length === 0;
    },
  });

  const listPane = h('section', { class: 'mail-list', 'aria-labelledby': 'list-title' },
    h('div', { class: 'list-header' },
      h('div', { class: 'list-heading' }, foldersToggle, h('div', { class: 'list-heading-text' }, title, countLine),
        h('button', { class: 'btn btn-ghost btn-icon btn-sm', type: 'button', 'aria-label': t('mail.refresh'), title: t('mail.refresh'), onClick: () => refreshAll() }, icon('refresh', { className: 'icon-sm' }))),
      searchForm,
      h('div', { class: 'list-controls' }, filterGroup,
        h('span', { class: 'sort-group' }, h('label', { for: sortId, class: 'visually-hidden', text: t('mail.sortBy') }), sortSelect, orderButton))),
    bulkBar,
    list.element);
  title.id = 'list-title';

  // Reading pane.
  const reader = createReader({
    onAction: (action, message) => act(action, [message.id], message),
    backHref: () => `/mail/${encodeURIComponent(folderId ?? '')}`,
  });
  const readerPane = h('section', { class: 'mail-reader', 'aria-label': t('reader.label') }, reader.element);
  const backdrop = h('div', { class: 'drawer-backdrop', onClick: () => setFoldersOpen(false) });
  root.append(foldersPane, listPane, readerPane);
  outlet.append(root, backdrop);

  function setFoldersOpen(open) {
    root.classList.toggle('folders-open', open);
    foldersToggle.setAttribute('aria-expanded', String(open));
    if (open) foldersPane.querySelector('a')?.focus();
  }

  function currentFolder() {
    return state.folders.find((f) => f.id === folderId) ?? null;
  }

  function renderHeader() {
    const folder = currentFolder();
    title.textContent = folderLabel(folder) || t('nav.mail');
    if (query.q || query.filter !== 'all') {
      countLine.textContent = t('mail.results', { count: list.total() });
    } else if (folder) {
      countLine.textContent = folder.unread
        ? `${t('mail.messages', { count: folder.total })} · ${t('mail.unreadCount', { count: folder.unread })}`
        : t('mail.messages', { count: folder.total });
    }
    sortSelect.value = query.sort;
    const newestFirst = query.order === 'desc';
    replace(orderButton, icon(newestFirst ? 'arrow-down' : 'arrow-up', { className: 'icon-sm' }));
    const orderLabel = t(`mail.order.${query.sort}.${query.order}`);
    orderButton.setAttribute('aria-label', orderLabel);
    orderButton.title = orderLabel;
    for (const b of filterGroup.querySelectorAll('[role="radio"]')) {
      const on = b.dataset.filter === query.filter;
      b.setAttribute('aria-checked', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    document.title = `${folderLabel(folder) || t('nav.mail')} – Préau`;
  }

  async function setQuery(change) {
    query = { ...query, ...change };
    renderHeader();
    await loadList();
  }

  async function loadList() {
    const folder = currentFolder();
    if (!folder) return;
    try {
      await list.setFolder({ ...folder, label: folderLabel(folder) }, query);
    } catch (error) {
      toastError(error);
    }
    renderHeader();
    if (messageId) list.markActive(messageId);
  }

  async function refreshAll() {
    await Promise.allSettled([refreshFolders(), list.refresh()]);
    renderHeader();
  }

  function openItem(item, { focusReader }) {
    const folder = currentFolder();
    if (folder?.specialUse === 'drafts') {
      navigate(`/compose?draft=${encodeURIComponent(item.id)}`);
      return;
    }
    const path = `/mail/${encodeURIComponent(folderId)}/${encodeURIComponent(item.id)}`;
    pendingFocusReader = focusReader;
    if (location.pathname !== path) navigate(path, { replace: Boolean(messageId) });
    else if (focusReader) { root.dataset.view = 'reader'; reader.focusSubject(); }
  }
  let pendingFocusReader = false;

  async function showMessage(id) {
    root.dataset.view = 'reader';
    const item = list.item(id);
    const message = await reader.show(id);
    if (!message) return;
    if (item && !item.seen) {
      list.patchItems([id], { seen: true });
      const folder = currentFolder();
      if (folder && folder.unread > 0) {
        folder.unread -= 1;
        emit('folders', state.folders);
      }
    }
    if (pendingFocusReader) reader.focusSubject();
    pendingFocusReader = false;
  }

  async function openComposer(q) {
    const key = JSON.stringify(q);
    if (composer?.isOpen() && composerKey === key) return;
    if (composer?.isOpen()) await composer.dispose();
    composerKey = key;
    root.dataset.view = 'reader';
    const sourceId = q.reply ?? q.replyAll ?? q.forward ?? q.draft ?? null;
    const mode = q.reply ? 'reply' : q.replyAll ? 'replyAll' : q.forward ? 'forward' : q.draft ? 'draft' : 'new';
    let source = null;
    if (sourceId) {
      try {
        source = await api.get(`/api/mail/messages/${api.seg(sourceId)}`, { peek: 1 });
      } catch (error) {
        toastError(error);
        navigate(`/mail/${encodeURIComponent(folderId)}`, { replace: true });
        return;
      }
    }
    const instance = createComposer({
      mode, source, to: q.to ?? null,
      onClose: (result) => {
        composer = null;
        composerKey = null;
        const back = (mode === 'reply' || mode === 'replyAll' || mode === 'forward') && !result.discarded ? sourceId : null;
        navigate(`/mail/${encodeURIComponent(folderId)}${back ? `/${encodeURIComponent(back)}` : ''}`, { replace: true });
        if (currentFolder()?.specialUse === 'drafts' || currentFolder()?.specialUse === 'sent') list.refresh().catch(() => {});
      },
    });
    composer = instance;
    replace(readerPane, instance.element);
    await instance.ready;
    instance.focus();
  }

  function closeComposerView() {
    if (composer?.isOpen()) composer.dispose().catch(() => {});
    composer = null;
    composerKey = null;
    if (reader.element.parentNode !== readerPane) replace(readerPane, reader.element);
  }

  async function act(action, ids, message) {
    if (!ids.length) return;
    const first = message ?? list.item(ids[0]) ?? reader.current();
    try {
      switch (action) {
        case 'reply':
        case 'replyAll':
        case 'forward':
          navigate(`/compose?${action}=${encodeURIComponent(ids[0])}`);
          return;
        case 'flag': {
          const flagged = !(first?.flagged ?? false);
          list.patchItems(ids, { flagged });
          if (reader.current() && ids.includes(reader.current().id)) reader.patch({ flagged });
          await api.post('/api/mail/messages/flags', { ids, flagged });
          toast(flagged ? t('mail.flaggedDone', { count: ids.length }) : t('mail.unflaggedDone', { count: ids.length }));
          return;
        }
        case 'read':
        case 'unread': {
          const seen = action === 'read';
          list.patchItems(ids, { seen });
          await api.post('/api/mail/messages/flags', { ids, seen });
          refreshFolders().catch(() => {});
          toast(seen ? t('mail.markedRead', { count: ids.length }) : t('mail.markedUnread', { count: ids.length }));
          return;
        }
        case 'move': {
          const target = await chooseFolder();
          if (!target) return;
          await api.post('/api/mail/messages/move', { ids, folderId: target.id });
          await afterRemoval(ids);
          toast(t('mail.moved', { count: ids.length, folder: folderLabel(target) }));
          return;
        }
        case 'delete': {
          const inTrash = currentFolder()?.specialUse === 'trash';
          await api.post('/api/mail/messages/delete', { ids });
          await afterRemoval(ids);
          toast(inTrash ? t('mail.deletedForever', { count: ids.length }) : t('mail.deleted', { count: ids.length }));
          return;
        }
        default:
      }
    } catch (error) {
      toastError(error);
      list.refresh().catch(() => {});
    }
  }

  async function afterRemoval(ids) {
    const showing = reader.current()?.id;
    const index = list.activeIndex();
    await list.removeItems(ids);
    refreshFolders().catch(() => {});
    if (showing && ids.includes(showing)) {
      const phone = matchMedia('(max-width: 759px)').matches;
      if (list.total() > 0 && !phone) {
        await list.setActive(Math.min(index, list.total() - 1));
      } else {
        navigate(`/mail/${encodeURIComponent(folderId)}`, { replace: true });
      }
    }
    list.focus();
  }

  function chooseFolder() {
    return openDialog((close, titleId) => {
      const name = uid('move-target');
      const options = orderedFolders(state.folders).filter(({ folder }) => folder.id !== folderId && folder.specialUse !== 'drafts');
      const form = h('form', { class: 'dialog-body', onSubmit: (e) => {
        e.preventDefault();
        const chosen = form.querySelector(`input[name="${name}"]:checked`);
        close(chosen ? state.folders.find((f) => f.id === chosen.value) : null);
      } },
      h('h2', { id: titleId, text: t('mail.moveTitle') }),
      h('fieldset', { class: 'move-list' }, h('legend', { class: 'visually-hidden', text: t('mail.moveTitle') }),
        options.map(({ folder, depth }, i) => {
          const label = h('label', { class: 'check' }, h('input', { type: 'radio', name, value: folder.id, checked: i === 0 }), folderLabel(folder));
          label.style.paddingLeft = `${depth * 1.25}rem`;
          return label;
        })),
      h('div', { class: 'dialog-actions' },
        h('button', { class: 'btn', type: 'button', onClick: () => close(null) }, t('common.cancel')),
        h('button', { class: 'btn btn-primary', type: 'submit' }, t('mail.moveConfirm'))));
      return [form];
    });
  }

  function onKeyDown(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || document.querySelector('dialog[open]')) return;
    if (composer?.isOpen()) return;
    const current = reader.current() ?? list.activeItem();
    const key = event.key;
    if (key === '/') {
      event.preventDefault();
      searchInput.focus();
    } else if (key === 'c') {
      event.preventDefault();
      navigate('/compose');
    } else if (key === 'Escape' && root.dataset.view === 'reader') {
      event.preventDefault();
      navigate(`/mail/${encodeURIComponent(folderId)}`);
      list.focus();
    } else if (current && (key === 'r' || key === 'a' || key === 'f')) {
      event.preventDefault();
      act({ r: 'reply', a: 'replyAll', f: 'forward' }[key], [current.id], current);
    } else if (key === 'Delete') {
      event.preventDefault();
      act('delete', targets.length ? targets : current ? [current.id] : []);
    } else if (key === 'u' && current) {
      event.preventDefault();
      act(current.seen === false ? 'read' : 'unread', targets.length ? targets : [current.id]);
    } else if (key === 's' && current) {
      event.preventDefault();
      act('flag', targets.length ? targets : [current.id], current);
    } else if ((key === 'j' || key === 'k') && event.target === document.body) {
      event.preventDefault();
      list.setActive(list.activeIndex() + (key === 'j' ? 1 : -1));
      list.focus();
    }
  }
  document.addEventListener('keydown', onKeyDown);
  cleanups.push(() => document.removeEventListener('keydown', onKeyDown));

  const refreshList = debounce(() => { list.refresh().then(renderHeader).catch(() => {}); }, 250);
  cleanups.push(on('mail', (event) => {
    if (event?.folderId === folderId) refreshList();
    if (event?.kind === 'added' && event.folderId === specialFolder('inbox')?.id && event.folderId !== folderId) toast(t('mail.newMail'));
  }));
  cleanups.push(on('folders', () => { tree.render(); renderHeader(); }));
  cleanups.push(beforeLeave(async () => { if (composer?.isOpen()) await composer.flush(); }));

  async function update(r) {
    const compose = r.name === 'mail' && location.pathname === '/compose';
    let nextFolder = r.params.folder ?? (compose ? lastFolderId : null) ?? specialFolder('inbox')?.id ?? state.folders[0]?.id ?? null;
    if (!state.folders.some((f) => f.id === nextFolder)) nextFolder = specialFolder('inbox')?.id ?? null;
    if (!compose && !r.params.folder && nextFolder) {
      history.replaceState(null, '', `/mail/${encodeURIComponent(nextFolder)}`);
    }
    if (nextFolder !== folderId) {
      folderId = nextFolder;
      lastFolderId = nextFolder;
      tree.setCurrent(folderId);
      messageId = compose ? null : r.params.message ?? null;
      if (!compose) {
        searchInput.value = '';
        query = { ...query, q: '', filter: 'all' };
      }
      renderHeader();
      loadList();
    }
    setFoldersOpen(false);
    if (compose) {
      await openComposer(r.query);
      return;
    }
    closeComposerView();
    messageId = r.params.message ?? null;
    if (messageId) {
      list.markActive(messageId);
      if (reader.current()?.id !== messageId) await showMessage(messageId);
      else root.dataset.view = 'reader';
    } else {
      root.dataset.view = 'list';
      reader.empty();
    }
  }

  await update(route);
  return {
    title: t('nav.mail'),
    update,
    destroy() {
      for (const cleanup of cleanups) cleanup();
      if (composer?.isOpen()) composer.dispose().catch(() => {});
      list.destroy();
      reader.destroy();
    },
  };
}
