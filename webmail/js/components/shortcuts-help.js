// The keyboard shortcuts, listed in a dialog (the "?" key or the keyboard button in the header).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { openDialog } from './dialog.js';

/** Each shortcut: the keys shown and the translation key of what it does. */
export const SHORTCUTS = [
  { keys: ['j', '↓'], key: 'shortcuts.next' },
  { keys: ['k', '↑'], key: 'shortcuts.previous' },
  { keys: ['Entrée'], key: 'shortcuts.open' },
  { keys: ['r'], key: 'shortcuts.reply' },
  { keys: ['a'], key: 'shortcuts.replyAll' },
  { keys: ['f'], key: 'shortcuts.forward' },
  { keys: ['c'], key: 'shortcuts.compose' },
  { keys: ['Suppr'], key: 'shortcuts.delete' },
  { keys: ['u'], key: 'shortcuts.unread' },
  { keys: ['s'], key: 'shortcuts.flag' },
  { keys: ['x'], key: 'shortcuts.select' },
  { keys: ['/'], key: 'shortcuts.search' },
  { keys: ['?'], key: 'shortcuts.help' },
];

/** The shortcuts as a definition list (the dialog and the settings page show it). */
export function shortcutsList() {
  return h('dl', { class: 'shortcuts' }, SHORTCUTS.map((s) => [
    h('dt', null, s.keys.map((k, i) => [i ? ' / ' : '', h('kbd', { text: k === 'Entrée' ? t('keys.enter') : k === 'Suppr' ? t('keys.delete') : k })])),
    h('dd', { text: t(s.key) }),
  ]));
}

/** Opens the shortcuts dialog. */
export function showShortcuts() {
  return openDialog((close, titleId) => [
    h('div', { class: 'dialog-body' }, h('h2', { id: titleId, text: t('shortcuts.title') }), h('p', { class: 'muted', text: t('shortcuts.intro') }), shortcutsList()),
    h('div', { class: 'dialog-actions' }, h('button', { class: 'btn btn-primary', type: 'button', autofocus: true, onClick: () => close() }, t('common.close'))),
  ]);
}
