// The home page: a greeting, the school's announcements for the user's profile, the newest mail of the
// inbox; for those who may publish, the announcements they manage.
import * as api from '../api.js';
import { h, replace, uid, safeHtml, textToHtml } from '../dom.js';
import { icon } from '../icons.js';
import { t, shortDate, dayDate, longDate } from '../i18n.js';
import { state, hasRight, specialFolder, on } from '../state.js';
import { confirmDialog } from '../components/dialog.js';
import { toast, toastError } from '../components/toast.js';

const PROFILES = ['Eleve', 'Responsable', 'Enseignant', 'Personnel', 'AdministrateurEnt'];

export async function mount(outlet) {
  const announcements = h('div', { class: 'announcements', 'aria-busy': 'true' });
  const recent = h('div', { class: 'recent', 'aria-busy': 'true' });
  const firstName = (state.session.displayName || state.session.login).split(' ')[0];
  const canPublish = hasRight('communication.publish-announcement');
  const manage = canPublish ? h('section', { class: 'card', 'aria-labelledby': 'manage-title' }) : null;

  outlet.append(h('div', { class: 'page home' },
    h('div', { class: 'page-header' },
      h('div', null, h('h1', { text: t('home.hello', { name: firstName }) }), h('p', { class: 'muted', text: t('home.today', { date: dayDate(new Date().toISOString()) }) })),
      h('a', { class: 'btn btn-primary', href: '/compose' }, icon('pencil'), t('mail.compose'))),
    h('div', { class: 'home-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'announcements-title' },
        h('div', { class: 'card-header' }, h('h2', { id: 'announcements-title' }, t('home.announcements'))), announcements),
      h('section', { class: 'card', 'aria-labelledby': 'recent-title' },
        h('div', { class: 'card-header' }, h('h2', { id: 'recent-title', text: t('home.recent') }),
          h('a', { href: '/mail', class: 'small' }, t('home.allMail'))), recent)),
    manage));

  async function load() {
    try {
      const home = await api.get('/api/home');
      renderAnnouncements(home.announcements ?? []);
      renderRecent(home.recent ?? []);
    } catch (error) {
      replace(announcements, h('p', { class: 'field-error', text: error.message }));
      replace(recent);
    }
    announcements.removeAttribute('aria-busy');
    recent.removeAttribute('aria-busy');
  }

  function renderAnnouncements(items) {
    if (!items.length) {
      replace(announcements, h('div', { class: 'empty' }, icon('megaphone'), h('p', { text: t('home.noAnnouncements') })));
      return;
    }
    replace(announcements, items.map((a) => h('article', { class: 'announcement' },
      h('h3', { text: a.title }),
      h('p', { class: 'small muted', text: t('home.announcementMeta', { author: a.author ?? '', date: dayDate(a.start) }) }),
      h('div', { class: 'announcement-body' }, safeHtml(a.body)))));
  }

  function renderRecent(items) {
    const inbox = specialFolder('inbox');
    if (!items.length) {
      replace(recent, h('div', { class: 'empty' }, icon('inbox'), h('p', { text: t('home.noMail') })));
      return;
    }
    replace(recent, h('ul', { class: 'recent-list' }, items.map((m) => h('li', null,
      h('a', { class: ['recent-item', !m.seen && 'is-unread'], href: `/mail/${encodeURIComponent(m.folderId ?? inbox?.id ?? '')}/${encodeURIComponent(m.id)}` },
        h('span', { class: 'recent-from', text: m.from?.name || m.from?.address || t('mail.unknownSender') }),
        h('span', { class: 'recent-subject', text: m.subject || t('mail.noSubject') }),
        h('time', { class: 'recent-date small muted', datetime: m.date, title: longDate(m.date), text: shortDate(m.date) }),
        !m.seen ? h('span', { class: 'visually-hidden', text: `, ${t('mail.unread')}` }) : null)))));
  }

  async function renderManage() {
    const titleId = uid('ann-title');
    const bodyId = uid('ann-body');
    const startId = uid('ann-start');
    const endId = uid('ann-end');
    const today = new Date().toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    const titleInput = h('input', { class: 'input', id: titleId, required: true, maxlength: 200 });
    const bodyInput = h('textarea', { class: 'textarea', id: bodyId, required: true });
    const startInput = h('input', { class: 'input', id: startId, type: 'date', value: today, required: true });
    const endInput = h('input', { class: 'input', id: endId, type: 'date', value: inAWeek, required: true });
    const error = h('p', { class: 'field-error', role: 'alert' });
    const existing = h('div');
    const form = h('form', {
      class: 'stack', onSubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        const profiles = [...form.querySelectorAll('input[name="profile"]:checked')].map((c) => c.value);
        if (!titleInput.value.trim() || !bodyInput.value.trim() || !profiles.length) {
          error.textContent = t('home.publishMissing');
          return;
        }
        try {
          await api.post('/api/announcements', {
            title: titleInput.value.trim(), body: textToHtml(bodyInput.value.trim()),
            // Days as typed: the server reads them where the school is (start of the first, end of the last).
            start: startInput.value, end: endInput.value, profiles,
          });
          toast(t('home.published'));
          form.reset();
          startInput.value = today;
          endInput.value = inAWeek;
          for (const box of form.querySelectorAll('input[name="profile"]')) box.checked = box.value !== 'AdministrateurEnt';
          await Promise.all([load(), listAll()]);
        } catch (failure) {
          error.textContent = failure.message;
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: titleId, text: t('home.annTitle') }), titleInput),
    h('div', { class: 'field' }, h('label', { for: bodyId, text: t('home.annBody') }), bodyInput),
    h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: startId, text: t('home.annStart') }), startInput),
      h('div', { class: 'field' }, h('label', { for: endId, text: t('home.annEnd') }), endInput)),
    h('fieldset', null, h('legend', { text: t('home.annAudience') }),
      PROFILES.map((p) => h('label', { class: 'check check-inline' }, h('input', { type: 'checkbox', name: 'profile', value: p, checked: p !== 'AdministrateurEnt' }), t(`profile.${p}`)))),
    error,
    h('button', { class: 'btn btn-primary', type: 'submit' }, icon('megaphone'), t('home.publish')));

    async function listAll() {
      try {
        const all = await api.get('/api/announcements');
        const items = Array.isArray(all) ? all : all?.items ?? [];
        replace(existing, items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
          h('caption', { class: 'visually-hidden', text: t('home.allAnnouncements') }),
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('home.annTitle') }), h('th', { scope: 'col', text: t('home.annPeriod') }), h('th', { scope: 'col', text: t('home.annAudience') }), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('common.actions') })))),
          h('tbody', null, items.map((a) => h('tr', null,
            h('td', { text: a.title }),
            h('td', { class: 'nowrap', text: `${dayDate(a.start)} → ${dayDate(a.end)}` }),
            h('td', { text: (a.profiles ?? []).map((p) => t(`profile.${p}`)).join(', ') }),
            h('td', { class: 'actions' }, h('button', {
              class: 'btn btn-sm btn-danger', type: 'button', 'aria-label': t('home.annDeleteNamed', { title: a.title }),
              onClick: async () => {
                if (!(await confirmDialog({ title: t('home.annDeleteTitle'), message: a.title, confirm: t('common.delete'), danger: true }))) return;
                try {
                  await api.del(`/api/announcements/${api.seg(a.id)}`);
                  await Promise.all([load(), listAll()]);
                } catch (failure) {
                  toastError(failure);
                }
              },
            }, t('common.delete')))))))) : h('p', { class: 'muted', text: t('home.noAnnouncements') }));
      } catch (failure) {
        replace(existing, h('p', { class: 'field-error', text: failure.message }));
      }
    }

    replace(manage,
      h('div', { class: 'card-header' }, h('h2', { id: 'manage-title', text: t('home.manageAnnouncements') })),
      h('div', { class: 'manage-grid' }, h('div', null, h('h3', { text: t('home.newAnnouncement') }), form), h('div', null, h('h3', { text: t('home.allAnnouncements') }), existing)));
    await listAll();
  }

  const off = on('mail', (event) => { if (event?.kind === 'added') load(); });
  await load();
  if (manage) renderManage();
  return { title: t('nav.home'), destroy: off };
}
