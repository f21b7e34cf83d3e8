package io.simplecrawler.testkit;

import io.simplecrawler.localstack.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * An embedded Redis of one test's own, on a free port of 127.0.0.1, that the test may stop and
 * start again (with its data: append-only file, written on every command) to see how services
 * live through a store that goes away. Unlike {@link TestRedis}, never shared.
 */
public final class StoppableRedis implements AutoCloseable {
    private final int port = FreePorts.next();
    private final Path dir;
    private RedisServer server;

    public StoppableRedis() {
        try {
            dir = Files.createTempDirectory("stoppable-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() {
        try {
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dir)
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis on port " + port, e);
        }
    }

    public synchronized void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server.isActive()) {
            stop();
        }
    }
}
