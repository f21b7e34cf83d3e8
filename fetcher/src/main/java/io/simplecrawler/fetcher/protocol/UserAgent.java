package io.simplecrawler.fetcher.protocol;

import io.simplecrawler.fetcher.FetcherApplication;
import io.simplecrawler.fetcher.FetcherConfiguration;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Who the fetcher says it is: the User-Agent header {@code SimpleCrawler/<version> (+<project URL>)},
 * from the configured template with the version of the service jar ("dev" outside a jar), and the
 * product token robots.txt groups are matched against ({@code simplecrawler}).
 */
@Singleton
public class UserAgent {
    private final String header;
    private final String robotsToken;

    public UserAgent(FetcherConfiguration configuration) {
        String version = FetcherApplication.class.getPackage().getImplementationVersion();
        this.header = configuration.userAgent().replace("{version}", version == null ? "dev" : version);
        int slash = header.indexOf('/');
        this.robotsToken =
                (slash < 0 ? header : header.substring(0, slash)).strip().toLowerCase(Locale.ROOT);
    }

    public String header() {
        return header;
    }

    /** The product token, lower case, e.g. {@code simplecrawler}. */
    public String robotsToken() {
        return robotsToken;
    }
}
