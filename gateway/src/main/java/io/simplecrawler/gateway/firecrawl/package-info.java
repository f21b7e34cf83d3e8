/**
 * A second face of the same crawl jobs: the routes and shapes of Firecrawl's API (v2 and v1), so
 * that code written against Firecrawl's SDKs runs against SimpleCrawler by changing its base URL.
 *
 * <p>It owns no state: a Firecrawl request is mapped to a native
 * {@link io.simplecrawler.gateway.job.CrawlRequest} ({@link io.simplecrawler.gateway.firecrawl.NativeCrawlRequests})
 * and submitted like one, with the same API keys, ownership, limits and SSRF guard; a crawl's
 * documents are read from the job's {@code pages.jsonl} ({@link io.simplecrawler.gateway.firecrawl.JobDocuments},
 * through {@link io.simplecrawler.gateway.results.PagesJournal});
 * errors take Firecrawl's shape {@code {"success": false, "error"}}
 * ({@link io.simplecrawler.gateway.firecrawl.FirecrawlErrorFilter}). A scrape is a one-page job
 * ({@link io.simplecrawler.gateway.firecrawl.FirecrawlScrapes}); a map is no job, but a few
 * requests of the gateway's own through the SSRF guard ({@link io.simplecrawler.gateway.firecrawl.SiteMapper}). A crawl's
 * {@code webhook} is delivered by the native webhooks in Firecrawl's dialect
 * ({@link io.simplecrawler.gateway.firecrawl.FirecrawlWebhooks}); its scrape options that shape the
 * documents (formats, include and exclude tags) travel with the job as its content options and are
 * applied by the fetcher. Options this crawler cannot honour
 * (LLM extraction, browser actions, proxies, locations ...) are refused with a 400 naming them,
 * never ignored ({@link io.simplecrawler.gateway.firecrawl.UnsupportedOptions}).
 */
package io.simplecrawler.gateway.firecrawl;
