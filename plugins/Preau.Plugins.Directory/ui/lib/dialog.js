// Modal dialogs on the native <dialog> element, styled by the webmail's `.dialog` classes: focus is
// trapped, Escape closes, the page behind is inert, and the focus returns to the opener.
import { h, uid } from './dom.js';

/**
 * Opens a dialog; resolves with the value given to `close` (undefined on Escape).
 * @param {(close: (value?: any) => void, titleId: string) => Node[]} build the content
 * @param {{wide?: boolean}} [options]
 */
export function openDialog(build, options = {}) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('annuaire-dialog');
    const dialog = h('dialog', { class: ['dialog', options.wide && 'dialog-wide', 'annuaire-dialog'], 'aria-labelledby': titleId });
    let result;
    const close = (value) => {
      result = value;
      dialog.close();
    };
    dialog.append(...build(close, titleId));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Asks a yes/no question; resolves true when confirmed.
 * @param {{title: string, message?: string, details?: Node, confirm: string, cancel: string, danger?: boolean}} options
 */
export function confirmDialog({ title, message, details, confirm, cancel, danger = false }) {
  return openDialog((close, titleId) => [
    h('div', { class: 'dialog-body' }, h('h2', { id: titleId, text: title }), message ? h('p', { text: message }) : null, details ?? null),
    h('div', { class: 'dialog-actions' },
      h('button', { class: 'btn', type: 'button', onClick: () => close(false) }, cancel),
      h('button', { class: ['btn', danger ? 'btn-danger-solid' : 'btn-primary'], type: 'button', autofocus: true, onClick: () => close(true) }, confirm)),
  ]).then(Boolean);
}
