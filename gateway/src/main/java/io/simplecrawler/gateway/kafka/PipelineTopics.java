package io.simplecrawler.gateway.kafka;

import io.micronaut.context.annotation.Context;
import io.simplecrawler.schemas.TopicCreator;

/**
 * Creates the pipeline's missing topics ({@link TopicCreator}) when the application starts, so that
 * none is auto-created with one partition; a consumer that must not subscribe before them takes this bean.
 */
@Context
public class PipelineTopics {
    public PipelineTopics(KafkaBootstrapConfiguration kafka) {
        TopicCreator.createMissing(kafka.servers(), System::getenv);
    }
}
