// The folder tree: special folders first in their usual order, then the user's folders nested by
// parentId; each a link with its unread count. Creating, renaming and deleting a personal folder
// happen here too.
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { state, refreshFolders } from '../state.js';
import { promptDialog, confirmDialog } from './dialog.js';
import { toast, toastError } from './toast.js';

const ORDER = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash'];
const ICONS = { inbox: 'inbox', drafts: 'draft', sent: 'send', archive: 'archive', junk: 'junk', trash: 'trash' };

/** The label of a folder in the current language (special folders are translated, others as named). */
export function folderLabel(folder) {
  if (!folder) return '';
  return folder.specialUse ? t(`folder.${folder.specialUse}`) : folder.label || folder.name;
}

/** Folders sorted for display, each with its depth. */
export function orderedFolders(folders) {
  const children = new Map();
  for (const f of folders) {
    const key = f.parentId ?? '';
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(f);
  }
  const rank = (f) => (f.specialUse ? ORDER.indexOf(f.specialUse) : ORDER.length);
  const sort = (list) => list.sort((a, b) => rank(a) - rank(b) || folderLabel(a).localeCompare(folderLabel(b)));
  const result = [];
  const walk = (parentKey, depth) => {
    for (const f of sort(children.get(parentKey) ?? [])) {
      result.push({ folder: f, depth });
      walk(f.id, depth + 1);
    }
  };
  walk('', 0);
  // Folders whose parent is unknown still show, at the top level.
  const shown = new Set(result.map((r) => r.folder.id));
  for (const f of folders) if (!shown.has(f.id)) result.push({ folder: f, depth: 0 });
  return result;
}

/**
 * @param {{onNavigate: () => void}} handlers
 */
export function createFolderTree(handlers) {
  const list = h('ul', { class: 'folder-list' });
  const element = h('nav', { class: 'folders', 'aria-labelledby': 'folders-heading' },
    h('div', { class: 'folders-header' },
      h('h2', { id: 'folders-heading', class: 'folders-title', text: t('mail.folders') }),
      h('button', { class: 'btn btn-ghost btn-icon btn-sm', type: 'button', 'aria-label': t('folder.create'), title: t('folder.create'), onClick: create }, icon('plus'))),
    list);
  let current = null;

  function render() {
    replace(list, orderedFolders(state.folders).map(({ folder, depth }) => {
      const unread = folder.unread ?? 0;
      const label = folderLabel(folder);
      const link = h('a', {
        class: ['folder-link', unread > 0 && 'has-unread'], href: `/mail/${encodeURIComponent(folder.id)}`,
        'aria-current': folder.id === current ? 'page' : null,
        dataset: { folderId: folder.id },
        onClick: () => handlers.onNavigate(),
      },
      icon(ICONS[folder.specialUse] ?? 'folder'),
      h('span', { class: 'folder-name', text: label }),
      unread > 0 ? h('span', { class: 'badge', 'aria-hidden': 'true', text: unread > 999 ? '999+' : String(unread) }) : null,
      unread > 0 ? h('span', { class: 'visually-hidden', text: `, ${t('mail.unreadCount', { count: unread })}` }) : null);
      link.style.paddingLeft = `calc(var(--space-3) + ${depth * 1.25}rem)`;
      const actions = folder.specialUse ? null : h('div', { class: 'folder-actions' },
        h('button', { class: 'btn btn-ghost btn-icon btn-sm', type: 'button', 'aria-label': t('folder.renameNamed', { name: label }), title: t('folder.rename'), onClick: () => rename(folder) }, icon('pencil', { className: 'icon-sm' })),
        h('button', { class: 'btn btn-ghost btn-icon btn-sm', type: 'button', 'aria-label': t('folder.deleteNamed', { name: label }), title: t('folder.delete'), onClick: () => remove(folder) }, icon('trash', { className: 'icon-sm' })));
      return h('li', { class: 'folder-item' }, link, actions);
    }));
  }

  async function create() {
    const name = await promptDialog({ title: t('folder.create'), label: t('folder.name'), confirm: t('folder.createConfirm') });
    if (!name) return;
    try {
      await api.post('/api/mail/folders', { name });
      await refreshFolders();
      toast(t('folder.created', { name }));
    } catch (error) {
      toastError(error);
    }
  }

  async function rename(folder) {
    const name = await promptDialog({ title: t('folder.rename'), label: t('folder.name'), value: folderLabel(folder), confirm: t('folder.renameConfirm') });
    if (!name) return;
    try {
      await api.patch(`/api/mail/folders/${api.seg(folder.id)}`, { name });
      await refreshFolders();
    } catch (error) {
      toastError(error);
    }
  }

  async function remove(folder) {
    const ok = await confirmDialog({
      title: t('folder.deleteTitle', { name: folderLabel(folder) }), message: t('folder.deleteMessage'), confirm: t('folder.delete'), danger: true,
    });
    if (!ok) return;
    try {
      await api.del(`/api/mail/folders/${api.seg(folder.id)}`);
      await refreshFolders();
      if (current === folder.id) handlers.onDeleted?.();
    } catch (error) {
      toastError(error);
    }
  }

  render();
  return {
    element,
    render,
    setCurrent(id) {
      current = id;
      render();
    },
  };
}
