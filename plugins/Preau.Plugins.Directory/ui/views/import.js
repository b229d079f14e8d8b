// The import view (right annuaire.import): choose the SIECLE and STSweb exports (several files, zips
// allowed), « Simuler » (a dry run: nothing changes) or « Importer », follow the progress (GET
// import/{id} polled), read the report (added, updated, suspended, warnings, errors with file,
// element, line and reason), confirm when the server asks for it (many departures), and download
// the activation-code sheets of the latest import (GET codes, GET codes/{file}). The last job's id
// is kept for the browser tab (sessionStorage) so its report is still there after a visit elsewhere.
import { h, replace, uid } from '../lib/dom.js';
import { confirmDialog } from '../lib/dialog.js';

const POLL_MS = 500;
const MAX_ROWS = 1000;
const OUTCOME_KIND = { applied: 'success', 'dry-run': 'info', refused: 'danger', 'confirmation-required': 'warning' };

/** The dictionary key of an outcome ("dry-run" → "report.title.dryRun"). */
const outcomeTitle = (outcome) => `report.title.${String(outcome).replace(/-(\w)/g, (_, c) => c.toUpperCase())}`;

/**
 * @param {HTMLElement} root
 * @param {object} app the module's services
 */
export async function mountImport(root, app) {
  const { t } = app;
  const jobKey = `preau.annuaire.job.${app.base}`;
  let timer = null;
  let polling = null;
  let running = false;
  let left = false;

  const fileId = uid('import-files');
  const hintId = uid('import-hint');
  const files = h('input', { class: 'input', type: 'file', id: fileId, name: 'files', multiple: true, accept: '.xml,.zip,application/zip,text/xml,application/xml', 'aria-describedby': hintId });
  const chosen = h('ul', { class: 'annuaire-files', 'aria-label': t('import.chosen') });
  const formError = h('p', { class: 'field-error', role: 'alert' });
  const simulate = h('button', { class: 'btn', type: 'button', onClick: () => start(true, false) }, t('import.simulate'));
  const apply = h('button', { class: 'btn btn-primary', type: 'button', onClick: () => start(false, false) }, t('import.apply'));
  files.addEventListener('change', showChosen);

  const progressLabelId = uid('import-progress');
  const progressText = h('p', { class: 'annuaire-progress-text', id: progressLabelId });
  const progressBar = h('progress', { class: 'annuaire-progress-bar', max: '1', 'aria-labelledby': progressLabelId });
  const stageAnnounce = h('p', { class: 'visually-hidden', role: 'status' });
  const progress = h('div', { class: 'annuaire-progress', hidden: true }, progressText, progressBar, stageAnnounce);
  const report = h('section', { class: 'annuaire-report', hidden: true, tabindex: '-1' });

  const codesList = h('div', { 'aria-busy': 'true' });
  const codesTitleId = uid('codes-title');
  const codes = h('section', { class: 'card annuaire-codes', 'aria-labelledby': codesTitleId },
    h('div', { class: 'card-header' },
      h('h2', { id: codesTitleId, text: t('codes.title') }),
      h('button', { class: 'btn btn-sm', type: 'button', onClick: loadCodes }, t('codes.refresh'))),
    h('p', { class: 'muted small', text: t('codes.hint') }),
    codesList);

  const formTitleId = uid('import-title');
  replace(root,
    h('section', { class: 'card annuaire-import', 'aria-labelledby': formTitleId },
      h('h2', { id: formTitleId, text: t('import.title') }),
      h('p', { class: 'muted', id: hintId, text: t('import.hint') }),
      h('div', { class: 'field' }, h('label', { for: fileId, text: t('import.files') }), files),
      chosen,
      formError,
      h('div', { class: 'toolbar' }, simulate, apply),
      progress),
    report,
    codes);

  function showChosen() {
    formError.textContent = '';
    replace(chosen, [...(files.files ?? [])].map((f) => h('li', null, f.name, h('span', { class: 'muted small', text: ` (${size(f.size)})` }))));
  }

  function size(bytes) {
    const units = t('units').split(',');
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return `${new Intl.NumberFormat(app.language, { maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1 }).format(value)} ${units[unit]}`;
  }

  function busy(on) {
    running = on;
    simulate.disabled = on;
    apply.disabled = on;
    files.disabled = on;
  }

  /** Sends the files and follows the job. */
  async function start(dryRun, confirm) {
    if (running) return;
    const list = [...(files.files ?? [])];
    if (!list.length) {
      formError.textContent = t('import.chooseFiles');
      files.focus();
      return;
    }
    formError.textContent = '';
    busy(true);
    report.hidden = true;
    showProgress({ stage: 'Upload' });
    const form = new FormData();
    for (const file of list) form.append('files', file, file.name);
    form.append('dryRun', dryRun ? 'true' : 'false');
    form.append('confirm', confirm ? 'true' : 'false');
    try {
      const started = await app.api.post(`${app.base}/import`, form);
      const id = started?.jobId ?? started?.id;
      sessionStorage.setItem(jobKey, id);
      await follow(id, true);
    } catch (error) {
      progress.hidden = true;
      busy(false);
      formError.textContent = error.message;
    }
  }

  /**
   * Polls GET import/{id} until the job is done, then shows its report.
   * @param {string} id the job
   * @param {boolean} fresh started from this page (not a job found again after a visit elsewhere):
   *   only then may its report lead to a confirmation and a new upload of the chosen files
   */
  async function follow(id, fresh) {
    busy(true);
    progress.hidden = false;
    while (!left) {
      let job;
      try {
        polling = new AbortController();
        job = await app.api.get(`${app.base}/import/${encodeURIComponent(id)}`, null, { signal: polling.signal });
      } catch (error) {
        if (error.name === 'AbortError') return;
        progress.hidden = true;
        busy(false);
        if (error.status === 404) sessionStorage.removeItem(jobKey);
        formError.textContent = error.message;
        return;
      }
      if (job.state === 'done' && job.report) {
        progress.hidden = true;
        busy(false);
        await showReport(job.report, job.dryRun, fresh);
        return;
      }
      showProgress(job.progress ?? { stage: 'Reading' });
      await new Promise((resolve) => { timer = setTimeout(resolve, POLL_MS); });
    }
  }

  let lastStage = null;
  function showProgress(p) {
    progress.hidden = false;
    const stage = t(`stage.${p.stage}`);
    const percent = typeof p.fraction === 'number' && p.total > 0 ? Math.round(p.fraction * 100) : null;
    progressText.textContent = [stage, p.message, percent === null ? null : `${percent} %`].filter(Boolean).join(' — ');
    if (percent === null) progressBar.removeAttribute('value');
    else progressBar.value = p.fraction;
    if (p.stage !== lastStage) {
      lastStage = p.stage;
      stageAnnounce.textContent = stage;
    }
  }

  async function showReport(r, dryRun, fresh) {
    const titleId = uid('report-title');
    report.setAttribute('aria-labelledby', titleId);
    const kind = OUTCOME_KIND[r.outcome] ?? 'info';
    const counts = [
      ['added', r.added?.length ?? 0],
      ['updated', r.updated?.length ?? 0],
      ['suspended', r.suspended?.length ?? 0],
      ['unchanged', r.unchanged ?? 0],
    ];
    replace(report,
      h('div', { class: 'card' },
        h('h2', { id: titleId, text: t(outcomeTitle(r.outcome)) }),
        h('div', { class: ['banner', `banner-${kind}`], role: r.outcome === 'refused' ? 'alert' : null }, h('p', { text: summaryOf(r) })),
        r.uai || r.schoolYear
          ? h('p', { class: 'muted small' }, [r.uai ? t('report.uai', { uai: r.uai }) : null, r.schoolYear ? t('report.year', { year: r.schoolYear }) : null].filter(Boolean).join(' · '))
          : null,
        r.outcome === 'refused'
          ? null
          : h('dl', { class: 'annuaire-counts' }, counts.map(([key, n]) => h('div', { class: 'annuaire-count', 'data-count': key }, h('dt', { text: t(`report.${key}`) }), h('dd', { text: app.number(n) })))),
        accounts('added', r.added, false),
        accounts('updated', r.updated, true),
        accounts('suspended', r.suspended, false),
        errors(r.errors),
        warnings(r.warnings),
        r.details ? h('details', { class: 'annuaire-details' }, h('summary', { text: t('report.details') }), h('pre', { class: 'annuaire-plan', tabindex: '0', 'aria-label': t('report.details'), text: r.details })) : null,
        r.outcome === 'dry-run' ? h('p', { class: 'muted small', text: t('report.dryRunNext') }) : null));
    report.hidden = false;
    report.focus({ preventScroll: false });
    if (r.outcome === 'applied') await loadCodes();
    if (r.outcome === 'confirmation-required' && !dryRun && fresh) {
      const ok = await confirmDialog({
        title: t('confirm.title'),
        message: t('confirm.intro'),
        details: h('p', { text: t('confirm.message', { count: r.suspended?.length ?? 0 }) }),
        confirm: t('confirm.apply'),
        cancel: t('common.cancel'),
        danger: true,
      });
      if (ok && !left) await start(false, true);
    }
  }

  /** The report's sentence; the server's own for a confirmation names the CLI's and API's switches. */
  function summaryOf(r) {
    if (r.outcome === 'confirmation-required') return t('confirm.banner');
    return r.summary || t(outcomeTitle(r.outcome));
  }

  function accounts(key, list, withChanges) {
    if (!list?.length) return null;
    const shown = list.slice(0, MAX_ROWS);
    return h('details', { class: 'annuaire-details', 'data-list': key },
      h('summary', { text: t(`report.list.${key}`, { count: list.length }) }),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t(`report.list.${key}`, { count: list.length }) }, h('table', { class: 'table' },
        h('caption', { class: 'visually-hidden', text: t(`report.list.${key}`, { count: list.length }) }),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', text: t('report.name') }),
          h('th', { scope: 'col', text: t('report.login') }),
          h('th', { scope: 'col', text: t('report.profile') }),
          withChanges ? h('th', { scope: 'col', text: t('report.changes') }) : null)),
        h('tbody', null, shown.map((a) => h('tr', null,
          h('td', { text: a.displayName }),
          h('td', null, h('code', { text: a.login })),
          h('td', { text: t(`profile.${a.profile}`) }),
          withChanges ? h('td', { text: a.changes ?? '' }) : null))))),
      list.length > shown.length ? h('p', { class: 'muted small', text: t('report.more', { count: list.length - shown.length }) }) : null);
  }

  function errors(list) {
    if (!list?.length) return null;
    const titleId = uid('errors');
    return h('section', { class: 'annuaire-errors', 'aria-labelledby': titleId },
      h('h3', { id: titleId, text: t('report.errors', { count: list.length }) }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('caption', { class: 'visually-hidden', text: t('report.errors', { count: list.length }) }),
        h('thead', null, h('tr', null, ['file', 'element', 'line', 'reason'].map((c) => h('th', { scope: 'col', text: t(`report.error.${c}`) })))),
        h('tbody', null, list.map((e) => h('tr', null,
          h('td', null, e.file ? h('code', { text: e.file }) : ''),
          h('td', { class: 'annuaire-element' }, e.element ? h('code', { text: e.element }) : ''),
          h('td', { text: e.line ?? '' }),
          h('td', { text: e.reason })))))));
  }

  function warnings(list) {
    if (!list?.length) return null;
    const titleId = uid('warnings');
    return h('section', { class: 'annuaire-warnings', 'aria-labelledby': titleId },
      h('h3', { id: titleId, text: t('report.warnings', { count: list.length }) }),
      h('ul', { class: 'annuaire-list' }, list.map((w) => h('li', { text: w }))));
  }

  async function loadCodes() {
    codesList.setAttribute('aria-busy', 'true');
    try {
      const list = await app.api.get(`${app.base}/codes`);
      if (!list?.length) {
        replace(codesList, h('p', { class: 'muted', text: t('codes.none') }));
      } else {
        replace(codesList, h('div', { class: 'table-wrap' }, h('table', { class: 'table annuaire-codes-table' },
          h('caption', { class: 'visually-hidden', text: t('codes.title') }),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col', text: t('codes.classe') }),
            h('th', { scope: 'col', text: t('codes.count') }),
            h('th', { scope: 'col', class: 'hide-phone', text: t('codes.writtenAt') }),
            h('th', { scope: 'col', text: t('codes.file') }))),
          h('tbody', null, list.map((c) => h('tr', null,
            h('td', { text: c.classe || '—' }),
            h('td', { text: app.number(c.count ?? 0) }),
            h('td', { class: 'hide-phone', text: app.date(c.writtenAt) }),
            h('td', null, h('a', { href: `${app.base}/codes/${encodeURIComponent(c.file)}`, download: c.file, 'aria-label': t('codes.download', { file: c.file }) }, c.file))))))));
      }
    } catch (error) {
      replace(codesList, h('p', { class: 'field-error', role: 'alert', text: error.message }));
    } finally {
      codesList.setAttribute('aria-busy', 'false');
    }
  }

  const pending = sessionStorage.getItem(jobKey);
  await loadCodes();
  if (pending) follow(pending, false);
  return () => {
    left = true;
    clearTimeout(timer);
    polling?.abort();
  };
}
