/** What the fetcher knows about jobs: their settings and whether they were cancelled, both read from Redis. */
package io.simplecrawler.fetcher.jobs;
