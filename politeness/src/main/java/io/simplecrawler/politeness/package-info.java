/** Politeness per host, shared by the fetcher (each request) and the renderer (each rendered page): per-host queues that grant request starts by the job's delay and concurrency, without blocking threads. */
package io.simplecrawler.politeness;
