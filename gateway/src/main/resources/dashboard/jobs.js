// The job list: status, progress, pages, failures, duration, created; filtered by status; live.
import { api } from './api.js';
import { errorText, formatDuration, formatTime, h, progressBar, statusBadge } from './dom.js';
import { every } from './poll.js';

const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'];
const PAGE = 20;

export function renderJobs(main, signal) {
  const params = new URLSearchParams(sessionStorage.getItem('simplecrawler.jobsFilter') || '');
  let status = params.get('status') || '';
  let offset = 0;

  const filter = h('select', { id: 'status-filter', onchange: () => {
    status = filter.value;
    offset = 0;
    sessionStorage.setItem('simplecrawler.jobsFilter', status ? `status=${status}` : '');
    refresh();
  } }, h('option', { value: '' }, 'all'), ...STATUSES.map((s) => h('option', { value: s }, s)));
  filter.value = status;
  const body = h('tbody');
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', onclick: () => { offset = Math.max(0, offset - PAGE); refresh(); } }, 'Newer');
  const next = h('button', { type: 'button', onclick: () => { offset += PAGE; refresh(); } }, 'Older');
  const problem = h('p', { class: 'error', role: 'alert' });

  main.append(
    h('div', { class: 'heading' }, h('h1', {}, 'Jobs'), h('a', { class: 'button primary', href: '#/new' }, 'New crawl')),
    h('div', { class: 'toolbar' }, h('label', { for: 'status-filter' }, 'Status'), filter, summary),
    problem,
    h('div', { class: 'table-wrap' }, h('table', { class: 'jobs' },
      h('caption', { class: 'visually-hidden' }, 'Crawl jobs, newest first'),
      h('thead', {}, h('tr', {}, ...['URL', 'Status', 'Progress', 'Pages', 'Failures', 'Duration', 'Created']
        .map((t) => h('th', { scope: 'col' }, t)))),
      body)),
    h('div', { class: 'pager' }, previous, next));

  async function refresh() {
    const query = new URLSearchParams({ limit: PAGE, offset });
    if (status) query.set('status', status);
    try {
      const page = await api(`/jobs?${query}`, { signal });
      problem.textContent = '';
      // keep keyboard focus on the same job's link across the update
      const focused = document.activeElement?.closest?.('tr[data-job]')?.dataset.job;
      body.replaceChildren(...page.items.map(row));
      if (focused) body.querySelector(`tr[data-job="${focused}"] a`)?.focus();
      if (!page.items.length) body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No jobs yet. Start one with “New crawl”.')));
      summary.textContent = `${page.total} job${page.total === 1 ? '' : 's'}`;
      previous.disabled = offset === 0;
      next.disabled = offset + PAGE >= page.total;
    } catch (error) {
      if (error.name !== 'AbortError') problem.textContent = errorText(error);
    }
  }
  every(2_000, refresh, signal);
}

function row(job) {
  return h('tr', { 'data-job': job.id },
    h('td', { class: 'url' }, h('a', { href: `#/jobs/${job.id}` }, job.url)),
    h('td', {}, statusBadge(job.status), job.stalled ? h('span', { class: 'badge stalled' }, 'stalled') : null),
    h('td', { class: 'progress' }, progressBar(job.progress, `Progress of ${job.url}`)),
    h('td', { class: 'num', 'data-label': 'Pages' }, job.pagesCrawled),
    h('td', { class: 'num', 'data-label': 'Failures' }, job.pagesFailed),
    h('td', { class: 'num', 'data-label': 'Duration' }, formatDuration(job.durationMs)),
    h('td', { 'data-label': 'Created' }, formatTime(job.createdAt)));
}
