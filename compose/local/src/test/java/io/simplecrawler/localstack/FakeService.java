package io.simplecrawler.localstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Stands in for a service jar: answers {@code /health} and echoes {@code /env?NAME} on MICRONAUT_SERVER_PORT. */
public final class FakeService {
    private FakeService() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("MICRONAUT_SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext(
                "/env",
                exchange -> reply(
                        exchange,
                        String.valueOf(System.getenv(exchange.getRequestURI().getQuery()))));
        server.start();
        System.out.println("fake service up on " + port);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
