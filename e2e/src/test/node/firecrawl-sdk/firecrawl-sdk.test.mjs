// Firecrawl's own JS SDK (@mendable/firecrawl-js) against SimpleCrawler's Firecrawl-compatible
// API, through nginx. Run by e2e's FirecrawlSdkTest, which starts the stack and sets
// FIRECRAWL_API_URL, SIMPLECRAWLER_API_KEY (the stack's key; not FIRECRAWL_API_KEY, which the SDK
// would take as its default), FIRECRAWL_WEBHOOK_SECRET (the stack's) and SITE_ADDRESS,
// SLOW_SITE_ADDRESS (loopback addresses the crawler may fetch from). The sites and the webhook
// receivers are served here, so what each page and delivery must hold is known.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import http from "node:http";
import Firecrawl, { SdkError } from "@mendable/firecrawl-js";

const apiUrl = process.env.FIRECRAWL_API_URL;
const apiKey = process.env.SIMPLECRAWLER_API_KEY;
const webhookSecret = process.env.FIRECRAWL_WEBHOOK_SECRET;
const siteAddress = process.env.SITE_ADDRESS ?? "127.0.0.1";
// a host of its own, whose held answers can't hold up the other crawls' politeness
const slowSiteAddress = process.env.SLOW_SITE_ADDRESS ?? "127.0.0.2";
const PAGES = 150; // "/" and /p1 ... /p149

let site;
let siteUrl;
let slowSite;
let slowSiteUrl;
const held = [];
let receiver;
let receiverUrl;
const deliveries = []; // {body, json, signature, header}

function page(n) {
  const links = n === 0
    ? Array.from({ length: PAGES - 1 }, (_, i) => `<li><a href="/p${i + 1}">Page ${i + 1}</a></li>`).join("")
    : `<li><a href="/">Home</a></li><li><a href="/p${n % (PAGES - 1) + 1}">Next page</a></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${n}</title>`
    + `<meta name="description" content="Description of page ${n}"></head><body>`
    + `<nav><ul>${links}</ul></nav><main><article><h1>Heading of page ${n}</h1>`
    + `<p>This is page ${n} of the generated site. It holds a paragraph long enough for a reader view `
    + `to take it for the main content of the page, with a few sentences that say nothing much.</p>`
    + `<p>A second paragraph of page ${n} follows, so that the article has some body to it and the `
    + `extraction has more than one block of text to weigh against the navigation.</p>`
    + `</article></main></body></html>`;
}

function expectedUrls() {
  return [siteUrl + "/", ...Array.from({ length: PAGES - 1 }, (_, i) => `${siteUrl}/p${i + 1}`)].sort();
}

function pageNumber(url) {
  const path = new URL(url).pathname;
  return path === "/" ? 0 : Number(path.slice(2));
}

before(async () => {
  assert.ok(apiUrl, "FIRECRAWL_API_URL must name the API behind nginx");
  site = http.createServer((request, response) => {
    const path = new URL(request.url, "http://site").pathname;
    const n = path === "/" ? 0 : /^\/p\d+$/.test(path) ? Number(path.slice(2)) : -1;
    if (n < 0 || n >= PAGES) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page(n));
  });
  await new Promise((resolve) => site.listen(0, siteAddress, resolve));
  siteUrl = `http://${siteAddress}:${site.address().port}`;
  slowSite = http.createServer((request, response) => {
    if (new URL(request.url, "http://site").pathname.startsWith("/slow/")) {
      held.push(response); // answered when the tests end: keeps a crawl running
    } else {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found"); // robots.txt, sitemaps
    }
  });
  await new Promise((resolve) => slowSite.listen(0, slowSiteAddress, resolve));
  slowSiteUrl = `http://${slowSiteAddress}:${slowSite.address().port}`;
  receiver = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      deliveries.push({
        body,
        json: JSON.parse(body.toString("utf8")),
        signature: request.headers["x-firecrawl-signature"],
        team: request.headers["x-team"],
      });
      response.writeHead(200).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, siteAddress, resolve));
  receiverUrl = `http://${siteAddress}:${receiver.address().port}/hook`;
});

after(async () => {
  held.forEach((response) => response.writeHead(404).end());
  for (const server of [site, slowSite, receiver]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const client = () => new Firecrawl({ apiUrl, apiKey });

/**
 * nginx lets a client submit one job a second (bursts of five; a scrape and a map count as one)
 * and answers 429 beyond that. Like any client, wait a second and submit again.
 */
async function submitting(call) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      // v2 errors carry status; v1's statusCode, or 500 with the real status in the message
      const tooMany = (e.status ?? e.statusCode) === 429 || /status code:? 429/i.test(e.message);
      if (!tooMany || attempt === 15) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

test("v2 crawl() of a 150-page site returns every page with its markdown and metadata, following next", async () => {
  const job = await submitting(() => client().crawl(siteUrl + "/", { limit: 200, pollInterval: 1, timeout: 180 }));

  assert.equal(job.status, "completed");
  assert.equal(job.completed, PAGES);
  assert.equal(job.total, PAGES);
  assert.equal(job.creditsUsed, PAGES);
  assert.equal(job.data.length, PAGES, "more than one status answer (100 documents each): next was followed");
  assert.deepEqual(job.data.map((d) => d.metadata.sourceURL).sort(), expectedUrls());
  for (const document of job.data) {
    const n = pageNumber(document.metadata.sourceURL);
    assert.equal(document.metadata.title, `Page ${n}`);
    assert.equal(document.metadata.description, `Description of page ${n}`);
    assert.equal(document.metadata.language, "en");
    assert.equal(document.metadata.statusCode, 200);
    assert.equal(document.metadata.url, document.metadata.sourceURL);
    assert.match(document.metadata.contentType, /^text\/html/);
    assert.match(document.markdown, new RegExp(`This is page ${n} of the generated site\\.`));
    assert.ok(!document.markdown.includes("Next page"), `only the main content, not the navigation: ${document.markdown}`);
  }
});

test("startCrawl, getCrawlStatus and cancelCrawl drive one job", async () => {
  const firecrawl = client();
  const started = await submitting(() => firecrawl.startCrawl(slowSiteUrl + "/slow/", { limit: 5 }));
  assert.match(started.id, /^[0-9a-f-]{36}$/);
  assert.equal(started.url, `${apiUrl}/v2/crawl/${started.id}`);

  const running = await firecrawl.getCrawlStatus(started.id);
  assert.equal(running.status, "scraping");
  assert.deepEqual(running.data, []);
  assert.ok((await firecrawl.getActiveCrawls()).crawls.some((c) => c.id === started.id));

  assert.equal(await firecrawl.cancelCrawl(started.id), true);
  assert.equal((await firecrawl.getCrawlStatus(started.id)).status, "cancelled");
  await assert.rejects(firecrawl.cancelCrawl(started.id), (e) => e instanceof SdkError && e.status === 409);
});

test("the SDK throws the API's reason for a URL the crawler must not fetch", async () => {
  await assert.rejects(submitting(() => client().startCrawl("http://169.254.169.254/latest/meta-data/")), (e) => {
    assert.ok(e instanceof SdkError);
    assert.equal(e.status, 400);
    assert.match(e.message, /url is denied by the network policy \(SSRF guard\)/);
    return true;
  });
  await assert.rejects(submitting(() => client().startCrawl("not a url")), (e) => e.status === 400 && /url must be an absolute http\(s\) URL/.test(e.message));
});

test("the SDK throws a 400 naming an option this crawler cannot honour", async () => {
  const asked = { scrapeOptions: { formats: ["markdown", "changeTracking"], actions: [{ type: "click", selector: "a" }] } };
  await assert.rejects(submitting(() => client().crawl(siteUrl + "/", asked)), (e) => {
    assert.ok(e instanceof SdkError);
    assert.equal(e.status, 400);
    assert.match(e.message, /scrapeOptions\.actions is not supported by this crawler/);
    assert.match(e.message, /scrapeOptions\.formats: changeTracking is not supported by this crawler/);
    return true;
  });
});

test("the v1 client's crawlUrl returns the pages with v1's fields", async () => {
  const result = await submitting(() =>
    client().v1.crawlUrl(
      siteUrl + "/",
      { limit: 5, maxDepth: 1, ignoreSitemap: true, scrapeOptions: { formats: ["markdown", "links"], onlyMainContent: false } },
      1,
    ),
  );

  assert.equal(result.success, true);
  assert.equal(result.status, "completed");
  assert.equal(result.data.length, 5);
  for (const document of result.data) {
    const n = pageNumber(document.metadata.sourceURL);
    assert.match(document.markdown, new RegExp(`This is page ${n} of the generated site\\.`));
    const linked = n === 0 ? `${siteUrl}/p1` : `${siteUrl}/`;
    assert.ok(document.links.includes(linked), `every link of the page: ${document.links}`);
  }
});

test("scrape() answers one page with several formats, through a one-page job", async () => {
  const started = Date.now();
  const document = await submitting(() => client().scrape(siteUrl + "/p7", { formats: ["markdown", "links", "summary"] }));
  console.log(`scrape: submit to answer ${Date.now() - started} ms`);

  assert.match(document.markdown, /This is page 7 of the generated site\./);
  assert.ok(document.links.includes(siteUrl + "/p8"), `${document.links}`);
  assert.match(document.summary, /page 7/);
  assert.equal(document.metadata.title, "Page 7");
  assert.equal(document.metadata.sourceURL, siteUrl + "/p7");
  assert.equal(document.metadata.statusCode, 200);
});

test("a page the site does not have is scraped as its status, and the v1 client's scrapeUrl works", async () => {
  const missing = await submitting(() => client().scrape(siteUrl + "/p9999", { formats: ["markdown"] }));
  assert.equal(missing.metadata.statusCode, 404);

  const result = await submitting(() => client().v1.scrapeUrl(siteUrl + "/p3", { formats: ["markdown"], onlyMainContent: true }));
  assert.equal(result.success, true);
  assert.match(result.markdown, /This is page 3 of the generated site\./);
  assert.equal(result.metadata.title, "Page 3");
});

test("map() lists the site's URLs from the seed page, with and without search; v1's mapUrl lists strings", async () => {
  const all = await submitting(() => client().map(siteUrl + "/", { limit: 1000 }));
  assert.deepEqual(all.links.map((link) => link.url).sort(), expectedUrls());
  assert.equal(all.links.find((link) => link.url === siteUrl + "/").title, "Page 0");

  const searched = await submitting(() => client().map(siteUrl + "/", { search: "/p14" }));
  assert.deepEqual(
    searched.links.map((link) => link.url).sort(),
    [14, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149].map((n) => `${siteUrl}/p${n}`).sort(),
  );

  const v1 = await submitting(() => client().v1.mapUrl(siteUrl + "/", { limit: 3 }));
  assert.equal(v1.success, true);
  assert.equal(v1.links.length, 3);
  assert.equal(typeof v1.links[0], "string");
});

test("without the API key the SDKs get the API's 401", { skip: !apiKey && "the stack runs without API keys" }, async () => {
  await assert.rejects(
    submitting(() => new Firecrawl({ apiUrl }).startCrawl(siteUrl + "/")),
    (e) => e instanceof SdkError && e.status === 401 && /An API key is required/.test(e.message),
  );
  await assert.rejects(
    submitting(() => new Firecrawl({ apiUrl }).v1.crawlUrl(siteUrl + "/", {})),
    (e) => e.statusCode === 401 && /An API key is required/.test(e.message),
  );
});

async function eventually(condition, what, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a crawl's webhook delivers Firecrawl's events, signed, with html and rawHtml shaped by include and exclude tags", async () => {
  const job = await submitting(() =>
    client().crawl(siteUrl + "/", {
      limit: 3,
      sitemap: "skip",
      pollInterval: 1,
      timeout: 120,
      scrapeOptions: { formats: ["markdown", "html", "rawHtml"], includeTags: ["article"], excludeTags: ["p + p"] },
      webhook: { url: receiverUrl, headers: { "X-Team": "blue" }, metadata: { run: "sdk" }, events: ["started", "page", "completed"] },
    }),
  );
  assert.equal(job.status, "completed");
  assert.equal(job.data.length, 3);
  for (const document of job.data) {
    const n = pageNumber(document.metadata.sourceURL);
    assert.equal(document.rawHtml, page(n), "rawHtml is the page as served");
    assert.match(document.html, new RegExp(`<h1>Heading of page ${n}</h1>`));
    assert.match(document.html, new RegExp(`This is page ${n} of the generated site\\.`));
    assert.ok(!document.html.includes("A second paragraph"), `excludeTags applied: ${document.html}`);
    assert.ok(!document.html.includes("<nav"), `only what includeTags matched: ${document.html}`);
    assert.ok(!document.markdown.includes("A second paragraph"), `the markdown too: ${document.markdown}`);
    assert.equal(document.links, undefined, "only the formats asked for");
  }

  const mine = () => deliveries.filter((d) => d.json.id === job.id);
  await eventually(() => mine().some((d) => d.json.type === "crawl.completed"), "crawl.completed delivered");
  const types = mine().map((d) => d.json.type);
  assert.equal(types[0], "crawl.started");
  assert.equal(types.filter((t) => t === "crawl.page").length, 3);
  assert.equal(types.at(-1), "crawl.completed");
  for (const delivery of mine()) {
    assert.deepEqual(delivery.json.metadata, { run: "sdk" });
    assert.equal(delivery.team, "blue");
    assert.equal(delivery.json.success, true);
    if (webhookSecret) {
      const expected = "sha256=" + crypto.createHmac("sha256", webhookSecret).update(delivery.body).digest("hex");
      assert.equal(delivery.signature, expected, "X-Firecrawl-Signature is the body's HMAC under the secret");
    }
  }
  const pages = mine().filter((d) => d.json.type === "crawl.page").map((d) => d.json.data[0]);
  assert.deepEqual(
    pages.map((d) => d.metadata.sourceURL).sort(),
    job.data.map((d) => d.metadata.sourceURL).sort(),
    "one crawl.page per document, carrying it",
  );
  assert.ok(pages.every((d) => d.html && d.rawHtml && d.markdown));
});

test("a crawl whose webhook receiver is down still completes", async () => {
  const dead = http.createServer();
  await new Promise((resolve) => dead.listen(0, siteAddress, resolve));
  const deadUrl = `http://${siteAddress}:${dead.address().port}/hook`;
  await new Promise((resolve) => dead.close(resolve));

  const job = await submitting(() =>
    client().crawl(siteUrl + "/p5", { limit: 1, sitemap: "skip", pollInterval: 1, timeout: 60, webhook: deadUrl }),
  );
  assert.equal(job.status, "completed");
  assert.equal(job.data.length, 1);
});

test("scrape() answers html and rawHtml with include and exclude tags applied", async () => {
  const document = await submitting(() =>
    client().scrape(siteUrl + "/p9", { formats: ["html", "rawHtml"], includeTags: ["main"], excludeTags: ["h1"] }),
  );
  assert.equal(document.rawHtml, page(9));
  assert.match(document.html, /This is page 9 of the generated site\./);
  assert.ok(!document.html.includes("Heading of page 9"), document.html);
  assert.ok(!document.html.includes("Next page"), document.html);
  assert.equal(document.markdown, undefined);

  await assert.rejects(
    submitting(() => client().scrape(siteUrl + "/p9", { formats: ["html"], includeTags: ["div[class"] })),
    (e) => e instanceof SdkError && e.status === 400 && /includeTags must be CSS selectors: div\[class is not one/.test(e.message),
  );
});
