/**
 * The contract between the services, and nothing that runs: every Kafka topic with its key and
 * value types and default partition count ({@link io.simplecrawler.schemas.Topics}), the event
 * records, and the one JSON mapping all services use for them
 * ({@link io.simplecrawler.schemas.EventJson}). Creating the topics is the {@code broker}
 * module's, treating failed records the {@code faults} module's, a job's scope the
 * {@code crawlscope} module's.
 *
 * <p>A topic that carries several kinds of record has one sealed interface with a {@code type}
 * discriminator: {@link io.simplecrawler.schemas.JobCommand} on {@code crawl.jobs} (gateway and
 * exporter to frontier), {@link io.simplecrawler.schemas.CrawlFact} on {@code crawl.frontier}
 * (frontier to exporter: internal coordination), {@link io.simplecrawler.schemas.JobEvent} on
 * {@code crawl.events} (the public job lifecycle, written by the exporter alone). Records are
 * past-tense facts; a {@link io.simplecrawler.schemas.PageRecord} is built with
 * {@link io.simplecrawler.schemas.PageRecord#of}.
 *
 * <p>JSON Schema files for downstream consumers are under {@code /schemas/*.schema.json} on
 * the classpath, one per event type; {@code SchemaConformanceTest} keeps them in step with
 * the records. The Postgres {@code jobs} table, shared by gateway (rows) and exporter
 * (progress columns), is defined by the Flyway migrations under {@code /db/migration}, which the
 * gateway applies; its {@code status} column holds a {@link io.simplecrawler.schemas.JobStatus}.
 */
package io.simplecrawler.schemas;
