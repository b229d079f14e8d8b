// Writing a message: new, reply, reply to all, forward, or a draft reopened. Recipients are checked
// with the server as they are added (the refused ones show the rule's reason, the count is shown against
// the 150 limit); attachments upload at once with their progress; the draft is saved in Brouillons a
// moment after each change (PUT /api/mail/drafts), and once more before leaving.
import * as api from '../api.js';
import { h, replace, uid, debounce } from '../dom.js';
import { icon } from '../icons.js';
import { t, longDate, size, language } from '../i18n.js';
import { state, loadSettings, refreshFolders } from '../state.js';
import { createRecipientField } from './recipient-field.js';
import { toast } from './toast.js';
import { confirmDialog } from './dialog.js';

const AUTOSAVE_MS = 1500;

/**
 * @param {{
 *   mode: 'new'|'reply'|'replyAll'|'forward'|'draft',
 *   source?: object|null,     message replied to, forwarded, or the draft reopened
 *   to?: string|null,         a first recipient (a "mailto"-like link)
 *   onClose: (result: {sent?: boolean}) => void,
 * }} options
 */
export function createComposer(options) {
  const { mode, source } = options;
  const subjectId = uid('subject');
  const bodyId = uid('body');
  const fileId = uid('files');
  let draftId = mode === 'draft' ? source?.id ?? null : null;
  let dirty = false;
  let saving = Promise.resolve();
  let closed = false;
  let sending = false;
  let checkSeq = 0;
  /** @type {{local: string, id: string|null, name: string, size: number, progress: number, error: string|null, abort?: () => void}[]} */
  const attachments = [];

  const changed = () => {
    dirty = true;
    autosave();
  };
  const recipientsChanged = () => {
    changed();
    check();
  };
  const to = createRecipientField({ label: t('compose.to'), name: 'to', onChange: recipientsChanged });
  const cc = createRecipientField({ label: t('compose.cc'), name: 'cc', onChange: recipientsChanged });
  const bcc = createRecipientField({ label: t('compose.bcc'), name: 'bcc', onChange: recipientsChanged });
  const ccRow = h('div', { class: 'compose-row', hidden: true }, cc.element);
  const bccRow = h('div', { class: 'compose-row', hidden: true }, bcc.element);
  const showCopies = h('button', {
    class: 'btn btn-ghost btn-sm', type: 'button', 'aria-expanded': 'false',
    onClick: () => {
      const show = ccRow.hidden;
      ccRow.hidden = !show;
      bccRow.hidden = !show;
      showCopies.setAttribute('aria-expanded', String(show));
      showCopies.textContent = show ? t('compose.hideCopies') : t('compose.showCopies');
      if (show) cc.focus();
    },
  }, t('compose.showCopies'));

  const counter = h('p', { class: 'compose-counter', 'aria-live': 'polite', id: uid('counter') });
  const subject = h('input', { class: 'input', id: subjectId, name: 'subject', autocomplete: 'off', onInput: changed });
  const body = h('textarea', { class: 'textarea compose-body', id: bodyId, name: 'body', onInput: changed });
  const fileInput = h('input', { type: 'file', id: fileId, multiple: true, class: 'visually-hidden', onChange: (e) => { addFiles([...e.target.files]); e.target.value = ''; } });
  const attachmentList = h('ul', { class: 'compose-attachments', 'aria-label': t('compose.attachments') });
  const status = h('p', { class: 'compose-status small muted', role: 'status' });
  const errors = h('div', { class: 'compose-errors', role: 'alert' });
  const sendButton = h('button', { class: 'btn btn-primary', type: 'submit', 'aria-keyshortcuts': 'Control+Enter' }, icon('send'), t('compose.send'));
  const title = {
    new: t('compose.titleNew'), reply: t('compose.titleReply'), replyAll: t('compose.titleReply'), forward: t('compose.titleForward'), draft: t('compose.titleDraft'),
  }[mode];

  const form = h('form', {
    class: 'composer', 'aria-labelledby': 'composer-title', novalidate: true,
    onSubmit: (e) => { e.preventDefault(); send(); },
    onKeydown: (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); }
      if (e.key === 'Escape' && !e.defaultPrevented && document.querySelector('dialog[open]') === null) { e.preventDefault(); close(); }
    },
  },
  h('div', { class: 'composer-header' },
    h('a', { class: 'btn btn-ghost btn-icon pane-back', href: '#', 'aria-label': t('compose.close'), onClick: (e) => { e.preventDefault(); close(); } }, icon('chevron-left')),
    h('h2', { id: 'composer-title', tabindex: '-1', text: title }),
    h('span', { class: 'spacer' }),
    h('button', { class: 'btn btn-ghost btn-icon hide-phone', type: 'button', 'aria-label': t('compose.close'), title: t('compose.close'), onClick: close }, icon('x'))),
  h('div', { class: 'composer-fields' },
    h('div', { class: 'compose-row compose-row-to' }, to.element, showCopies),
    ccRow,
    bccRow,
    counter,
    h('div', { class: 'compose-row field' }, h('label', { for: subjectId, text: t('compose.subject') }), subject),
    h('div', { class: 'compose-row field compose-body-field' }, h('label', { for: bodyId, text: t('compose.body') }), body),
    h('div', { class: 'compose-row' },
      h('label', { for: fileId, class: 'btn btn-ghost', tabindex: '0', onKeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fileInput.click(); } } },
        icon('paperclip'), t('compose.attach')),
      fileInput,
      attachmentList)),
  errors,
  h('div', { class: 'composer-footer' },
    sendButton,
    h('button', { class: 'btn', type: 'button', onClick: () => saveNow(true) }, t('compose.saveDraft')),
    h('span', { class: 'spacer' }),
    status,
    h('button', { class: 'btn btn-ghost btn-icon', type: 'button', 'aria-label': t('compose.discard'), title: t('compose.discard'), onClick: discard }, icon('trash'))));

  const autosave = debounce(() => { saveNow(false); }, AUTOSAVE_MS);

  function hasContent() {
    return to.addresses().length + cc.addresses().length + bcc.addresses().length > 0
      || subject.value.trim() !== '' || body.value.trim() !== '' || attachments.length > 0;
  }

  function payload() {
    return {
      to: to.addresses(), cc: cc.addresses(), bcc: bcc.addresses(), subject: subject.value, text: body.value,
      attachments: attachments.filter((a) => a.id).map((a) => a.id),
      replyTo: (mode === 'reply' || mode === 'replyAll') ? source?.id : undefined,
      forwardOf: mode === 'forward' ? source?.id : undefined,
    };
  }

  /** After a save, the attachments kept from an earlier version of the draft are parts of the new one:
   * their references ("<draft id>/<part>") follow it. Uploads keep their own ids. */
  async function followSavedParts(newDraftId) {
    const saved = attachments.filter((a) => a.saved);
    if (!saved.length) return;
    const draft = await api.get(`/api/mail/messages/${api.seg(newDraftId)}`, { peek: 1 });
    const taken = new Set();
    for (const entry of saved) {
      const part = (draft.attachments ?? []).find((p) => !taken.has(p.part) && p.name === entry.name && p.size === entry.size)
        ?? (draft.attachments ?? []).find((p) => !taken.has(p.part) && p.name === entry.name);
      if (part) {
        taken.add(part.part);
        entry.id = `${newDraftId}/${part.part}`;
      }
    }
  }

  /** Saves the draft (one save at a time; a change during a save is saved after it). */
  function saveNow(explicit) {
    autosave.cancel();
    saving = saving.then(async () => {
      if (closed || sending || (!dirty && !explicit) || !hasContent()) return;
      if (attachments.some((a) => !a.id && !a.error)) {
        // Still uploading: saved when the upload ends.
        return;
      }
      dirty = false;
      status.textContent = t('compose.saving');
      try {
        // keepalive: a save started as the tab goes away still reaches the server.
        const result = await api.put('/api/mail/drafts', { draftId, ...payload() }, { keepalive: document.visibilityState === 'hidden' });
        draftId = result?.draftId ?? draftId;
        await followSavedParts(draftId);
        const time = new Intl.DateTimeFormat(language(), { hour: '2-digit', minute: '2-digit' }).format(new Date());
        status.textContent = t(explicit ? 'compose.savedAt' : 'compose.autosavedAt', { time });
      } catch (error) {
        dirty = true;
        status.textContent = t('compose.saveFailed', { reason: error.message });
      }
    });
    return saving;
  }

  async function check() {
    const all = [...to.addresses(), ...cc.addresses(), ...bcc.addresses()];
    const seq = ++checkSeq;
    if (!all.length) {
      renderCounter(0, 150);
      return;
    }
    try {
      const result = await api.post('/api/mail/recipients/check', { addresses: all });
      if (seq !== checkSeq) return;
      const map = new Map(result.recipients.map((r) => [r.address.toLowerCase(), r]));
      to.applyCheck(map);
      cc.applyCheck(map);
      bcc.applyCheck(map);
      renderCounter(result.total, result.limit);
    } catch (error) {
      if (seq === checkSeq) counter.textContent = error.message;
    }
  }

  function renderCounter(total, limit) {
    counter.classList.toggle('is-over', total > limit);
    counter.classList.toggle('is-near', total <= limit && total > limit * 0.8);
    counter.textContent = total > limit
      ? t('compose.countOver', { total, limit })
      : t('compose.count', { count: total, limit });
  }

  function addFiles(files) {
    for (const file of files) {
      const entry = { local: uid('file'), id: null, name: file.name, size: file.size, progress: 0, error: null };
      attachments.push(entry);
      const { promise, abort } = api.upload('/api/mail/uploads', file, (p) => { entry.progress = p; renderAttachments(); });
      entry.abort = abort;
      promise.then((uploaded) => {
        entry.id = uploaded.id;
        entry.progress = 1;
        renderAttachments();
        changed();
      }, (error) => {
        if (error.name === 'AbortError') return;
        entry.error = error.message;
        renderAttachments();
      });
    }
    renderAttachments();
    dirty = true;
  }

  function renderAttachments() {
    const original = mode === 'forward' && source ? h('li', { class: 'compose-attachment' },
      icon('mail', { className: 'icon-sm' }),
      h('span', { class: 'attachment-name', text: t('compose.forwardedAttached', { subject: source.subject || t('mail.noSubject') }) })) : null;
    replace(attachmentList, original, attachments.map((a) => h('li', { class: ['compose-attachment', a.error && 'has-error'] },
      icon(a.error ? 'alert' : 'paperclip', { className: 'icon-sm' }),
      h('span', { class: 'attachment-name', text: a.name }),
      h('span', { class: 'muted small', text: size(a.size) }),
      a.error ? h('span', { class: 'field-error', text: a.error })
        : !a.id ? h('progress', { max: 100, value: Math.round(a.progress * 100), 'aria-label': t('compose.uploading', { name: a.name }) }) : null,
      h('button', {
        class: 'chip-remove', type: 'button', 'aria-label': t('compose.removeAttachment', { name: a.name }),
        onClick: () => {
          a.abort?.();
          attachments.splice(attachments.indexOf(a), 1);
          renderAttachments();
          changed();
        },
      }, icon('x', { className: 'icon-sm' })))));
  }

  async function send() {
    if (sending) return;
    for (const field of [to, cc, bcc]) field.commit();
    replace(errors);
    const recipients = [...to.addresses(), ...cc.addresses(), ...bcc.addresses()];
    if (!recipients.length) {
      errors.append(banner(t('compose.noRecipient')));
      to.focus();
      return;
    }
    if (attachments.some((a) => !a.id && !a.error)) {
      errors.append(banner(t('compose.waitUploads')));
      return;
    }
    if (!subject.value.trim() && !(await confirmDialog({ title: t('compose.noSubjectTitle'), message: t('compose.noSubjectMessage'), confirm: t('compose.sendAnyway') }))) {
      subject.focus();
      return;
    }
    autosave.cancel();
    await saving;
    sending = true;
    sendButton.disabled = true;
    status.textContent = t('compose.sending');
    try {
      await api.post('/api/mail/send', { ...payload(), draftId: draftId ?? undefined });
      closed = true;
      stopWatching();
      toast(t('compose.sent'));
      refreshFolders().catch(() => {});
      options.onClose({ sent: true });
    } catch (error) {
      sending = false;
      sendButton.disabled = false;
      status.textContent = '';
      if (error.status === 422 && Array.isArray(error.body?.refused)) {
        for (const field of [to, cc, bcc]) field.applyRefusals(error.body.refused);
        errors.append(banner(error.message || t('compose.refusedSummary'), error.body.refused));
      } else {
        errors.append(banner(error.message));
      }
    }
  }

  function banner(message, refused) {
    return h('div', { class: 'banner banner-danger' }, icon('alert'), h('div', null,
      h('p', { text: message }),
      refused?.length ? h('ul', { class: 'refused-list' }, refused.map((r) => h('li', null, h('strong', { text: r.address }), ' — ', r.reason))) : null));
  }

  async function discard() {
    const ok = !hasContent() || await confirmDialog({ title: t('compose.discardTitle'), message: t('compose.discardMessage'), confirm: t('compose.discard'), danger: true });
    if (!ok) return;
    autosave.cancel();
    await saving;
    closed = true;
    stopWatching();
    for (const a of attachments) a.abort?.();
    if (draftId) {
      try {
        await api.del(`/api/mail/drafts/${api.seg(draftId)}`);
      } catch (error) {
        if (error.status !== 404) toast(error.message, { kind: 'error' });
      }
      refreshFolders().catch(() => {});
    }
    options.onClose({ discarded: true });
  }

  async function close() {
    await flush();
    closed = true;
    stopWatching();
    if (draftId) toast(t('compose.keptInDrafts'));
    options.onClose({});
  }

  /** Saves what is pending (called before leaving the page). */
  async function flush() {
    if (closed || sending) return;
    for (const field of [to, cc, bcc]) field.commit();
    if (dirty) await saveNow(false);
    else await saving;
  }

  async function prefill() {
    const settings = await loadSettings().catch(() => null);
    const signature = settings?.signature ? `\n\n-- \n${settings.signature}` : '';
    const m = source;
    if (mode === 'new') {
      if (options.to) to.set([options.to]);
      body.value = signature;
    } else if (mode === 'draft') {
      to.set(m.to);
      cc.set(m.cc);
      subject.value = m.subject ?? '';
      body.value = m.text ?? '';
      if (m.cc?.length) showCopies.click();
      for (const part of m.attachments ?? []) {
        attachments.push({ local: uid('file'), id: `${m.id}/${part.part}`, saved: true, name: part.name || t('reader.unnamed'), size: part.size, progress: 1, error: null });
      }
    } else if (mode === 'forward') {
      subject.value = prefixed('Fwd', m.subject);
      body.value = `${signature}\n\n${t('compose.forwardHeader')}\n${t('reader.from')} : ${who(m.from)}\n${t('reader.date')} : ${longDate(m.date)}\n${t('compose.subject')} : ${m.subject ?? ''}\n${t('reader.to')} : ${(m.to ?? []).map(who).join(', ')}\n\n${m.text ?? ''}`;
    } else {
      const replyTarget = m.replyTo?.length ? m.replyTo : m.from ? [m.from] : [];
      to.set(replyTarget);
      if (mode === 'replyAll') {
        const own = (state.session?.login ?? '').toLowerCase();
        const notMe = (a) => a.address.toLowerCase() !== (state.session?.address ?? '').toLowerCase() && a.address.toLowerCase().split('@')[0] !== own;
        const already = new Set(replyTarget.map((a) => a.address.toLowerCase()));
        to.set([...replyTarget, ...(m.to ?? []).filter((a) => notMe(a) && !already.has(a.address.toLowerCase()))]);
        cc.set((m.cc ?? []).filter(notMe));
        if ((m.cc ?? []).some(notMe)) showCopies.click();
      }
      subject.value = prefixed('Re', m.subject);
      const quoted = (m.text ?? '').split('\n').map((line) => `> ${line}`).join('\n');
      body.value = `${signature}\n\n${t('compose.replyHeader', { date: longDate(m.date), name: who(m.from) })}\n${quoted}`;
    }
    renderCounter(0, 150);
    renderAttachments();
    if ([to, cc, bcc].some((f) => f.addresses().length)) check();
  }

  function who(address) {
    if (!address) return '';
    return address.name ? `${address.name} <${address.address}>` : address.address;
  }

  function prefixed(prefix, text) {
    const value = text ?? '';
    return new RegExp(`^\\s*${prefix}\\s*:`, 'i').test(value) ? value : `${prefix}: ${value}`;
  }

  // The tab hidden (switched away, phone locked, about to close): what is pending is saved now.
  const onHide = () => {
    if (document.visibilityState === 'hidden' && dirty && !closed && !sending) saveNow(false);
  };
  document.addEventListener('visibilitychange', onHide);
  const stopWatching = () => document.removeEventListener('visibilitychange', onHide);

  const ready = prefill();
  return {
    element: form,
    ready,
    flush,
    focus() {
      if (mode === 'reply' || mode === 'replyAll') {
        body.focus();
        body.setSelectionRange(0, 0);
      } else if (to.addresses().length === 0) to.focus();
      else subject.focus();
    },
    isOpen: () => !closed,
    /** Saves what is pending, then lets go (the view replaced it). */
    async dispose() {
      try {
        await flush();
      } finally {
        closed = true;
        stopWatching();
      }
    },
  };
}
