package io.simplecrawler.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every path of a {@link MixedSite} answers: a pure function of the seed, the page count and
 * the path, so that a failing run can be replayed with the same site.
 *
 * <p>Page {@code i} ({@code "/"} for 0, {@code /p/<i>} for the others) links to its children
 * {@code 4i+1 .. 4i+4}, so that every page is reachable, and to two random pages; then, each with
 * an even chance, to an image, an SVG, a PDF and a style sheet (answered, but not HTML), to a
 * missing page (404), to a redirect to another page and to a redirect off the site. About one
 * page in 150 answers after 1 to 2 s, one in 250 is an HTML page of more than 1 MB.
 */
final class MixedPages {
    static final int FANOUT = 4;
    private static final Pattern NUMBERED =
            Pattern.compile("/(p|img|doc|css|moved|away)/(\\d+)(\\.png|\\.svg|\\.pdf|\\.css)?");
    private static final String HTML = "text/html; charset=utf-8";
    private static final String[] WORDS = {
        "crawler",
        "frontier",
        "budget",
        "politeness",
        "queue",
        "page",
        "link",
        "host",
        "depth",
        "seed",
        "fetch",
        "parse",
        "record",
        "export",
        "partition",
        "broker",
        "offset",
        "replay",
        "settle",
        "admit"
    };
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** An answer: status, type, body, extra headers, and how long to wait before sending it. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers, Duration delay) {
        static Answer of(int status, String contentType, byte[] body) {
            return new Answer(status, contentType, body, Map.of(), Duration.ZERO);
        }
    }

    private final long seed;
    private final int pages;
    private final String offSiteAddress;

    /**
     * @param offSiteAddress where the off-site redirects lead (at the site's port), e.g. {@code 127.0.0.254}
     */
    MixedPages(long seed, int pages, String offSiteAddress) {
        if (pages < 1) {
            throw new IllegalArgumentException("a site has at least one page, got " + pages);
        }
        this.seed = seed;
        this.pages = pages;
        this.offSiteAddress = offSiteAddress;
    }

    Answer answer(String path, int sitePort) {
        if (path.equals("/")) {
            return page(0);
        }
        Matcher m = NUMBERED.matcher(path);
        if (!m.matches() || m.group(2).length() > 9) {
            return notFound();
        }
        int n = Integer.parseInt(m.group(2));
        String kind = m.group(1) + (m.group(3) == null ? "" : m.group(3));
        return switch (kind) {
            case "p" -> n > 0 && n < pages ? page(n) : notFound();
            case "img.png" -> Answer.of(200, "image/png", PNG);
            case "img.svg" -> Answer.of(
                    200,
                    "image/svg+xml",
                    ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\">" + "<a href=\"/p/" + n % pages
                                    + "\"><rect width=\"8\" height=\"8\"/></a></svg>")
                            .getBytes(StandardCharsets.UTF_8));
            case "doc.pdf" -> Answer.of(200, "application/pdf", PDF);
            case "css.css" -> Answer.of(
                    200, "text/css", ("body { margin: " + n % 7 + "px; }").getBytes(StandardCharsets.UTF_8));
            case "moved" -> redirect(301, pagePath(Math.floorMod(n * 7 + 3, pages)));
            case "away" -> redirect(302, "http://" + offSiteAddress + ":" + sitePort + "/p/" + n);
            default -> notFound();
        };
    }

    /** The path of page {@code i}. */
    static String pagePath(int i) {
        return i == 0 ? "/" : "/p/" + i;
    }

    private Answer page(int i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        List<String> links = new ArrayList<>();
        for (int child = FANOUT * i + 1; child <= FANOUT * i + FANOUT && child < pages; child++) {
            links.add(pagePath(child));
        }
        links.add(pagePath(random.nextInt(pages)));
        links.add(pagePath(random.nextInt(pages)));
        addMaybe(links, random, "/img/" + random.nextInt(pages) + ".png");
        addMaybe(links, random, "/img/" + random.nextInt(pages) + ".svg");
        addMaybe(links, random, "/doc/" + random.nextInt(pages) + ".pdf");
        addMaybe(links, random, "/css/" + random.nextInt(pages) + ".css");
        addMaybe(links, random, "/gone/" + random.nextInt(pages));
        addMaybe(links, random, "/moved/" + random.nextInt(pages));
        addMaybe(links, random, "/away/" + random.nextInt(pages));
        int kind = random.nextInt(750);
        boolean slow = i > 0 && kind < 5;
        boolean huge = i > 0 && kind >= 5 && kind < 8;
        byte[] body = html(i, links, random, huge).getBytes(StandardCharsets.UTF_8);
        Duration delay = slow ? Duration.ofMillis(1000 + random.nextInt(1000)) : Duration.ZERO;
        return new Answer(200, HTML, body, Map.of(), delay);
    }

    private static void addMaybe(List<String> links, SplittableRandom random, String href) {
        if (random.nextBoolean()) {
            links.add(href);
        }
    }

    private static String html(int i, List<String> links, SplittableRandom random, boolean huge) {
        StringBuilder html = new StringBuilder(huge ? 1_300_000 : 2048)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mixed page ")
                .append(i)
                .append("</title></head>\n<body><h1>Mixed page ")
                .append(i)
                .append("</h1>\n");
        paragraph(html, random, 40 + random.nextInt(80));
        html.append("<ul>\n");
        for (String href : links) {
            html.append("<li><a href=\"")
                    .append(href)
                    .append("\">")
                    .append(href)
                    .append("</a></li>\n");
        }
        html.append("</ul>\n");
        if (huge) {
            // more than 1 MB of text in paragraphs of a few hundred words
            while (html.length() < 1_100_000) {
                paragraph(html, random, 300);
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static void paragraph(StringBuilder html, SplittableRandom random, int words) {
        html.append("<p>");
        for (int w = 0; w < words; w++) {
            html.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        html.append("</p>\n");
    }

    private static Answer redirect(int status, String location) {
        return new Answer(
                status,
                HTML,
                "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8),
                Map.of("Location", location),
                Duration.ZERO);
    }

    private static Answer notFound() {
        return Answer.of(
                404,
                HTML,
                "<html><head><title>Not found</title></head><body>Not found</body></html>"
                        .getBytes(StandardCharsets.UTF_8));
    }
}
