package io.simplecrawler.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestRedis;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A renderer on a machine without Chromium starts, and settles every render task as a FAILED page
 * that says why (never leaving it pending until the watchdog), with its links record, so the
 * frontier counts it and the job completes.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingChromiumTest implements TestPropertyProvider {
    private static final String NO_CHROMIUM = "/nonexistent/chromium";

    @Inject
    StatefulRedisConnection<String, String> redis;

    private RenderTopics topics;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "redis.uri",
                TestRedis.uri(),
                "simplecrawler.allowed-networks",
                "127.0.0.0/8",
                "simplecrawler.allowed-ports",
                "1024-65535",
                "renderer.chromium",
                NO_CHROMIUM);
    }

    @BeforeAll
    void connect() {
        topics = new RenderTopics(redis);
    }

    @AfterAll
    void close() {
        topics.close();
    }

    @Test
    void everyPageFailsWithTheReasonAndIsSettled() {
        String url = "http://127.0.0.1:8999/app";
        UUID job = topics.job(url, null, false);
        topics.render(job, "127.0.0.1", url, 0);

        PageRecord page = topics.page(job, url);
        assertEquals(FetchOutcome.FAILED, page.outcome());
        assertTrue(
                page.error().contains("Chromium is not installed at " + NO_CHROMIUM)
                        && page.error().contains("RENDERER_CHROMIUM"),
                page.error());
        LinksDiscovered links = topics.links(job, url);
        assertEquals(List.of(), links.links());
        assertEquals(FetchOutcome.FAILED, links.outcome());
    }
}
