package io.simplecrawler.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A small site on its own loopback address (127.0.0.x), so that several of them are several hosts
 * to the crawler and land on different crawl.fetch partitions: "/" links to {@code /p1} ...
 * {@code /pN}, and each of those links back to "/". With {@link #holdSecondHalf()}, the pages of
 * the second half answer only after {@link #release()}, which keeps a crawl going for as long as
 * a test needs.
 */
final class LoopbackSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final int pages;
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean holding;

    private LoopbackSite(String address, int pages) throws IOException {
        this.pages = pages;
        this.server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves "/" and {@code pages} leaves on {@code address}, e.g. "127.0.0.21". */
    static LoopbackSite start(String address, int pages) {
        try {
            return new LoopbackSite(address, pages);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve a site on " + address, e);
        }
    }

    String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path;
    }

    /** From now on, pages {@code /pK} with K above half of the pages wait for {@link #release()}. */
    LoopbackSite holdSecondHalf() {
        holding = true;
        return this;
    }

    /** Answers the held pages, and every later request at once. */
    void release() {
        gate.countDown();
    }

    /** Every page's URL: what a crawl of depth 1 must fetch. */
    Set<String> pageUrls() {
        Set<String> urls = new TreeSet<>(Set.of(url("/")));
        IntStream.rangeClosed(1, pages).forEach(i -> urls.add(url("/p" + i)));
        return urls;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        workers.shutdownNow();
    }

    private void awaitRelease() {
        try {
            gate.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String links;
            if (path.equals("/")) {
                StringBuilder all = new StringBuilder();
                IntStream.rangeClosed(1, pages).forEach(i -> all.append("<a href=\"/p")
                        .append(i)
                        .append("\">page ")
                        .append(i)
                        .append("</a>\n"));
                links = all.toString();
            } else if (path.matches("/p\\d+") && Integer.parseInt(path.substring(2)) <= pages) {
                if (holding && Integer.parseInt(path.substring(2)) > pages / 2) {
                    awaitRelease();
                }
                links = "<a href=\"/\">home</a>";
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = ("<!doctype html><html><head><title>Page " + path + "</title></head><body><h1>" + path
                            + "</h1>\n" + links + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
