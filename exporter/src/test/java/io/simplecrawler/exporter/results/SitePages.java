package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.CapturedExchange;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.Heading;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageSummary;
import io.simplecrawler.schemas.ReadableArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The page records of a small documentation site as the fetcher sends them, with every field a
 * result format reads: a seed, two guide pages (one reached through a redirect), a page two
 * levels down, and a page that failed. {@link #ARRIVAL} mixes the depths, as a crawl does.
 */
final class SitePages {
    static final UUID JOB = UUID.fromString("6f1c2a4e-0b7d-4c55-9a3e-2d8f1e0c7b19");
    static final String SITE = "https://docs.example.org/";
    static final Instant AT = Instant.parse("2025-03-14T09:26:53Z");

    static final PageRecord SEED = page(
            SITE,
            SITE,
            0,
            "Widget Docs",
            """
            # Widget Docs

            Welcome to the documentation of the **Widget Server**.

            ## Start here

            - [Install](https://docs.example.org/guide/install.html)
            - [Configure](https://docs.example.org/guide/configure.html)
              - [Options](https://docs.example.org/guide/configure/#options)

            ![Architecture](https://docs.example.org/images/architecture.png)""",
            List.of(new Heading(1, "Widget Docs"), new Heading(2, "Start here")),
            List.of(SITE + "guide/install.html", SITE + "guide/configure.html"),
            List.of("https://github.com/widgets/server"),
            new PageSummary(
                    List.of("Welcome to the documentation of the Widget Server."), List.of("widget", "server", "docs")),
            new ReadableArticle(
                    "Widget Docs",
                    null,
                    "Everything about the Widget Server.",
                    "Welcome to the documentation of the **Widget Server**."),
            List.of(exchange(SITE, 200, "text/html; charset=utf-8", "<html>Widget Docs</html>", false)));

    static final PageRecord INSTALL = page(
            SITE + "guide/install.html",
            SITE + "guide/install.html",
            1,
            "Installing",
            """
            # Installing

            Run the installer:

            ```bash
            # as root
            ./install.sh --prefix /opt/widget
            ```

            | Platform | Package |
            |----------|---------|
            | Debian   | `.deb`  |

            > Back up your configuration first.""",
            List.of(new Heading(1, "Installing")),
            List.of(SITE),
            List.of(),
            new PageSummary(
                    List.of("Run the installer as root.", "Back up your configuration first."),
                    List.of("installer", "root")),
            new ReadableArticle(
                    "Installing the Widget Server",
                    "Ada Lovelace",
                    "How to install it.",
                    "Run the installer:\n\n```bash\n# as root\n./install.sh\n```"),
            List.of(exchange(SITE + "guide/install.html", 200, "text/html", "x".repeat(100), true)));

    static final PageRecord CONFIGURE = page(
            SITE + "guide/configure.html",
            SITE + "guide/configure/",
            1,
            "Configuring",
            """
            # Configuring

            ## Options

            Set `port` in `widget.conf`.""",
            List.of(new Heading(1, "Configuring"), new Heading(2, "Options")),
            List.of(SITE),
            List.of(),
            new PageSummary(List.of(), List.of("port", "widget")),
            null,
            List.of(
                    exchange(SITE + "guide/configure.html", 301, null, null, false),
                    exchange(SITE + "guide/configure/", 200, "text/html", "<p>Set port</p>", false)));

    static final PageRecord API = page(
            SITE + "api/v1/widgets.html",
            SITE + "api/v1/widgets.html",
            2,
            "Widgets API",
            """
            # Widgets API

            `GET /widgets` lists the widgets.""",
            List.of(new Heading(1, "Widgets API")),
            List.of(),
            List.of(),
            new PageSummary(List.of("GET /widgets lists the widgets."), List.of("widgets", "server")),
            new ReadableArticle(null, null, null, "`GET /widgets` lists the widgets."),
            List.of(exchange(SITE + "api/v1/widgets.html", 200, "text/html", "<p>API</p>", false)));

    static final PageRecord MISSING = PageRecord.of(JOB, SITE + "missing", 1, FetchOutcome.FAILED)
            .finalUrl(SITE + "missing")
            .status(404)
            .contentType("text/html")
            .fetchedAt(AT)
            .fetchMs(12)
            .links(List.of())
            .error("HTTP 404")
            .exchanges(List.of(exchange(SITE + "missing", 404, "text/html", null, true)))
            .build();

    static final List<PageRecord> ARRIVAL = List.of(INSTALL, SEED, MISSING, API, CONFIGURE);

    private SitePages() {}

    static JobSummary job(OutputFormat format, boolean warc) {
        return new JobSummary(
                JOB, SITE, "completed", format, 5, 4, 1, 1234, AT, AT.plusSeconds(1), AT.plusSeconds(9), null, warc);
    }

    private static PageRecord page(
            String url,
            String finalUrl,
            int depth,
            String title,
            String markdown,
            List<Heading> headings,
            List<String> internal,
            List<String> external,
            PageSummary summary,
            ReadableArticle readable,
            List<CapturedExchange> exchanges) {
        List<String> links = new ArrayList<>(internal);
        links.addAll(external);
        return PageRecord.of(JOB, url, depth, FetchOutcome.FETCHED)
                .finalUrl(finalUrl)
                .status(200)
                .contentType("text/html; charset=utf-8")
                .fetchedAt(AT.plusSeconds(depth))
                .fetchMs(40 + depth)
                .bytes(markdown.length() * 3L)
                .title(title)
                .text(title + " " + markdown.replaceAll("[#*`|>-]", ""))
                .markdown(markdown)
                .links(links)
                .redirects(url.equals(finalUrl) ? null : List.of(finalUrl))
                .description(title + ": a page of the Widget docs.")
                .language("en")
                .headings(headings)
                .wordCount(markdown.split("\\s+").length)
                .internalLinks(internal)
                .externalLinks(external)
                .readable(readable)
                .summary(summary)
                .exchanges(exchanges)
                .build();
    }

    private static CapturedExchange exchange(
            String url, int status, String contentType, String body, boolean truncated) {
        Map<String, List<String>> headers = contentType == null
                ? Map.of("location", List.of(url.replace(".html", "/")), "content-length", List.of("0"))
                : Map.of("content-type", List.of(contentType), "transfer-encoding", List.of("chunked"));
        return new CapturedExchange(
                url,
                "GET",
                Map.of("User-Agent", List.of("SimpleCrawler/0.1")),
                "HTTP/2",
                status,
                headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                truncated);
    }
}
