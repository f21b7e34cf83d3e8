package io.simplecrawler.gateway.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline as a whole, for Prometheus, from the gateway (every replica exports the same
 * values, so a query aggregates them with max, not sum):
 * {@code simplecrawler_gateway_jobs{status}} from Postgres and {@code
 * simplecrawler_broker_consumer_lag_records{group,topic,partition}} from Kafka, refreshed every
 * 15 s rather than at each scrape, so a slow store never slows a
 * scrape. A store that does not answer leaves the last values.
 */
@Context
class PipelineMeters {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineMeters.class);

    private final JobCounts jobCounts;
    private final ConsumerLag lag;
    private final MultiGauge jobs;
    private final MultiGauge consumerLag;

    PipelineMeters(JobCounts jobCounts, ConsumerLag lag, MeterRegistry meters) {
        this.jobCounts = jobCounts;
        this.lag = lag;
        this.jobs = MultiGauge.builder("simplecrawler.gateway.jobs")
                .description("Jobs by status")
                .register(meters);
        this.consumerLag = MultiGauge.builder("simplecrawler.broker.consumer.lag")
                .baseUnit("records")
                .description("Records after a consumer group's committed offset, per partition")
                .register(meters);
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "1s")
    void refresh() {
        try {
            jobs.register(
                    jobCounts.byStatus().entrySet().stream()
                            .map(count -> MultiGauge.Row.of(Tags.of("status", count.getKey()), count.getValue()))
                            .toList(),
                    true);
        } catch (RuntimeException e) {
            LOG.warn("Job counts for the metrics unavailable: {}", e.getMessage());
        }
        List<ConsumerLag.PartitionLag> partitions = lag.perPartition();
        if (!partitions.isEmpty()) {
            consumerLag.register(
                    partitions.stream()
                            .map(row -> MultiGauge.Row.of(
                                    Tags.of(
                                            "group", row.group(),
                                            "topic", row.partition().topic(),
                                            "partition",
                                                    Integer.toString(
                                                            row.partition().partition())),
                                    row.records()))
                            .toList(),
                    true);
        }
    }
}
