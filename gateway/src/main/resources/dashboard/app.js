// The dashboard: a hash router over four views, the API-key prompt and the stalled-jobs banner.
import { api, apiKey, onKeyNeeded } from './api.js';
import { errorText, h } from './dom.js';
import { renderJobs } from './jobs.js';
import { renderJob } from './job.js';
import { renderSubmit } from './submit.js';
import { renderService } from './service.js';
import { every } from './poll.js';

const main = document.getElementById('main');
let current = null;

const routes = [
  [/^#\/jobs\/([0-9a-f-]{36})$/, 'jobs', (signal, id) => renderJob(main, id, signal)],
  [/^#\/new$/, 'new', (signal) => renderSubmit(main, signal)],
  [/^#\/service$/, 'service', (signal) => renderService(main, signal)],
  [/^#\/jobs$/, 'jobs', (signal) => renderJobs(main, signal)],
];

async function route() {
  current?.abort();
  current = new AbortController();
  const hash = location.hash || '#/jobs';
  const [pattern, nav, render] = routes.find(([p]) => p.test(hash)) || routes[routes.length - 1];
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.replaceChildren();
  try {
    await render(current.signal, ...(hash.match(pattern) || []).slice(1));
  } catch (error) {
    if (error.name === 'AbortError') return;
    const text = error.status === 404 ? 'No such job: it was deleted, or it belongs to another API key.' : errorText(error);
    main.replaceChildren(h('p', { class: 'error', role: 'alert' }, text), h('p', {}, h('a', { href: '#/jobs' }, 'All jobs')));
  }
}

// ---- API key: asked for once per tab, when the API says it needs one ----
const dialog = document.getElementById('key-dialog');
const form = document.getElementById('key-form');
const input = document.getElementById('key-input');
const keyError = document.getElementById('key-error');
let waiting = null;

function askForKey() {
  if (!waiting) {
    waiting = new Promise((resolve) => {
      keyError.textContent = '';
      input.value = '';
      dialog.showModal();
      form.onsubmit = async (event) => {
        event.preventDefault();
        const key = input.value.trim();
        const answer = await fetch('/jobs?limit=1', { headers: { Authorization: `Bearer ${key}` } });
        if (answer.status === 401) {
          keyError.textContent = 'This key is not valid.';
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        input.removeAttribute('aria-invalid');
        apiKey.set(key);
        dialog.close();
        waiting = null;
        showKeyState(true);
        resolve();
      };
    });
  }
  return waiting;
}
// the prompt cannot be dismissed with Escape: nothing works without a key
dialog.addEventListener('cancel', (event) => event.preventDefault());
onKeyNeeded(askForKey);

function showKeyState(keys) {
  const state = document.getElementById('key-state');
  if (!keys) {
    state.replaceChildren(h('span', { title: 'The API needs no key' }, 'open mode'));
    return;
  }
  state.replaceChildren(
    h('span', {}, apiKey.get() ? 'API key set' : 'no API key'),
    ' ',
    h('button', {
      type: 'button', class: 'link',
      onclick: async () => { apiKey.clear(); await askForKey(); route(); },
    }, 'Change key'));
}

// ---- stalled jobs: a warning on every view while /stats lists any ----
function showStalled(stats) {
  const banner = document.getElementById('banner');
  if (!stats.stalledJobs) {
    banner.replaceChildren();
    return;
  }
  banner.replaceChildren(h('div', { class: 'warning' },
    h('strong', {}, `${stats.stalledJobs} job${stats.stalledJobs > 1 ? 's are' : ' is'} stalled: `),
    'no page written for a while. ',
    ...stats.stalled.slice(0, 5).map((job) => [h('a', { href: `#/jobs/${job.id}` }, job.id.slice(0, 8)), ' ']),
    h('a', { href: '#/service' }, 'Service state')));
}

async function start() {
  const health = await fetch('/health').then((r) => r.json()).catch(() => ({ auth: 'unknown' }));
  const keys = health.auth === 'api-keys';
  showKeyState(keys);
  if (keys && !apiKey.get()) await askForKey();
  window.addEventListener('hashchange', route);
  await route();
  every(10_000, async () => showStalled(await api('/stats')), new AbortController().signal);
}

start();
