package io.simplecrawler.exporter.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.simplecrawler.schemas.TopicCreator;

/** Creates the pipeline's missing topics before the listeners subscribe, so none is auto-created with one partition. */
@Context
public class TopicSetup {
    public TopicSetup(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        TopicCreator.createMissing(bootstrapServers, System::getenv);
    }
}
