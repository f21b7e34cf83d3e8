/**
 * The exporter's side of the {@code jobs} schema, which the gateway owns: it runs the Flyway
 * migrations (schemas' {@code db/migration}), and the exporter waits at start-up until they are
 * applied ({@link io.simplecrawler.exporter.schema.JobsSchema}) instead of migrating too.
 */
package io.simplecrawler.exporter.schema;
