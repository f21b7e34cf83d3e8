package io.simplecrawler.fetcher.kafka;

import io.micronaut.context.annotation.Value;
import io.simplecrawler.schemas.TopicCreator;
import jakarta.inject.Singleton;

/** The pipeline's topics, created if missing when this bean is made (before the listener subscribes). */
@Singleton
public class PipelineTopics {
    public PipelineTopics(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        TopicCreator.createMissing(bootstrapServers, System::getenv);
    }
}
