package io.simplecrawler.fetcher.protocol;

import io.micronaut.http.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * The parts of a Content-Type header the fetcher acts on.
 *
 * @param mediaType the lower-case type/subtype, or "" when the header is missing or unreadable
 * @param charset   the charset parameter if the JVM supports it, otherwise null (the parser then
 *                  looks in the page itself)
 */
public record ContentType(String mediaType, String charset) {

    public static ContentType of(String header) {
        if (header == null || header.isBlank()) {
            return new ContentType("", null);
        }
        try {
            MediaType type = MediaType.of(header);
            return new ContentType(
                    type.getName().toLowerCase(Locale.ROOT),
                    supported(type.getParametersMap().get(MediaType.CHARSET_PARAMETER)));
        } catch (IllegalArgumentException e) {
            return new ContentType("", null);
        }
    }

    public boolean isHtml() {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static String supported(String charset) {
        try {
            return charset != null && Charset.isSupported(charset.strip()) ? charset.strip() : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
