package io.simplecrawler.fetcher.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the Content-Encoding of a body (the fetcher asks for gzip and decompresses itself) and
 * applies the job's size limit to the decompressed bytes, so that a small compressed body
 * cannot blow up into an unbounded one.
 */
final class BodyDecoder {
    private BodyDecoder() {}

    /**
     * @param contentEncoding the Content-Encoding header, or null
     * @param maxBytes        the most decoded bytes kept; more mark the body truncated
     * @throws IOException if the encoding is unknown or the data is not what it claims to be
     */
    static DecodedBody decode(RawBody raw, String contentEncoding, long maxBytes) throws IOException {
        String encoding =
                contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> new DecodedBody(raw.bytes(), raw.truncated());
            case "gzip", "x-gzip" -> inflate(
                    new GZIPInputStream(new ByteArrayInputStream(raw.bytes())), raw.truncated(), maxBytes);
            case "deflate" -> inflate(
                    new InflaterInputStream(new ByteArrayInputStream(raw.bytes())), raw.truncated(), maxBytes);
            default -> throw new IOException("unsupported Content-Encoding " + encoding);
        };
    }

    private static DecodedBody inflate(InputStream in, boolean inputTruncated, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                int keep = (int) Math.min(read, maxBytes - out.size());
                out.write(buffer, 0, keep);
                if (keep < read) {
                    return new DecodedBody(out.toByteArray(), true);
                }
            }
        } catch (EOFException e) {
            if (!inputTruncated) {
                throw e;
            }
            // the compressed body was cut at the limit: what decompressed so far is the page
        }
        return new DecodedBody(out.toByteArray(), inputTruncated);
    }
}
