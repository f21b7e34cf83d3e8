package io.simplecrawler.analytics.stream;

import io.simplecrawler.schemas.EventJson;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Values as the contract's JSON ({@link EventJson}), for the output topics, the stores and the repartition topic alike. */
final class JsonSerde {
    private JsonSerde() {}

    static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : EventJson.write(value),
                (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type));
    }
}
