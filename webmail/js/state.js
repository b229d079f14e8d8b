// What the whole webmail shares: the signed-in session (with its rights), the folders and their unread
// counts, the plugin modules. Pages subscribe to changes instead of asking the server again.
import * as api from './api.js';

const bus = new EventTarget();

export const state = {
  /** {login, displayName, profile, function, csrfToken, rights: string[], language} or null. */
  session: null,
  /** The folders from GET /api/mail/folders. */
  folders: [],
  /** The plugin modules the user may open: [{id, label, entry}]. */
  modules: [],
  /** The user's settings (signature…), loaded on first use. */
  settings: null,
};

/** Listens for "folders", "session", "mail" (server event) and "settings" changes. */
export function on(type, listener) {
  const handler = (e) => listener(e.detail);
  bus.addEventListener(type, handler);
  return () => bus.removeEventListener(type, handler);
}

export function emit(type, detail) {
  bus.dispatchEvent(new CustomEvent(type, { detail }));
}

/** Whether the signed-in user holds a right ("administration.plugins"). */
export function hasRight(right) {
  return Boolean(state.session?.rights?.includes(right));
}

/** The administration pages, with the right each needs, in menu order. */
export const ADMIN_PAGES = [
  { path: '/admin/accounts', key: 'admin.accounts', icon: 'users', right: 'administration.accounts' },
  { path: '/admin/policy', key: 'admin.policy', icon: 'shield', right: 'administration.policy' },
  { path: '/admin/services', key: 'admin.services', icon: 'grid', right: 'administration.services' },
  { path: '/admin/plugins', key: 'admin.plugins', icon: 'package', right: 'administration.plugins' },
  { path: '/admin/audit', key: 'admin.audit', icon: 'list', right: 'administration.audit' },
];

/** The administration pages this user may open. */
export function adminPages() {
  return ADMIN_PAGES.filter((p) => hasRight(p.right));
}

/** Reloads the folders and tells the subscribers. */
export async function refreshFolders() {
  state.folders = await api.get('/api/mail/folders');
  emit('folders', state.folders);
  return state.folders;
}

/** The folder with a special use ("inbox", "drafts", "trash"…). */
export function specialFolder(use) {
  return state.folders.find((f) => f.specialUse === use) ?? null;
}

/** Reloads the plugin modules this user may open (GET /api/ui/modules: only those whose right the user
 * holds) and tells the navigation. */
export async function refreshModules() {
  const modules = await api.get('/api/ui/modules');
  state.modules = (Array.isArray(modules) ? modules : []).map((m) => ({ id: m.id, label: m.label, entry: m.entry }));
  emit('modules', state.modules);
  return state.modules;
}

/** Loads the settings once (signature for the composer, language). */
export async function loadSettings(force = false) {
  if (!state.settings || force) state.settings = await api.get('/api/settings');
  return state.settings;
}

/** The signed-in user's address. */
export function ownAddress() {
  return state.session?.address ?? null;
}
