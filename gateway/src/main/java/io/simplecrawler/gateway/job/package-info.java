/**
 * Crawl jobs: submission (with the per-key submission limits), storage, publication and their
 * REST resource. The features the resource shows sit below it: {@code auth} (who calls),
 * {@code webhook} (a job's subscription; it reads stored subscriptions through
 * {@link io.simplecrawler.gateway.webhook.SubscriptionStore}, implemented here) and
 * {@code results}, which serves the files and keeps them for the job's view through
 * {@link io.simplecrawler.gateway.job.JobFiles}.
 */
package io.simplecrawler.gateway.job;
