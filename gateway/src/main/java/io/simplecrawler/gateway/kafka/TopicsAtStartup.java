package io.simplecrawler.gateway.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.simplecrawler.schemas.TopicCreator;

/** Creates the pipeline's topics before the first job can be published. */
@Context
class TopicsAtStartup {
    TopicsAtStartup(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        TopicCreator.createMissing(bootstrapServers, System::getenv);
    }
}
