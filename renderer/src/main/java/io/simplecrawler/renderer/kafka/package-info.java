/** The consumer of crawl.render: a task in, its page and links records out, then the offset. */
package io.simplecrawler.renderer.kafka;
