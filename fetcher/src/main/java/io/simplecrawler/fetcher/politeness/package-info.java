/** Politeness per host: per-host queues that grant request starts by the job's delay and concurrency, without blocking threads. */
package io.simplecrawler.fetcher.politeness;
