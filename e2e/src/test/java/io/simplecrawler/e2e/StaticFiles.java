package io.simplecrawler.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves the files of a folder under a path prefix of a TestSite, as a plain web server would. */
final class StaticFiles implements HttpHandler {
    private final String prefix;
    private final Path folder;

    StaticFiles(String prefix, Path folder) {
        this.prefix = prefix;
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = folder.resolve(name.isEmpty() ? "index.html" : name).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String type = file.toString().endsWith(".html")
                    ? "text/html; charset=utf-8"
                    : file.toString().endsWith(".css") ? "text/css" : "application/octet-stream";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
