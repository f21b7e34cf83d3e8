package io.simplecrawler.gateway.kafka;

import io.micronaut.context.annotation.Context;
import io.simplecrawler.schemas.TopicCreator;

/** Creates the pipeline's topics before the first job can be published. */
@Context
class TopicsAtStartup {
    TopicsAtStartup(KafkaBootstrapConfiguration kafka) {
        TopicCreator.createMissing(kafka.servers(), System::getenv);
    }
}
