/**
 * Crawl state: the only code that names Redis keys ({@link io.simplecrawler.crawlstate.JobKeys})
 * and talks to Redis, for frontier, fetchers and gateway alike, one small class per concept:
 * admission and settlement of a job's URLs in one Lua call
 * ({@link io.simplecrawler.crawlstate.AdmissionScript}), the job's settings
 * ({@link io.simplecrawler.crawlstate.JobSettingsStore}), stopped crawls and the expiry of their
 * state ({@link io.simplecrawler.crawlstate.StoppedCrawls}), URLs claimed by redirects and
 * canonical links ({@link io.simplecrawler.crawlstate.UrlClaims}), tasks already published
 * ({@link io.simplecrawler.crawlstate.PublishedTasks}), robots.txt copies
 * ({@link io.simplecrawler.crawlstate.RobotsCopies}), the gateway's submission counters
 * ({@link io.simplecrawler.crawlstate.SubmissionCounts}) and webhook marks
 * ({@link io.simplecrawler.crawlstate.WebhookMarks}), and one command timeout for every
 * connection ({@link io.simplecrawler.crawlstate.RedisTimeout}). The services keep their own
 * logic (retries, caches, Kafka, metrics) and call these typed operations.
 */
package io.simplecrawler.crawlstate;
