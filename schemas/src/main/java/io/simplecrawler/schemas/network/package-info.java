/**
 * The SSRF guard's rules, shared by the gateway and the fetcher: which schemes, ports and IP
 * addresses a crawl (or a webhook) may reach. {@link io.simplecrawler.schemas.network.NetworkPolicy}
 * decides; resolving names and connecting to the checked addresses is the caller's job.
 */
package io.simplecrawler.schemas.network;
