// The reading pane: headers, actions, the body, attachments. HTML mail is shown in a sandboxed iframe
// without scripts, loaded from GET /api/mail/messages/{id}/body: the server's sanitised HTML as a document
// with its own Content-Security-Policy (an srcdoc frame would inherit the page's, which strips the mail's
// inline styles and would keep remote images blocked even when asked for). Links open in a new tab; remote
// images stay blocked until the user asks, which loads the message again with images=1.
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { icon } from '../icons.js';
import { t, longDate, size } from '../i18n.js';

/**
 * @param {{onAction: (action: string, message: object) => void, backHref: () => string}} handlers
 */
export function createReader(handlers) {
  const element = h('div', { class: 'reader' });
  let message = null;
  let shownImages = false;
  let controller = null;

  function empty() {
    message = null;
    replace(element, h('div', { class: 'empty reader-empty' }, icon('mail-open'), h('p', { text: t('reader.empty') }),
      h('p', { class: 'small', text: t('reader.emptyHint') })));
  }

  /** Loads and shows a message; resolves with it (null when it vanished). */
  async function show(id, { images = false } = {}) {
    controller?.abort();
    controller = new AbortController();
    replace(element, h('div', { class: 'reader-loading', role: 'status' }, h('div', { class: 'spinner' }), h('span', { text: t('common.loading') })));
    try {
      message = await api.get(`/api/mail/messages/${api.seg(id)}`, { images: images ? 1 : null }, { signal: controller.signal });
    } catch (error) {
      if (error.name === 'AbortError') return null;
      message = null;
      replace(element, h('div', { class: 'empty' }, icon('alert'), h('p', { text: error.status === 404 ? t('reader.gone') : error.message })));
      return null;
    }
    render(images);
    return message;
  }

  function render(imagesShown) {
    shownImages = imagesShown;
    const m = message;
    const toolbar = h('div', { class: 'toolbar reader-toolbar', role: 'toolbar', 'aria-label': t('reader.actions') },
      h('a', { class: 'btn btn-ghost btn-icon pane-back', href: handlers.backHref(), 'aria-label': t('reader.back') }, icon('chevron-left')),
      actionButton('reply', 'reply', t('mail.reply'), 'r'),
      actionButton('replyAll', 'reply-all', t('mail.replyAll'), 'a'),
      actionButton('forward', 'forward', t('mail.forward'), 'f'),
      h('span', { class: 'spacer' }),
      toggleButton('flag', 'star', m.flagged ? t('mail.unflag') : t('mail.flag'), m.flagged),
      actionButton('unread', 'mail', t('mail.markUnread'), 'u', true),
      actionButton('move', 'move', t('mail.move'), null, true),
      actionButton('delete', 'trash', t('mail.delete'), 'Delete', true));

    const people = (list) => (list ?? []).map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
    const header = h('header', { class: 'reader-header' },
      h('h2', { class: 'reader-subject', id: 'reader-subject', tabindex: '-1', text: m.subject || t('mail.noSubject') }),
      h('dl', { class: 'reader-meta' },
        h('dt', { text: t('reader.from') }), h('dd', { class: 'reader-from' },
          h('strong', { text: m.from?.name || m.from?.address || t('mail.unknownSender') }),
          m.from?.name ? h('span', { class: 'muted', text: ` <${m.from.address}>` }) : null),
        m.to?.length ? [h('dt', { text: t('reader.to') }), h('dd', { text: people(m.to) })] : null,
        m.cc?.length ? [h('dt', { text: t('reader.cc') }), h('dd', { text: people(m.cc) })] : null,
        h('dt', { text: t('reader.date') }), h('dd', null, h('time', { datetime: m.date, text: longDate(m.date) }))));

    const banners = [];
    if (m.hasRemoteImages && !imagesShown) {
      banners.push(h('div', { class: 'banner banner-info reader-images' }, icon('image'),
        h('p', { text: t('reader.imagesBlocked') }),
        h('button', { class: 'btn btn-sm', type: 'button', onClick: () => show(m.id, { images: true }) }, t('reader.showImages'))));
    }

    const attachments = m.attachments?.length ? h('section', { class: 'reader-attachments', 'aria-labelledby': 'reader-attachments-title' },
      h('h3', { id: 'reader-attachments-title', class: 'small', text: t('reader.attachments', { count: m.attachments.length }) }),
      h('ul', null, m.attachments.map((a) => h('li', null,
        h('a', { class: 'attachment', href: `/api/mail/messages/${api.seg(m.id)}/attachments/${api.seg(a.part)}`, download: a.name || true },
          icon('paperclip', { className: 'icon-sm' }), h('span', { class: 'attachment-name', text: a.name || t('reader.unnamed') }),
          h('span', { class: 'muted small', text: size(a.size) }), icon('download', { className: 'icon-sm' })))))) : null;

    replace(element,
      toolbar,
      h('article', { class: 'reader-article', 'aria-labelledby': 'reader-subject' }, header, banners, body(m, imagesShown), attachments));
  }

  function body(m, imagesShown) {
    if (m.html) {
      return h('iframe', {
        class: 'reader-frame',
        title: t('reader.bodyTitle', { subject: m.subject || t('mail.noSubject') }),
        // No scripts, no same-origin access, no forms; links may open a new tab outside the sandbox.
        sandbox: 'allow-popups allow-popups-to-escape-sandbox',
        referrerpolicy: 'no-referrer',
        src: api.withQuery(`/api/mail/messages/${api.seg(m.id)}/body`, { images: imagesShown ? 1 : null }),
      });
    }
    return h('div', { class: 'reader-text' }, textBody(m.text ?? ''));
  }

  function actionButton(action, iconName, label, key, iconOnly = false) {
    return h('button', {
      class: ['btn', iconOnly ? 'btn-ghost btn-icon' : 'btn-ghost'], type: 'button',
      'aria-label': iconOnly ? label : null, title: key ? `${label} (${key === 'Delete' ? t('keys.delete') : key})` : label,
      'aria-keyshortcuts': key ?? null,
      onClick: () => handlers.onAction(action, message),
    }, icon(iconName), iconOnly ? null : h('span', { class: 'btn-label', text: label }));
  }

  function toggleButton(action, iconName, label, pressed) {
    return h('button', {
      class: ['btn btn-ghost btn-icon', pressed && 'is-flag-on'], type: 'button', 'aria-label': t('mail.flag'), 'aria-pressed': String(Boolean(pressed)),
      title: `${label} (s)`, 'aria-keyshortcuts': 's', onClick: () => handlers.onAction(action, message),
    }, icon(iconName, { filled: pressed }));
  }

  empty();
  return {
    element,
    show,
    empty,
    current: () => message,
    /** Updates the flag buttons after a change made elsewhere. */
    patch(change) {
      if (!message) return;
      Object.assign(message, change);
      render(shownImages);
    },
    focusSubject: () => element.querySelector('#reader-subject')?.focus(),
    destroy: () => controller?.abort(),
  };
}

/** Plain text as paragraphs: links made clickable, quoted lines ("> ") set apart. */
function textBody(text) {
  const blocks = [];
  let quote = null;
  let plain = null;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const quoted = /^\s*>/.test(line);
    if (quoted) {
      plain = null;
      if (!quote) {
        quote = h('blockquote', { class: 'text-quote' });
        blocks.push(quote);
      }
      quote.append(...linkify(line.replace(/^\s*>\s?/, '')), '\n');
    } else {
      quote = null;
      if (!plain) {
        plain = h('div', { class: 'text-block' });
        blocks.push(plain);
      }
      plain.append(...linkify(line), '\n');
    }
  }
  return blocks;
}

function linkify(line) {
  const parts = [];
  const pattern = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;
  let last = 0;
  for (const found of line.matchAll(pattern)) {
    if (found.index > last) parts.push(line.slice(last, found.index));
    parts.push(h('a', { href: found[0], target: '_blank', rel: 'noopener noreferrer' }, found[0]));
    last = found.index + found[0].length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}
