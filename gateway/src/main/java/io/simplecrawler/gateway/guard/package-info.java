/**
 * The SSRF guard at the API: seeds and webhook URLs whose scheme, port or literal address the
 * shared {@link io.simplecrawler.netguard.NetworkPolicy} (module netguard) denies are refused with a 400
 * naming the rule. Host names are checked where they are resolved: by the fetcher for seeds, by
 * the webhook sender for deliveries.
 */
package io.simplecrawler.gateway.guard;
