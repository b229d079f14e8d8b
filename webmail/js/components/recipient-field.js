// A recipients field (À, Cc, Cci): chips for the recipients added, and a combobox that suggests only
// the people and lists the sender may write to (GET /api/mail/recipients/suggest). The composer checks
// every recipient with the server and marks refused chips with the rule's reason.
import * as api from '../api.js';
import { h, replace, uid, debounce } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';

/**
 * @param {{label: string, name: string, onChange: () => void}} options
 */
export function createRecipientField({ label, name, onChange }) {
  const inputId = uid(`rcpt-${name}`);
  const listboxId = uid(`rcpt-${name}-suggestions`);
  const problemsId = uid(`rcpt-${name}-problems`);
  /** @type {{address: string, name: string|null, kind: string|null, result: object|null}[]} */
  let recipients = [];
  let suggestions = [];
  let highlighted = -1;
  let lookup = null;

  const chips = h('ul', { class: 'rcpt-chips', 'aria-label': t('compose.recipientsOf', { field: label }) });
  const input = h('input', {
    class: 'rcpt-input', id: inputId, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listboxId, 'aria-describedby': problemsId,
    'data-field': name,
  });
  const listbox = h('ul', { class: 'rcpt-suggestions', id: listboxId, role: 'listbox', 'aria-label': t('compose.suggestions'), hidden: true });
  const problems = h('div', { class: 'rcpt-problems', id: problemsId, 'aria-live': 'polite' });
  const box = h('div', { class: 'rcpt-box', onClick: (e) => { if (e.target === box || e.target === chips) input.focus(); } }, chips, input);
  const element = h('div', { class: 'rcpt-field' },
    h('label', { class: 'rcpt-label', for: inputId, text: label }),
    h('div', { class: 'rcpt-control' }, box, listbox),
    problems);

  const suggest = debounce(async (text) => {
    lookup?.abort();
    if (text.trim().length < 2) {
      closeSuggestions();
      return;
    }
    lookup = new AbortController();
    try {
      const found = await api.get('/api/mail/recipients/suggest', { q: text.trim() }, { signal: lookup.signal });
      if (input.value !== text) return;
      const taken = new Set(recipients.map((r) => r.address.toLowerCase()));
      suggestions = (found ?? []).filter((s) => !taken.has(s.address.toLowerCase())).slice(0, 8);
      highlighted = suggestions.length ? 0 : -1;
      renderSuggestions();
    } catch (error) {
      if (error.name !== 'AbortError') closeSuggestions();
    }
  }, 150);

  input.addEventListener('input', () => {
    const value = input.value;
    if (/[,;]/.test(value)) {
      const parts = value.split(/[,;]/);
      input.value = parts.pop();
      parts.map((p) => p.trim()).filter(Boolean).forEach((p) => add({ address: p }));
    }
    suggest(input.value);
  });
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && suggestions.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      highlighted = (highlighted + 1) % suggestions.length;
      renderSuggestions();
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      highlighted = (highlighted - 1 + suggestions.length) % suggestions.length;
      renderSuggestions();
    } else if (event.key === 'Enter' || (event.key === 'Tab' && input.value.trim())) {
      if (open && highlighted >= 0) {
        event.preventDefault();
        choose(suggestions[highlighted]);
      } else if (input.value.trim()) {
        event.preventDefault();
        commitTyped();
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      closeSuggestions();
    } else if (event.key === 'Backspace' && !input.value && recipients.length) {
      remove(recipients.length - 1);
    }
  });
  input.addEventListener('blur', () => {
    // A click on a suggestion lands first (mousedown keeps the focus); otherwise keep what was typed.
    setTimeout(() => {
      if (document.activeElement !== input) {
        closeSuggestions();
        if (input.value.trim()) commitTyped();
      }
    }, 0);
  });

  function commitTyped() {
    const text = input.value.trim();
    input.value = '';
    closeSuggestions();
    if (text) add({ address: text });
  }

  function choose(suggestion) {
    input.value = '';
    closeSuggestions();
    add({ address: suggestion.address, name: suggestion.name, kind: suggestion.kind });
    input.focus();
  }

  function add(recipient) {
    const address = recipient.address.replace(/^.*<([^>]+)>\s*$/, '$1').trim();
    if (!address || recipients.some((r) => r.address.toLowerCase() === address.toLowerCase())) return;
    recipients.push({ address, name: recipient.name ?? null, kind: recipient.kind ?? null, result: null });
    renderChips();
    onChange();
  }

  function remove(index) {
    recipients.splice(index, 1);
    renderChips();
    onChange();
    input.focus();
  }

  function renderChips() {
    replace(chips, recipients.map((r, index) => {
      const refused = r.result && !r.result.allowed;
      const reasonId = refused ? `${problemsId}-${index}` : null;
      const shown = r.name || r.address;
      return h('li', {
        class: ['chip', refused && 'is-refused', !r.result && 'is-pending', (r.kind === 'list' || (r.result?.count ?? 1) > 1) && 'is-list'],
        title: r.name ? `${r.name} <${r.address}>` : r.address, 'aria-describedby': reasonId,
        'data-address': r.address,
      },
      refused ? icon('alert', { className: 'icon-sm' }) : null,
      h('span', { class: 'chip-label', text: shown }),
      (r.result?.count ?? 1) > 1 ? h('span', { class: 'chip-count', text: t('compose.members', { count: r.result.count }) }) : null,
      refused ? h('span', { class: 'visually-hidden', text: `, ${t('compose.refused')}` }) : null,
      h('button', { class: 'chip-remove', type: 'button', 'aria-label': t('compose.removeRecipient', { name: shown }), onClick: () => remove(index) }, icon('x', { className: 'icon-sm' })));
    }));
    const refused = recipients.map((r, index) => ({ r, index })).filter(({ r }) => r.result && !r.result.allowed);
    replace(problems, refused.length ? h('ul', { class: 'rcpt-reasons' }, refused.map(({ r, index }) =>
      h('li', { id: `${problemsId}-${index}`, class: 'rcpt-reason', 'data-address': r.address },
        h('strong', { text: r.name || r.address }), ' — ', r.result.reason || t('compose.refusedNoReason')))) : null);
  }

  function renderSuggestions() {
    if (!suggestions.length) {
      closeSuggestions();
      return;
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    replace(listbox, suggestions.map((s, index) => h('li', {
      id: `${listboxId}-${index}`, role: 'option', class: ['rcpt-suggestion', index === highlighted && 'is-highlighted'],
      'aria-selected': String(index === highlighted),
      onMousedown: (e) => { e.preventDefault(); choose(s); },
    },
    icon(s.kind === 'list' ? 'users' : 'user', { className: 'icon-sm' }),
    h('span', { class: 'rcpt-suggestion-text' },
      h('span', { class: 'rcpt-suggestion-name', text: s.name || s.address }),
      h('span', { class: 'rcpt-suggestion-detail', text: [s.detail, s.address].filter(Boolean).join(' · ') })))));
    if (highlighted >= 0) input.setAttribute('aria-activedescendant', `${listboxId}-${highlighted}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function closeSuggestions() {
    suggestions = [];
    highlighted = -1;
    listbox.hidden = true;
    replace(listbox);
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  return {
    element,
    /** The addresses, in order. */
    addresses: () => recipients.map((r) => r.address),
    /** Replaces the recipients (a reply, a draft). */
    set(list) {
      recipients = [];
      for (const r of list ?? []) {
        const address = typeof r === 'string' ? r : r.address;
        if (address && !recipients.some((x) => x.address.toLowerCase() === address.toLowerCase())) {
          recipients.push({ address, name: typeof r === 'string' ? null : r.name ?? null, kind: null, result: null });
        }
      }
      renderChips();
    },
    /** Applies the server's check: a map from lower-case address to {allowed, reason, count}. */
    applyCheck(results) {
      for (const r of recipients) r.result = results.get(r.address.toLowerCase()) ?? r.result;
      renderChips();
    },
    /** Marks addresses refused at sending (422). */
    applyRefusals(refused) {
      for (const r of recipients) {
        const found = refused.find((x) => x.address.toLowerCase() === r.address.toLowerCase());
        if (found) r.result = { allowed: false, reason: found.reason, count: r.result?.count ?? 1 };
      }
      renderChips();
    },
    /** Commits text still in the input (before saving or sending). */
    commit: () => { if (input.value.trim()) commitTyped(); },
    focus: () => input.focus(),
    hasRefused: () => recipients.some((r) => r.result && !r.result.allowed),
  };
}
