package io.simplecrawler.schemas;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes that are not an event make {@link EventJson#read} throw the one exception consumers dead-letter on. */
class EventJsonMalformedTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("null", null, FetchTask.class),
                Arguments.of("no bytes", new byte[0], FetchTask.class),
                Arguments.of("binary garbage", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2}, FetchTask.class),
                Arguments.of("plain text", utf8("hello"), PageRecord.class),
                Arguments.of("truncated object", utf8("{\"jobId\":"), FetchTask.class),
                Arguments.of("JSON null", utf8("null"), JobEvent.class),
                Arguments.of("array instead of object", utf8("[1,2]"), LinksDiscovered.class),
                Arguments.of("number instead of object", utf8("42"), DeadLetter.class),
                Arguments.of("string instead of object", utf8("\"FETCHED\""), PageRecord.class),
                Arguments.of(
                        "job id not a UUID", utf8("{\"jobId\":\"job-1\",\"url\":\"https://a/\"}"), FetchTask.class),
                Arguments.of("depth not a number", utf8("{\"depth\":\"deep\"}"), FetchTask.class),
                Arguments.of("unknown outcome", utf8("{\"outcome\":\"MAYBE\"}"), LinksDiscovered.class),
                Arguments.of("time not ISO-8601", utf8("{\"at\":\"yesterday\"}"), JobEvent.class),
                Arguments.of(
                        "job command without type",
                        utf8("{\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\"}"),
                        JobCommand.class),
                Arguments.of("job command of unknown type", utf8("{\"type\":\"paused\"}"), JobCommand.class),
                Arguments.of("empty object", utf8("{}"), FetchTask.class),
                Arguments.of(
                        "submitted job without settings",
                        utf8("{\"type\":\"submitted\",\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\","
                                + "\"submittedAt\":\"2026-11-29T20:00:00Z\"}"),
                        JobCommand.class),
                Arguments.of(
                        "page record without url",
                        utf8("{\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\",\"outcome\":\"FETCHED\"}"),
                        PageRecord.class),
                Arguments.of(
                        "job event of a type no longer public",
                        utf8(
                                "{\"type\":\"PROGRESS\","
                                        + "\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\",\"at\":\"2026-11-29T20:00:00Z\"}"),
                        JobEvent.class),
                Arguments.of(
                        "job event without time",
                        utf8("{\"type\":\"STARTED\"," + "\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\"}"),
                        JobEvent.class),
                Arguments.of(
                        "crawl fact without type",
                        utf8("{\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\","
                                + "\"total\":3,\"filtered\":0,\"at\":\"2026-11-29T20:00:00Z\"}"),
                        CrawlFact.class),
                Arguments.of(
                        "finished crawl without total",
                        utf8("{\"type\":\"finished\","
                                + "\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\",\"filtered\":0,"
                                + "\"at\":\"2026-11-29T20:00:00Z\"}"),
                        CrawlFact.class),
                Arguments.of(
                        "rejected job without reason",
                        utf8(
                                "{\"type\":\"rejected\","
                                        + "\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\",\"at\":\"2026-11-29T20:00:00Z\"}"),
                        CrawlFact.class),
                Arguments.of(
                        "unknown output format",
                        utf8("{\"type\":\"submitted\",\"settings\":{\"format\":\"pdf\"}}"),
                        JobCommand.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void throwsMalformedEventException(String what, byte[] bytes, Class<?> type) {
        assertThrows(MalformedEventException.class, () -> EventJson.read(bytes, type));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
