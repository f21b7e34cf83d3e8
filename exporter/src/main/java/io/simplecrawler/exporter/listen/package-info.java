/**
 * The exporter's Kafka listener: one consumer per consumed topic ({@code crawl.pages},
 * {@code crawl.frontier}), handing batches to the feature that exports them.
 */
package io.simplecrawler.exporter.listen;
