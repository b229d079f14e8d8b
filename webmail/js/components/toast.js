// Short messages at the bottom of the screen, read out by screen readers (the container is a polite
// live region; errors use role="alert").
import { h } from '../dom.js';
import { t } from '../i18n.js';

/**
 * Shows a toast for a few seconds (errors stay until closed).
 * @param {string} message
 * @param {{kind?: 'info'|'error', action?: {label: string, run: () => void}, duration?: number}} [options]
 */
export function toast(message, options = {}) {
  const container = document.getElementById('toasts');
  if (!container) return;
  const error = options.kind === 'error';
  const close = () => item.remove();
  const item = h('div', { class: ['toast', error && 'toast-error'], role: error ? 'alert' : null },
    h('span', { text: message }),
    options.action ? h('button', { class: 'btn btn-sm', type: 'button', onClick: () => { options.action.run(); close(); } }, options.action.label) : null,
    h('button', { class: 'btn btn-sm', type: 'button', 'aria-label': t('common.close'), onClick: close }, '×'));
  container.append(item);
  const duration = options.duration ?? (error ? 0 : 5000);
  if (duration > 0) setTimeout(close, duration);
}

/** Shows an error (an ApiError's French message, or a generic one). */
export function toastError(error) {
  if (error?.name === 'AbortError') return;
  toast(error?.message || t('error.unknown'), { kind: 'error' });
}
