package io.simplecrawler.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages the benchmarks parse: two pages of Debian's PostgreSQL 15 manual (postgresql-doc-15
 * 15.20, PostgreSQL licence), kept as resources so that every machine measures the same bytes,
 * and a documentation page of about 1 MB made from them, as a one-page manual is: one head, the
 * bodies of the two pages in turn, each copy's relative links under its own folder so that the
 * link count grows with the page as it does on a real one.
 */
public enum BenchPages {
    /** textsearch-tables.html, 10 KB: prose, a few code blocks and links. */
    PAGE_10K("page-10k.html"),
    /** sql-select.html, 109 KB: a reference page with a long synopsis, many code blocks and links. */
    PAGE_100K("page-100k.html"),
    PAGE_1M(null);

    private static final int ONE_MEGABYTE = 1 << 20;
    private final String resource;

    BenchPages(String resource) {
        this.resource = resource;
    }

    byte[] bytes() {
        return (resource != null ? load(resource) : oneMegabyte()).getBytes(StandardCharsets.UTF_8);
    }

    /** The URL the page is fetched from: relative links resolve against it. */
    String url() {
        return "http://127.0.0.1:8081/docs/" + (resource != null ? resource : "manual.html");
    }

    private static String oneMegabyte() {
        String small = load(PAGE_10K.resource);
        String large = load(PAGE_100K.resource);
        String[] bodies = {bodyOf(small), bodyOf(large)};
        StringBuilder page = new StringBuilder(ONE_MEGABYTE + large.length());
        page.append(large, 0, large.indexOf("<body"));
        page.append("<body id=\"docContent\">");
        for (int copy = 0; page.length() < ONE_MEGABYTE; copy++) {
            page.append(bodies[copy % 2].replace("href=\"", "href=\"part" + copy + "/"));
        }
        return page.append("</body></html>").toString();
    }

    private static String bodyOf(String page) {
        int start = page.indexOf('>', page.indexOf("<body")) + 1;
        return page.substring(start, page.lastIndexOf("</body>"));
    }

    private static String load(String name) {
        try (InputStream in = BenchPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
