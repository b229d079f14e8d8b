// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape, makes the page
// behind inert, and gives focus back to the opener when closed.
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';

/**
 * Opens a dialog and resolves with the value passed to `close` (undefined on Escape/cancel).
 * @param {(close: (value?: any) => void, titleId: string) => Node[]} build builds the content
 * @param {{className?: string}} [options]
 */
export function openDialog(build, options = {}) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('dialog-title');
    const dialog = h('dialog', { class: ['dialog', options.className], 'aria-labelledby': titleId });
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

/** Asks a yes/no question; resolves true when confirmed. */
export function confirmDialog({ title, message, confirm, danger = false }) {
  return openDialog((close, titleId) => [
    h('div', { class: 'dialog-body' }, h('h2', { id: titleId, text: title }), message ? h('p', { text: message }) : null),
    h('div', { class: 'dialog-actions' },
      h('button', { class: 'btn', type: 'button', onClick: () => close(false) }, t('common.cancel')),
      h('button', { class: ['btn', danger ? 'btn-danger-solid' : 'btn-primary'], type: 'button', autofocus: true, onClick: () => close(true) }, confirm)),
  ]).then(Boolean);
}

/** Asks for one line of text; resolves with it, or null when cancelled. */
export function promptDialog({ title, label, value = '', confirm }) {
  const inputId = uid('prompt');
  return openDialog((close, titleId) => {
    const input = h('input', { class: 'input', id: inputId, value, required: true, autocomplete: 'off' });
    const form = h('form', { class: 'dialog-body', onSubmit: (e) => { e.preventDefault(); if (input.value.trim()) close(input.value.trim()); } },
      h('h2', { id: titleId, text: title }),
      h('div', { class: 'field' }, h('label', { for: inputId, text: label }), input),
      h('div', { class: 'dialog-actions' },
        h('button', { class: 'btn', type: 'button', onClick: () => close(null) }, t('common.cancel')),
        h('button', { class: 'btn btn-primary', type: 'submit' }, confirm)));
    queueMicrotask(() => { input.focus(); input.select(); });
    return [form];
  }).then((v) => v ?? null);
}

/** Shows a secret once (a new password), with a copy button. */
export function secretDialog({ title, message, secret }) {
  return openDialog((close, titleId) => [
    h('div', { class: 'dialog-body' },
      h('h2', { id: titleId, text: title }),
      h('p', { text: message }),
      h('p', { class: 'secret', 'data-testid': 'secret', text: secret })),
    h('div', { class: 'dialog-actions' },
      h('button', { class: 'btn', type: 'button', onClick: async (e) => {
        try { await navigator.clipboard.writeText(secret); e.target.textContent = t('common.copied'); } catch { e.target.textContent = t('common.copyFailed'); }
      } }, t('common.copy')),
      h('button', { class: 'btn btn-primary', type: 'button', autofocus: true, onClick: () => close() }, t('common.close'))),
  ]);
}
