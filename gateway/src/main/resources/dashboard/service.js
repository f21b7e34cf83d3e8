// The service's state: GET /health components, GET /stats throughput, consumer lag and stalled jobs.
import { api } from './api.js';
import { errorText, formatTime, h } from './dom.js';
import { every } from './poll.js';

export function renderService(main, signal) {
  const health = h('section', { class: 'card', 'aria-labelledby': 'health-title' });
  const stats = h('section', { class: 'card', 'aria-labelledby': 'stats-title' });
  main.append(h('h1', {}, 'Service'), health, stats);

  every(5_000, async () => {
    // /health answers 503 with the same body when a component is down
    const response = await fetch('/health', { signal });
    const body = await response.json();
    health.replaceChildren(
      h('h2', { id: 'health-title' }, 'Health ', h('span', { class: `badge health-${body.status}` }, body.status)),
      h('p', { class: 'muted' }, body.auth === 'open' ? 'Open mode: the API needs no key.' : 'The API needs an API key.'),
      h('ul', { class: 'components' }, ...Object.entries(body.components || {}).map(([name, component]) =>
        h('li', {}, h('strong', {}, name), ' ', h('span', { class: `badge health-${component.status}` }, component.status),
          component.status !== 'UP' && component.details ? h('div', { class: 'muted small' }, JSON.stringify(component.details)) : null))));
    try {
      showStats(stats, await api('/stats', { signal }));
    } catch (error) {
      if (error.name !== 'AbortError') stats.replaceChildren(h('h2', { id: 'stats-title' }, 'Pipeline'), h('p', { class: 'error' }, errorText(error)));
    }
  }, signal);
}

function showStats(section, stats) {
  const jobs = Object.entries(stats.jobs);
  const lag = Object.entries(stats.consumerLag || {});
  section.replaceChildren(
    h('h2', { id: 'stats-title' }, 'Pipeline'),
    h('dl', { class: 'counters' },
      h('div', {}, h('dt', {}, 'Pages per second (last minute)'), h('dd', {}, stats.pagesPerSecond.toFixed(2))),
      h('div', {}, h('dt', {}, 'Pages crawled'), h('dd', {}, stats.pagesCrawled)),
      h('div', {}, h('dt', {}, 'Pages failed'), h('dd', {}, stats.pagesFailed)),
      ...jobs.map(([status, n]) => h('div', {}, h('dt', {}, `Jobs ${status}`), h('dd', {}, n)))),
    h('h3', {}, 'Consumer lag'),
    lag.length
      ? h('table', { class: 'lag' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Topic'), h('th', { scope: 'col' }, 'Records not yet consumed'))),
        h('tbody', {}, ...lag.map(([topic, n]) => h('tr', {}, h('td', {}, topic), h('td', { class: 'num' }, n)))))
      : h('p', { class: 'muted' }, 'No lag reported (Kafka did not answer, or nothing was consumed yet).'),
    h('h3', {}, 'Stalled jobs'),
    stats.stalled.length
      ? h('div', { class: 'warning' }, h('p', {}, `${stats.stalledJobs} open job(s) wrote no page for a while:`),
        h('ul', {}, ...stats.stalled.map((job) => h('li', {}, h('a', { href: `#/jobs/${job.id}` }, job.id), ` since ${formatTime(job.since)}`))))
      : h('p', { class: 'muted' }, 'None.'));
}
