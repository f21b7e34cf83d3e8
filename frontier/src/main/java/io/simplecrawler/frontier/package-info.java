/**
 * The frontier decides which URLs a job fetches and when its crawl is finished.
 *
 * <p>It reads {@code crawl.jobs} and {@code crawl.links} with one Kafka Streams task per
 * partition pair (both topics are keyed by job id, so one task sees all of a job's records in
 * order), admits URLs atomically in Redis ({@link io.simplecrawler.frontier.admission}), and
 * writes {@code crawl.fetch} (keyed by host) and, for the exporter, {@code crawl.frontier}
 * ({@code UrlsAdmitted} with the admitted count, {@code CrawlFinished} when every admitted URL has
 * settled, {@code JobRejected} for a job it cannot crawl, {@code CrawlCancelled} once it took a cancellation).
 *
 * <p>What a job fetches: the seed, then links (and, with {@code useSitemap}, the sitemap URLs the
 * fetcher reports with the seed) that the job's {@link io.simplecrawler.crawlscope.CrawlScope} takes
 * (hosts, include/exclude paths), within depth and page budget, not claimed by a fetcher as
 * another spelling of a fetched page; in-scope traps (too long, repeating path) are counted as
 * filtered instead ({@code filtered} in {@code UrlsAdmitted} and {@code CrawlFinished}).
 *
 * <p>State it owns, all in Redis through {@link io.simplecrawler.crawlstate}: the job's settings,
 * the admitted URLs with the page that admitted each, the settled URLs and the filtered ones, and
 * the stop mark of a crawl it cancelled, rejected or finished (or whose state Redis lost: the job
 * then fails), after which the job's keys expire. It reads the claimed URLs, which fetchers
 * write. Kafka Streams commits a record's
 * offset only after its outputs are acknowledged; replays are harmless because admission and
 * settlement are set operations, and a replayed record re-emits the tasks it admitted itself.
 */
package io.simplecrawler.frontier;
