/** The frontier's decisions per record: what to admit, which tasks to emit, when a crawl is finished. */
package io.simplecrawler.frontier.crawl;
