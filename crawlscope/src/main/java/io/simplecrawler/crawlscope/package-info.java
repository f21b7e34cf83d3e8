/**
 * The one owner of a job's scope: the URL normal form every service keys URLs by, and which
 * URLs a job may fetch ({@link io.simplecrawler.crawlscope.CrawlScope}). The frontier judges the
 * links it admits with it and the fetchers the redirects and canonical URLs they follow, so both
 * decide alike and the admitted and claimed URL sets in Redis mean one page per key.
 */
package io.simplecrawler.crawlscope;
