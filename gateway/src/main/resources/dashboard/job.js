// A job's page: live progress over server-sent events, charts, pages with their Markdown, files,
// cancel and delete, the request, and a failed job's error in plain words.
import { api, download, events } from './api.js';
import {
  confirmDialog, errorText, externalLink, fill, formatBytes, formatDuration, formatTime, h, histogram, progressBar,
  renderMarkdown, statusBadge,
} from './dom.js';
import { throughputChart } from './charts.js';
import { plainError } from './errors.js';
import { every } from './poll.js';

const OUTCOMES = ['FETCHED', 'FAILED', 'BLOCKED', 'SKIPPED', 'DUPLICATE', 'CANCELLED'];
const FINAL = ['completed', 'failed', 'cancelled'];
const PAGE = 50;

export async function renderJob(main, id, signal) {
  let job = await api(`/jobs/${id}`, { signal });
  const rate = pagesPerSecond();

  const title = h('h1', { class: 'job-title' });
  const actions = h('div', { class: 'actions' });
  const live = h('section', { class: 'card', 'aria-labelledby': 'progress-title' });
  const problem = h('p', { class: 'error', role: 'alert' });
  const charts = h('section', { class: 'card charts', 'aria-labelledby': 'charts-title' });
  const chart = throughputChart();
  const histograms = h('div', { class: 'histograms' });
  charts.append(h('h2', { id: 'charts-title' }, 'Charts'), chart.element, histograms);
  const pages = pageList(id, signal);
  const files = h('section', { class: 'card', 'aria-labelledby': 'files-title' });
  const request = h('section', { class: 'card', 'aria-labelledby': 'request-title' });
  main.append(h('p', {}, h('a', { href: '#/jobs' }, '← All jobs')), title, actions, problem, live, charts,
    pages.element, files, request);

  function show() {
    fill(title, 'Crawl of ', externalLink(job.url), ' ', statusBadge(job.status));
    showActions();
    showProgress();
    showFiles();
    fill(request, h('h2', { id: 'request-title' }, 'Request'),
      h('details', {}, h('summary', {}, 'The job\'s settings as JSON'),
        h('pre', { class: 'json', tabindex: 0 }, JSON.stringify({ ...job.request, webhook: job.webhook }, null, 2))));
  }

  function showActions() {
    const open = !FINAL.includes(job.status);
    fill(actions, 
      open ? h('button', { type: 'button', id: 'cancel-job', onclick: cancel }, 'Cancel job') : null,
      h('button', { type: 'button', id: 'delete-job', class: 'danger', onclick: remove }, 'Delete job'));
  }

  function showProgress() {
    const counters = [
      ['Pages crawled', job.pagesCrawled], ['Pages failed', job.pagesFailed], ['Pages written', job.pagesWritten],
      ['Queued', job.pagesQueued], ['Blocked by robots.txt', job.robotsBlocked], ['Skipped', job.pagesSkipped],
      ['Links filtered', job.linksFiltered], ['Downloaded', formatBytes(job.bytesDownloaded)],
      ['Pages per second', FINAL.includes(job.status) ? '–' : rate.value().toFixed(1)],
      ['Duration', formatDuration(durationMs(job))], ['Created', formatTime(job.createdAt)],
    ];
    fill(live, 
      h('h2', { id: 'progress-title' }, 'Progress'),
      progressBar(job.progress, 'Job progress'),
      h('dl', { class: 'counters', id: 'counters' }, ...counters.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
      job.stalled ? h('p', { class: 'warning' }, `Stalled: no page written since ${formatTime(job.stalledSince)}. `
        + 'The exporter re-drives its unsettled work; the job fails if this lasts.') : null,
      job.status === 'failed' ? plainError(job.error) : null);
  }

  function showFiles() {
    fill(files, h('h2', { id: 'files-title' }, 'Files'));
    if (!job.files.length) {
      files.append(h('p', { class: 'muted' }, FINAL.includes(job.status) ? 'No files.' : 'Files appear as the crawl writes them.'));
      return;
    }
    files.append(h('ul', { class: 'files' }, ...job.files.map((file) => h('li', {},
      h('button', {
        type: 'button', class: 'link', 'data-file': file.name,
        onclick: () => download(file.url, file.name).catch((e) => { problem.textContent = errorText(e); }),
      }, `Download ${file.name}`),
      h('span', { class: 'muted' }, ` ${formatBytes(file.size)}`)))));
  }

  async function cancel() {
    if (!(await confirmDialog('Cancel this job?', 'The crawl stops; what was written so far stays downloadable.', 'Cancel job'))) return;
    try {
      job = await api(`/jobs/${id}/cancel`, { method: 'POST' });
      show();
    } catch (error) {
      problem.textContent = errorText(error);
    }
  }

  async function remove() {
    if (!(await confirmDialog('Delete this job?', 'The job and all its files are deleted. This cannot be undone.', 'Delete job'))) return;
    try {
      await api(`/jobs/${id}`, { method: 'DELETE' });
      location.hash = '#/jobs';
    } catch (error) {
      problem.textContent = errorText(error);
    }
  }

  let refreshing = null;
  let refreshedAt = 0;
  async function refreshAll() {
    refreshedAt = Date.now();
    refreshing ??= (async () => {
      try {
        const [fresh] = await Promise.all([api(`/jobs/${id}`, { signal }), pages.refresh(histograms),
          api(`/jobs/${id}/throughput`, { signal }).then(chart.update)]);
        job = latest(job, fresh);
        show();
      } catch (error) {
        if (error.name !== 'AbortError') problem.textContent = errorText(error);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  show();
  await refreshAll();
  follow();

  // progress events until the job is finished; reconnects when the stream breaks off
  async function follow() {
    while (!signal.aborted && !FINAL.includes(job.status)) {
      try {
        await events(`/jobs/${id}/events`, (name, progress) => {
          if (name !== 'progress') return;
          rate.add(progress.pagesCrawled + progress.pagesFailed);
          job = { ...job, ...progress };
          show();
          // new pages: the list and charts follow, at most every 1.5 s
          if (Date.now() - refreshedAt > 1_500) refreshAll();
        }, signal);
      } catch (error) {
        if (error.name === 'AbortError') return;
        problem.textContent = `Live updates interrupted (${errorText(error)}); reconnecting…`;
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      }
      await refreshAll();
    }
  }
  // the pages, charts and files between events (throttled: they read the job's files)
  every(3_000, () => (FINAL.includes(job.status) ? null : refreshAll()), signal);
}

/**
 * The job as fetched, unless a progress event that arrived while it was asked for is newer: a
 * later status, or the same stage with more progress. The status and counters shown never go back
 * (a fetch answered as pending, then overtaken by a running event, must not show 0% again).
 */
function latest(current, fresh) {
  const ahead = stage(fresh.status) - stage(current.status);
  if (ahead > 0 || (ahead === 0 && fresh.progress >= current.progress)) return fresh;
  const { status, progress, pagesCrawled, pagesFailed, bytesDownloaded } = current;
  return { ...fresh, status, progress, pagesCrawled, pagesFailed, bytesDownloaded };
}

/** pending, then running, then one of the final statuses. */
function stage(status) {
  return status === 'pending' ? 0 : status === 'running' ? 1 : 2;
}

/** From start to finish, or to now while the job runs (progress events carry no duration). */
function durationMs(job) {
  if (!job.startedAt) return null;
  return (job.finishedAt ? Date.parse(job.finishedAt) : Date.now()) - Date.parse(job.startedAt);
}

/** Pages per second over the last 10 seconds of progress events. */
function pagesPerSecond() {
  const samples = [];
  return {
    add(pages) {
      samples.push([performance.now(), pages]);
      while (samples.length > 2 && samples[0][0] < performance.now() - 10_000) samples.shift();
    },
    value() {
      if (samples.length < 2) return 0;
      const [[t0, p0], [t1, p1]] = [samples[0], samples[samples.length - 1]];
      return t1 > t0 ? ((p1 - p0) * 1000) / (t1 - t0) : 0;
    },
  };
}

/** The pages with search and an outcome filter; a page's Markdown opens below the list. */
function pageList(id, signal) {
  let offset = 0;
  let timer = null;
  const search = h('input', { id: 'page-search', type: 'search', placeholder: 'URL or title', oninput: () => {
    clearTimeout(timer);
    timer = setTimeout(() => { offset = 0; refresh(); }, 250);
  } });
  const outcome = h('select', { id: 'page-outcome', onchange: () => { offset = 0; refresh(); } },
    h('option', { value: '' }, 'all'), ...OUTCOMES.map((o) => h('option', { value: o }, o.toLowerCase())));
  const body = h('tbody');
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const viewer = h('article', { class: 'viewer', id: 'page-viewer', tabindex: -1, hidden: true });
  const previous = h('button', { type: 'button', onclick: () => { offset = Math.max(0, offset - PAGE); refresh(); } }, 'Previous');
  const next = h('button', { type: 'button', onclick: () => { offset += PAGE; refresh(); } }, 'Next');
  const element = h('section', { class: 'card', 'aria-labelledby': 'pages-title' },
    h('h2', { id: 'pages-title' }, 'Pages'),
    h('div', { class: 'toolbar' },
      h('label', { for: 'page-search' }, 'Search'), search,
      h('label', { for: 'page-outcome' }, 'Outcome'), outcome, summary),
    h('div', { class: 'table-wrap' }, h('table', { class: 'pages' },
      h('caption', { class: 'visually-hidden' }, 'Pages of this job, in the order they were written'),
      h('thead', {}, h('tr', {}, ...['Page', 'Outcome', 'Status', 'Depth', 'Fetch', 'Size'].map((t) => h('th', { scope: 'col' }, t)))),
      body)),
    h('div', { class: 'pager' }, previous, next),
    viewer);

  let histogramsTarget = null;
  async function refresh(histograms = histogramsTarget) {
    histogramsTarget = histograms;
    const query = new URLSearchParams({ limit: PAGE, offset });
    if (search.value.trim()) query.set('q', search.value.trim());
    if (outcome.value) query.set('outcome', outcome.value);
    const list = await api(`/jobs/${id}/pages?${query}`, { signal });
    body.replaceChildren(...list.pages.map((page) => h('tr', {},
      h('td', { class: 'url' },
        h('button', { type: 'button', class: 'link', 'data-url': page.url, onclick: () => open(page.url) }, page.title || page.url),
        h('div', { class: 'muted small' }, page.url)),
      h('td', {}, h('span', { class: `badge outcome-${page.outcome}` }, page.outcome.toLowerCase())),
      h('td', { class: 'num' }, page.status || '–'),
      h('td', { class: 'num' }, page.depth),
      h('td', { class: 'num' }, `${page.fetchMs} ms`),
      h('td', { class: 'num' }, formatBytes(page.bytes)))));
    if (!list.pages.length) body.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No pages match.')));
    summary.textContent = `${list.total} page${list.total === 1 ? '' : 's'}`;
    previous.disabled = offset === 0;
    next.disabled = offset + PAGE >= list.total;
    for (const option of outcome.options) {
      if (option.value) option.textContent = `${option.value.toLowerCase()} (${list.outcomes[option.value] || 0})`;
    }
    histograms?.replaceChildren(
      histogram('Outcomes', list.outcomes), histogram('Status codes', list.statusCodes),
      histogram('Depth', list.depths), histogram('Fetch time', list.fetchTimes));
  }

  async function open(url) {
    viewer.hidden = false;
    viewer.replaceChildren(h('p', {}, 'Loading…'));
    try {
      const { page, markdown, truncated, wordCount } = await api(`/jobs/${id}/page?${new URLSearchParams({ url })}`, { signal });
      viewer.replaceChildren(
        h('header', {},
          h('h3', {}, page.title || '(no title)'),
          h('p', {}, externalLink(page.finalUrl || page.url), ` · ${page.outcome.toLowerCase()} · HTTP ${page.status || '–'}`,
            wordCount ? ` · ${wordCount} words` : '', truncated ? ' · truncated' : ''),
          page.error ? h('p', { class: 'error' }, page.error) : null,
          h('button', { type: 'button', onclick: () => { viewer.hidden = true; } }, 'Close')),
        h('div', { class: 'markdown' }, markdown ? renderMarkdown(markdown) : h('p', { class: 'muted' }, 'No Markdown for this page.')));
      viewer.focus();
    } catch (error) {
      viewer.replaceChildren(h('p', { class: 'error' }, errorText(error)));
    }
  }

  return { element, refresh };
}
