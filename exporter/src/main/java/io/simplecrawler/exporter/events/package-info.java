/**
 * The {@code crawl.events} consumer: folds the frontier's {@code PROGRESS}, {@code CRAWLED}
 * and {@code FAILED} events into the jobs' rows (one transaction per batch), dead-letters
 * unreadable records, and asks the finaliser about every job whose crawl just finished.
 */
package io.simplecrawler.exporter.events;
