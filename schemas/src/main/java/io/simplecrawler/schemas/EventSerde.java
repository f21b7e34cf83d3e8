package io.simplecrawler.schemas;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one event type through {@link EventJson}. The deserializer throws
 * {@link MalformedEventException} for bad bytes; consumers catch it and dead-letter the record.
 */
public final class EventSerde<T> implements Serde<T> {
    private final Class<T> type;

    private EventSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> EventSerde<T> of(Class<T> type) {
        return new EventSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, event) -> event == null ? null : EventJson.write(event);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type);
    }
}
