/**
 * Operators' endpoints: health of the components the gateway depends on, and pipeline statistics;
 * the pipeline-wide meters for Prometheus (jobs by status, consumer lag per group and partition:
 * {@code PipelineMeters}).
 */
package io.simplecrawler.gateway.ops;
