package io.simplecrawler.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites {@code jdbc:postgresql://host:port/database?params} URLs. */
final class JdbcUrls {
    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private JdbcUrls() {}

    /** The same URL naming another database, query parameters kept. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = POSTGRES_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + jdbcUrl);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }
}
