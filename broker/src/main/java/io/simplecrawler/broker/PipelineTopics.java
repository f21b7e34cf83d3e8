package io.simplecrawler.broker;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Creates the pipeline's missing topics ({@link TopicCreator}) when the application starts, so that
 * none is auto-created with one partition; a client that must not subscribe before them takes this bean.
 * One bean for every service that depends on this module; none where Kafka is switched off or no
 * broker is configured (a test context of a module that only has this one on its classpath).
 */
@Context
@Requires(property = "kafka.enabled", notEquals = "false")
@Requires(property = "kafka.bootstrap.servers")
public class PipelineTopics {
    public PipelineTopics(KafkaBootstrapConfiguration kafka) {
        TopicCreator.createMissing(kafka.servers(), System::getenv);
    }
}
