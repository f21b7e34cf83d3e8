/**
 * How a settled task leaves a service, alike for a fetcher and a renderer: its {@link
 * io.simplecrawler.settlement.Settlement} (the page record and the links record made from it),
 * cut to Kafka's record size ({@code RecordSizeLimit}) and published to crawl.pages and
 * crawl.links by the {@link io.simplecrawler.settlement.SettlementPublisher}.
 */
package io.simplecrawler.settlement;
