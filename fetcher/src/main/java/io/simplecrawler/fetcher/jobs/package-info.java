/** What the fetcher knows about jobs: their settings, read through {@link io.simplecrawler.crawlstate.JobSettingsStore} and cached. */
package io.simplecrawler.fetcher.jobs;
