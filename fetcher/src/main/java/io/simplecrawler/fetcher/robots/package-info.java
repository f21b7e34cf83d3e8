/** robots.txt (RFC 9309, parsed by crawler-commons): fetched once per host per job, cached in Redis for every fetcher. */
package io.simplecrawler.fetcher.robots;
