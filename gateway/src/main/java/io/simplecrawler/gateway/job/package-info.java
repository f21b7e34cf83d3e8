/** Crawl jobs: submission, storage, publication and their REST resource. */
package io.simplecrawler.gateway.job;
