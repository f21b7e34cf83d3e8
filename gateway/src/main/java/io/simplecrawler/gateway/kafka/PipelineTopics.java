package io.simplecrawler.gateway.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.simplecrawler.schemas.TopicCreator;

/**
 * Creates the pipeline's missing topics ({@link TopicCreator}) when the application starts, so that
 * none is auto-created with one partition; a consumer that must not subscribe before them takes this bean.
 */
@Context
@Requires(property = "kafka.enabled", notEquals = "false")
public class PipelineTopics {
    public PipelineTopics(KafkaBootstrapConfiguration kafka) {
        TopicCreator.createMissing(kafka.servers(), System::getenv);
    }
}
