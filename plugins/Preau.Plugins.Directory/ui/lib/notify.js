// Short confirmations ("Compte suspendu") in the webmail's toast region (#toasts, a polite live
// region of the page), or, outside the webmail, in the module's own status line.
import { h } from './dom.js';

let fallback = null;

/** Where messages go when the page has no toast region (set by the module at mount). */
export function setFallbackRegion(element) {
  fallback = element;
}

/**
 * Shows a message for a few seconds (errors stay until closed).
 * @param {string} message
 * @param {{error?: boolean, closeLabel: string}} options
 */
export function notify(message, { error = false, closeLabel }) {
  const container = document.getElementById('toasts');
  if (!container) {
    if (fallback) fallback.textContent = message;
    return;
  }
  const item = h('div', { class: ['toast', error && 'toast-error'], role: error ? 'alert' : null },
    h('span', { text: message }),
    h('button', { class: 'btn btn-sm', type: 'button', 'aria-label': closeLabel, onClick: () => item.remove() }, '×'));
  container.append(item);
  if (!error) setTimeout(() => item.remove(), 5000);
}
