// Building the page: elements made with text content only (crawled text is never parsed as
// HTML), formats, and the one place where crawled Markdown becomes HTML, through DOMPurify.
import { DOMPurify, Marked } from './lib.js';

/** Replaces the element's children; null, undefined and false children are left out. */
export function fill(element, ...children) {
  element.replaceChildren(...present(children));
  return element;
}

function present(children) {
  return children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : String(c)));
}

/** h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child): children are text or nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...present(children));
  return element;
}

/** An external link to a crawled URL: only http(s), opened without referrer or opener. */
export function externalLink(url, text = url) {
  if (!/^https?:\/\//i.test(url || '')) return h('span', {}, text || '');
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, text);
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, status);
}

export function progressBar(percent, label) {
  return h('div', { class: 'bar' },
    h('progress', { max: 100, value: percent, 'aria-label': label }),
    h('span', { class: 'bar-text' }, `${percent}%`));
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatBytes(bytes) {
  if (!bytes) return '0 B';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  const i = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)));
  return `${(bytes / 1024 ** i).toFixed(i ? 1 : 0)} ${units[i]}`;
}

export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** A message for an API failure, with the problem's detail. */
export function errorText(error) {
  return error && error.problem ? `${error.problem.title || 'Error'}: ${error.message}` : String(error?.message || error);
}

const markdown = new Marked({ gfm: true, async: false });
// crawled images are not loaded (they would reach other hosts): their alt text stands in
markdown.use({
  renderer: {
    image({ text }) {
      return `<span class="image-alt">[image${text ? `: ${escapeHtml(text)}` : ''}]</span>`;
    },
  },
});

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SANITIZE = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'img', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'iframe',
    'frame', 'object', 'embed', 'video', 'audio', 'source', 'picture', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'poster'],
  RETURN_DOM_FRAGMENT: true,
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') || '';
    if (/^https?:\/\//i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    } else {
      // javascript:, data:, relative links (they would point into the dashboard): inert
      node.removeAttribute('href');
      node.removeAttribute('target');
    }
  }
});

/** Crawled Markdown as a sanitised fragment: no scripts, no handlers, no images, only inert or outside links. */
export function renderMarkdown(text) {
  return DOMPurify.sanitize(markdown.parse(text || ''), SANITIZE);
}

/** Asks to confirm with a modal dialog; resolves true when the person confirms. */
export function confirmDialog(title, text, confirmLabel) {
  return new Promise((resolve) => {
    const yes = h('button', { type: 'submit', value: 'yes', class: 'danger' }, confirmLabel);
    const no = h('button', { type: 'submit', value: 'no' }, 'Keep it');
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, title), h('p', {}, text), h('div', { class: 'actions' }, no, yes)));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'yes');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** Horizontal bars of counts, e.g. pages per status code: a labelled list, no chart library needed. */
export function histogram(title, counts) {
  const entries = Object.entries(counts || {});
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const list = h('ul', { class: 'histogram', 'aria-label': title },
    ...entries.map(([key, n]) => {
      const fill = h('span', { class: 'fill' });
      fill.style.width = `${(100 * n) / max}%`;
      return h('li', {}, h('span', { class: 'key' }, key), h('span', { class: 'track' }, fill), h('span', { class: 'n' }, n));
    }));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), entries.length ? list : h('p', { class: 'muted' }, 'No pages yet'));
}
