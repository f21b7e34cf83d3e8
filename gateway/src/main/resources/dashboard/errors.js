// A failed job's error in plain words, with the technical text beside it.
import { h } from './dom.js';

const EXPLANATIONS = [
  [/^seed (\S+) failed: HTTP (\d+)/, (m) => `The start page ${m[1]} answered HTTP ${m[2]}, so there was nothing to crawl. Check the URL.`],
  [/^seed (\S+) failed: (.*)/, (m) => `The start page ${m[1]} could not be fetched (${m[2]}). Is the site up and reachable from the crawler?`],
  [/robots/i, () => 'The site\'s robots.txt does not allow crawling the start page. Untick “Respect robots.txt” only if you may.'],
  [/^invalid seed URL/i, () => 'The start URL is not a valid web address.'],
  [/^stalled/i, () => 'The crawl stopped making progress: no page was written for too long, so it was given up. The service may be overloaded or a component down (see Service).'],
  [/writ|disk|space/i, () => 'The results could not be written on the server (disk full or not writable).'],
];

export function plainError(error) {
  const text = error || 'no reason was recorded';
  const match = EXPLANATIONS.map(([pattern, say]) => [text.match(pattern), say]).find(([m]) => m);
  return h('div', { class: 'failure', role: 'alert' },
    h('h3', {}, 'This crawl failed'),
    h('p', {}, match ? match[1](match[0]) : 'The crawl could not finish.'),
    h('p', { class: 'muted' }, 'Reported error: ', h('code', {}, text)));
}
