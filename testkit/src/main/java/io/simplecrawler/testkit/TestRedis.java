package io.simplecrawler.testkit;

import io.simplecrawler.localstack.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * One Redis server per JVM for tests, started on first use and stopped by a shutdown hook.
 *
 * <p>If the environment variable {@code REDIS_URL} is set, that server is used; otherwise an
 * embedded Redis is started on a free port of 127.0.0.1.
 */
public final class TestRedis {
    private TestRedis() {}

    /** The server's URI, e.g. {@code redis://127.0.0.1:40123}. */
    public static String uri() {
        return Holder.URI;
    }

    private static final class Holder {
        static final String URI = start();
    }

    private static String start() {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        int port = FreePorts.next();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "test-redis-stop"));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis on port " + port, e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            // the JVM is exiting; the redis-server child dies with it
        }
    }
}
