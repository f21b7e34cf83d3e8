package io.simplecrawler.fetcher.protocol;

/** How many body bytes a request wants, decided once the status and headers are in. */
@FunctionalInterface
public interface BodyLimit {
    long bytesFor(int status, ContentType type);

    /** The body of a successful answer up to {@code maxBytes}; none for any other answer. */
    static BodyLimit successUpTo(long maxBytes) {
        return (status, type) -> status >= 200 && status < 300 ? maxBytes : 0;
    }

    /** The body of a successful HTML answer up to {@code maxBytes}: nothing else would be parsed. */
    static BodyLimit htmlUpTo(long maxBytes) {
        return (status, type) -> status >= 200 && status < 300 && type.isHtml() ? maxBytes : 0;
    }
}
