// The dashboard in a real browser (Debian's Chromium, driven by playwright-core, which downloads
// no browser). DashboardBrowserTest starts the make run stack behind nginx and test sites, then
// runs this with:
//   BASE_URL        nginx's URL                 CHROMIUM        the browser's executable
//   KEY_A, KEY_B    two API keys (alice, bob)   SCREENSHOTS     folder for one screenshot per view
//   SITE_URL        a site of a few pages       SLOW_URL        a site whose crawl does not finish
//   XSS_URL         a page full of XSS payloads
// Prints one line per step; exits 1 at the first failed check, console error or CSP violation.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
const base = env.BASE_URL;
const shots = env.SCREENSHOTS;
mkdirSync(shots, { recursive: true });
const started = Date.now();
const problems = [];

function step(name) {
  console.log(`STEP ${((Date.now() - started) / 1000).toFixed(1)}s ${name}`);
}
function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

// the API answers 4xx on purpose in some steps (a validation error, a wrong key, a job of another
// key, a download before completion); Chromium logs each as "Failed to load resource". Anything else is a failure.
// 503: the test breaks a job's live stream off on purpose (the cancel step)
const EXPECTED_ANSWERS = /Failed to load resource: the server responded with a status of (400|401|404|409|503)/;

async function newPage(browser, name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // make test runs other stacks beside this one: on two loaded cores a view can take longer than Playwright's 30 s
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_ANSWERS.test(message.text())) problems.push(`${name} console error: ${message.text()}`);
    if (/Content Security Policy/i.test(message.text())) problems.push(`${name} CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`${name} a dialog opened (script ran?): ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss();
  });
  return page;
}

async function noViolations(page, where) {
  const csp = await page.evaluate(() => window.__csp);
  check(csp.length === 0, `${where}: CSP violations ${JSON.stringify(csp)}`);
  check(problems.length === 0, `${where}: ${problems.join('\n')}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function api(path, key, init = {}) {
  const response = await fetch(base + path, {
    ...init,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...(init.headers || {}) },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function until(what, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function enterKey(page, key) {
  const dialog = page.locator('#key-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.fill('#key-input', key);
  await page.click('#key-form button[type=submit]');
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM,
  headless: true,
  // playwright gives every launch a fresh profile (user data dir) of its own
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await newPage(browser, 'alice');

  step('the API needs a key: the dashboard asks for it, refuses a wrong one, keeps a right one for the tab');
  await page.goto(base + '/');
  await page.locator('#key-dialog').waitFor({ state: 'visible' });
  await shot(page, 'api-key');
  await enterKey(page, 'not-a-key');
  await page.locator('#key-error', { hasText: 'not valid' }).waitFor();
  await page.fill('#key-input', env.KEY_A);
  await page.click('#key-form button[type=submit]');
  await page.locator('#key-dialog').waitFor({ state: 'hidden' });
  await page.locator('h1', { hasText: 'Jobs' }).waitFor();
  check(await page.evaluate(() => sessionStorage.getItem('simplecrawler.apiKey')) === env.KEY_A, 'key kept in sessionStorage');
  await noViolations(page, 'key prompt');

  step('a validation error of the API is shown at its field');
  await page.click('nav >> text=New crawl');
  await page.fill('#field-url', env.SITE_URL);
  await page.fill('#field-maxDepth', '11');
  await page.click('button:has-text("Start crawl")');
  const depthError = page.locator('#field-maxDepth-error');
  await depthError.filter({ hasText: /10/ }).waitFor();
  check(await page.getAttribute('#field-maxDepth', 'aria-invalid') === 'true', 'maxDepth marked invalid');
  check(await page.locator('#field-url-error').textContent() === '', 'no error at url');
  await shot(page, 'validation');
  await noViolations(page, 'validation');

  step('submit through the form and watch progress reach 100% without reloading');
  await page.evaluate(() => { window.__samePage = true; });
  await page.fill('#field-maxDepth', '1');
  await page.fill('#field-maxPages', '10');
  await page.fill('#field-delayMs', '400');
  await page.press('#field-url', 'Enter'); // the keyboard submits the form
  await page.waitForURL(/#\/jobs\/[0-9a-f-]{36}$/);
  const jobId = page.url().split('/').pop();
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const text = document.querySelector('#main .bar-text')?.textContent;
      if (text && window.__seen[window.__seen.length - 1] !== text) window.__seen.push(text);
    }).observe(document.getElementById('main'), { subtree: true, childList: true, characterData: true });
  });
  try {
    await page.waitForFunction(() => {
      const value = Number.parseInt(document.querySelector('#main .bar-text')?.textContent, 10);
      return value >= 30 && value < 100;
    }, null, { timeout: 20_000 });
    // for the picture: the pages list and the chart catch up within a refresh
    await page.locator('table.pages tbody tr button').nth(1).waitFor({ timeout: 3_000 }).catch(() => {});
    await shot(page, 'job-crawling');
  } catch {
    console.log('NOTE the crawl went from 0% to 100% between two updates: no screenshot mid-crawl');
  }
  await page.locator('#main .bar-text', { hasText: '100%' }).waitFor({ timeout: 90_000 });
  await page.locator('.job-title .badge', { hasText: 'completed' }).waitFor();
  check(await page.evaluate(() => window.__samePage === true), 'the page was not reloaded');
  const seen = (await page.evaluate(() => window.__seen)).map((text) => Number.parseInt(text, 10));
  console.log(`progress shown: ${JSON.stringify(seen)}`);
  check(seen.every((value, i) => i === 0 || value >= seen[i - 1]), `the progress shown never goes back: ${seen}`);

  step('open the results: pages, a page\'s Markdown, the files');
  await page.locator('table.pages tbody tr button.link').first().waitFor();
  const rows = await page.locator('table.pages tbody tr').count();
  check(rows >= 3, `pages listed: ${rows}`);
  await page.locator('table.pages tbody tr button.link').first().click();
  await page.locator('#page-viewer .markdown h1').first().waitFor();
  await shot(page, 'page-markdown');
  await page.fill('#page-search', 'p1');
  await until('the search to narrow the list', async () => (await page.locator('table.pages tbody tr').count()) === 1);
  await page.fill('#page-search', '');
  await page.selectOption('#page-outcome', 'FAILED');
  await page.locator('table.pages tbody td', { hasText: 'No pages match' }).waitFor();
  await page.selectOption('#page-outcome', '');
  const download = page.waitForEvent('download');
  await page.click('button[data-file="results.md"]');
  const file = await download;
  check(file.suggestedFilename() === 'results.md', `download named ${file.suggestedFilename()}`);
  await page.locator('#request-title').scrollIntoViewIfNeeded();
  await page.click('summary:has-text("settings as JSON")');
  check((await page.locator('pre.json').textContent()).includes('"maxDepth": 1'), 'the request as JSON');
  await page.locator('#main').evaluate((m) => m.scrollIntoView());
  await shot(page, 'job-completed');
  await noViolations(page, 'job page');

  step('the job list: live, filtered by status');
  await page.click('nav >> text=Jobs');
  await page.locator(`tr[data-job="${jobId}"]`).waitFor();
  await page.selectOption('#status-filter', 'running');
  await until('the filter to apply', async () => (await page.locator(`tr[data-job="${jobId}"]`).count()) === 0);
  await page.selectOption('#status-filter', 'completed');
  await page.locator(`tr[data-job="${jobId}"]`).waitFor();
  await page.selectOption('#status-filter', '');
  const slow = await api('/crawl', env.KEY_A, { method: 'POST', body: JSON.stringify({ url: env.SLOW_URL, maxDepth: 1 }) });
  check(slow.status === 202, `slow job submitted: ${slow.status}`);
  await page.locator(`tr[data-job="${slow.body.id}"]`).waitFor(); // appears without a reload
  await shot(page, 'jobs');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'jobs-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'jobs-phone');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  step('a running job\'s live stream breaks off: the page says so, reconnects and follows the job on');
  await page.route('**/jobs/*/events', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'the stream is down (test)' }),
    }));
  await page.click(`tr[data-job="${slow.body.id}"] a`);
  await page.locator('#main [role=alert]', { hasText: 'Live updates interrupted' }).waitFor({ timeout: 30_000 });
  const reconnected = page.waitForResponse(
    (response) => response.url().endsWith(`/jobs/${slow.body.id}/events`) && response.status() === 200,
    { timeout: 30_000 },
  );
  await page.unroute('**/jobs/*/events');
  await reconnected;

  step('cancel a running job, with confirmation');
  await page.locator('.job-title .badge', { hasText: 'running' }).waitFor({ timeout: 30_000 });
  await page.click('#cancel-job');
  await page.locator('dialog.confirm').waitFor();
  await shot(page, 'cancel-confirm');
  await page.click('dialog.confirm button:has-text("Keep it")');
  check(await page.locator('.job-title .badge', { hasText: 'running' }).count() === 1, 'kept running after "Keep it"');
  await page.click('#cancel-job');
  await page.click('dialog.confirm button.danger');
  await page.locator('.job-title .badge', { hasText: 'cancelled' }).waitFor();
  check((await api(`/jobs/${slow.body.id}`, env.KEY_A)).body.status === 'cancelled', 'cancelled in the API');

  step('delete a job, with confirmation');
  await page.click('#delete-job');
  await page.click('dialog.confirm button.danger');
  await page.waitForURL(/#\/jobs$/);
  check((await api(`/jobs/${slow.body.id}`, env.KEY_A)).status === 404, 'deleted in the API');
  await noViolations(page, 'cancel and delete');

  step('a failed job\'s error in plain words');
  const failing = await api('/crawl', env.KEY_A, { method: 'POST', body: JSON.stringify({ url: `${env.SITE_URL}missing` }) });
  await until('the job to fail', async () => (await api(`/jobs/${failing.body.id}`, env.KEY_A)).body.status === 'failed');
  await page.goto(`${base}/#/jobs/${failing.body.id}`);
  await page.locator('.failure', { hasText: /answered HTTP 404/ }).waitFor();
  await shot(page, 'job-failed');
  await noViolations(page, 'failed job');

  step('the service state');
  await page.click('nav >> text=Service');
  await page.locator('#health-title .badge', { hasText: 'UP' }).waitFor();
  await page.locator('#stats-title').waitFor();
  await shot(page, 'service');
  await noViolations(page, 'service');

  step('a page full of XSS payloads is shown with nothing executing');
  const xss = await api('/crawl', env.KEY_A, { method: 'POST', body: JSON.stringify({ url: env.XSS_URL, maxDepth: 0 }) });
  await until('the XSS crawl', async () => (await api(`/jobs/${xss.body.id}`, env.KEY_A)).body.status === 'completed');
  const crawled = await api(`/jobs/${xss.body.id}/page?url=${encodeURIComponent(env.XSS_URL)}`, env.KEY_A);
  check(/javascript:/i.test(crawled.body.markdown), 'the hostile Markdown reaches the dashboard (it holds javascript: links)');
  await page.goto(`${base}/#/jobs/${xss.body.id}`);
  await page.locator('table.pages tbody tr button.link').first().click();
  await page.locator('#page-viewer .markdown').waitFor();
  await page.waitForTimeout(500); // time for anything that would run to run
  const dom = await page.evaluate(() => {
    const viewer = document.getElementById('page-viewer');
    const all = [...document.querySelectorAll('*')];
    return {
      executed: window.__xss ?? null,
      scripts: [...document.scripts].map((s) => s.src).filter((src) => !/\/ui\/app\.js$/.test(src)),
      dangerous: [...viewer.querySelectorAll('script, svg, img, iframe, object, embed, form, style, math')].map((e) => e.outerHTML),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
      links: [...viewer.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href'), rel: a.rel })),
      title: document.querySelector('table.pages tbody tr button.link').textContent,
    };
  });
  console.log(`xss page as shown: ${JSON.stringify(dom)}`);
  check(dom.executed === null, 'no payload ran');
  check(dom.scripts.length === 0, `no script but the dashboard's: ${dom.scripts}`);
  check(dom.dangerous.length === 0, `no active element in the Markdown: ${dom.dangerous}`);
  check(dom.handlers.length === 0, `no event handler attribute: ${dom.handlers}`);
  for (const link of dom.links) {
    check(/^https?:\/\//i.test(link.href) && /noopener/.test(link.rel) && /noreferrer/.test(link.rel), `inert or safe link: ${JSON.stringify(link)}`);
  }
  check(dom.title.includes('<'), `the hostile title is shown as text: ${dom.title}`);
  const inert = await page.locator('#page-viewer .markdown a:not([href])').all();
  for (const link of inert) await link.click();
  await page.waitForTimeout(300);
  check(await page.evaluate(() => window.__xss ?? null) === null, `clicking the ${inert.length} inert links runs nothing`);
  check(page.url().endsWith(`#/jobs/${xss.body.id}`), `still on the job's page: ${page.url()}`);
  await shot(page, 'xss');
  await noViolations(page, 'xss page');

  step('another key sees only its own jobs');
  const bob = await newPage(browser, 'bob');
  await bob.goto(base + '/');
  await enterKey(bob, env.KEY_B);
  await bob.locator('h1', { hasText: 'Jobs' }).waitFor();
  await bob.locator('#main p.muted', { hasText: /job/ }).waitFor();
  check(await bob.locator(`tr[data-job="${jobId}"]`).count() === 0, 'alice\'s job is not in bob\'s list');
  await bob.goto(`${base}/#/jobs/${jobId}`);
  await bob.locator('#main .error', { hasText: /no such job/i }).waitFor();
  await noViolations(bob, 'ownership');

  step('Swagger UI keeps working under its own policy');
  const docs = await newPage(browser, 'docs');
  await docs.goto(base + '/docs');
  await docs.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
  await noViolations(docs, 'swagger ui');

  step(`done: no console error, no CSP violation; screenshots in ${shots}`);
} catch (error) {
  console.log(`FAILED ${error.message}`);
  if (problems.length) console.log(`problems:\n${problems.join('\n')}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
