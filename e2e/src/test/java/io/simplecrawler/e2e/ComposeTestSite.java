package io.simplecrawler.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The compose test's web site: {@value #HOSTS} host names ({@code h01.test} ...) on one nginx
 * container of the compose network (the simplecrawler/nginx image with a configuration of its
 * own), written as an override file that adds that container at {@value #ADDRESS} on a fixed
 * egress subnet. Each host has an index and {@value #PAGES} pages; h01's index also links to every
 * other host's index, so that a crawl with external links spreads over every host. Its access log
 * (docker logs) names the client of every request: which fetcher fetched.
 */
final class ComposeTestSite {
    static final int HOSTS = 16;
    static final int PAGES = 3;
    /**
     * Outside Docker's default address pools (172.17-31.0.0/16, 192.168.0.0/16), which it hands
     * out in turn to the stack's other networks: a fixed subnet there collides with one of them
     * sooner or later ("Pool overlaps").
     */
    static final String SUBNET = "10.213.250.0/24";

    static final String ADDRESS = "10.213.250.10";
    /** An application shell on every host: its text is written by a script. */
    static final String APP_PAGE = "/app.html";

    static final String SCRIPTED_TEXT = "Written by a script in the compose network";
    static final int PORT = 8080;

    private ComposeTestSite() {}

    /** Writes the site under {@code dir} and returns the override file for compose/stack.sh (STACK_OVERRIDE). */
    static Path write(Path dir) {
        try {
            for (String host : hosts()) {
                Path root = Files.createDirectories(dir.resolve("www").resolve(host));
                String others = host.equals(host(1))
                        ? hosts().stream()
                                .skip(1)
                                .map(other -> link(url(other, "/")))
                                .collect(Collectors.joining())
                        : "";
                String pages = IntStream.rangeClosed(1, PAGES)
                        .mapToObj(page -> link("/p" + page + ".html"))
                        .collect(Collectors.joining());
                Files.writeString(root.resolve("index.html"), html(host + " index", pages + others));
                // linked from nowhere (no crawl's count changes): a page whose text only a browser sees
                Files.writeString(
                        root.resolve(APP_PAGE.substring(1)),
                        "<!doctype html><html><head><title>app</title></head><body><div id=\"root\"></div>"
                                + "<script>document.getElementById('root').textContent = '" + SCRIPTED_TEXT
                                + "';</script></body></html>");
                for (int page = 1; page <= PAGES; page++) {
                    Files.writeString(root.resolve("p" + page + ".html"), html(host + " page " + page, link("/")));
                }
            }
            Files.writeString(
                    dir.resolve("nginx.conf"),
                    String.format(
                            Locale.ROOT,
                            """
                    pid /tmp/site-nginx.pid;
                    error_log stderr warn;
                    events {}
                    http {
                        client_body_temp_path /tmp/client_body;
                        proxy_temp_path /tmp/proxy;
                        fastcgi_temp_path /tmp/fastcgi;
                        uwsgi_temp_path /tmp/uwsgi;
                        scgi_temp_path /tmp/scgi;
                        types { text/html html; }
                        log_format site 'SITE $remote_addr $host $request_uri $status';
                        access_log /dev/stdout site;
                        server {
                            listen %d;
                            root /site/www/$host;
                            location = /nginx-health { return 200 "ok\\n"; }
                        }
                    }
                    """,
                            PORT));
            Path override = dir.resolve("site.yml");
            Files.writeString(
                    override,
                    String.format(
                            Locale.ROOT,
                            """
                    services:
                      testsite:
                        image: simplecrawler/nginx:${TAG:-latest}
                        entrypoint: ["nginx", "-c", "/site/nginx.conf", "-g", "daemon off;"]
                        volumes: ["%s:/site:ro"]
                        networks:
                          egress:
                            ipv4_address: %s
                            aliases: [%s]
                    networks:
                      egress:
                        ipam:
                          config: [{subnet: "%s"}]
                    """,
                            dir,
                            ADDRESS,
                            String.join(", ", hosts()),
                            SUBNET));
            return override;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> hosts() {
        return IntStream.rangeClosed(1, HOSTS).mapToObj(ComposeTestSite::host).toList();
    }

    static String host(int number) {
        return String.format(Locale.ROOT, "h%02d.test", number);
    }

    static String url(String host, String path) {
        return "http://" + host + ":" + PORT + path;
    }

    /** The pages a crawl of one host reaches (its index and pages), without external links. */
    static int pagesPerHost() {
        return 1 + PAGES;
    }

    /** The client addresses in the site's access log (docker logs of the testsite container). */
    static Set<String> clients(String accessLog) {
        return accessLog
                .lines()
                .filter(line -> line.startsWith("SITE "))
                .map(line -> line.split(" ")[1])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String link(String href) {
        return "<p><a href=\"" + href + "\">" + href + "</a></p>\n";
    }

    private static String html(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>\n"
                + "<p>A page of the compose test's site, with enough words to make a result section.</p>\n" + body
                + "</body></html>\n";
    }
}
