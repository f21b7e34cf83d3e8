package io.simplecrawler.gateway.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint on 127.0.0.1 (or another loopback address) that records every POST and fails the first {@code failures} with 503. */
public final class WebhookReceiver implements AutoCloseable {
    /** @param headers the request's headers, names in lower case */
    public record Received(String body, Map<String, String> headers, int status) {
        /** The native signature header's value. */
        public String signature() {
            return header(WebhookSigner.HEADER);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final AtomicInteger arrived = new AtomicInteger();

    public WebhookReceiver(int failures) {
        this(failures, "127.0.0.1", Duration.ZERO);
    }

    /** @param address the loopback address to listen on */
    WebhookReceiver(int failures, String address) {
        this(failures, address, Duration.ZERO);
    }

    /** @param answerAfter how long it takes to answer each POST (past the sender's timeout: a dead receiver) */
    WebhookReceiver(int failures, String address, Duration answerAfter) {
        this(failures, address, answerAfter, 503);
    }

    /** @param failStatus what the failed POSTs are answered */
    public WebhookReceiver(int failures, String address, Duration answerAfter, int failStatus) {
        this.failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            arrived.incrementAndGet();
            if (!answerAfter.isZero()) {
                try {
                    Thread.sleep(answerAfter.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failuresLeft.getAndDecrement() > 0 ? failStatus : 204;
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            received.add(new Received(body, Map.copyOf(headers), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** POSTs that arrived, answered or not yet. */
    int arrived() {
        return arrived.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
