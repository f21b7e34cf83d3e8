package io.simplecrawler.fetcher.sitemap;

import io.simplecrawler.fetcher.protocol.DecodedBody;
import io.simplecrawler.fetcher.protocol.Download;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * A sitemap's bytes as the parser gets them, at most {@code maxBytes} of them: the Content-Encoding
 * undone, and a gzip file (a {@code .xml.gz} sent without Content-Encoding) inflated here, because
 * crawler-commons would inflate it without any limit (a gzip bomb of gigabytes). A sitemap cut at
 * the limit keeps its complete entries: XML is closed after the last whole {@code <url>} or
 * {@code <sitemap>}, a text sitemap ends at its last whole line; the parser rejects a cut file.
 *
 * @param contentType the media type to parse it as: XML or text once inflated, else the header's
 */
record SitemapBody(byte[] bytes, String contentType) {
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};

    static SitemapBody of(Download download, int maxBytes) throws IOException {
        DecodedBody decoded = download.decodedBody(maxBytes);
        byte[] bytes = decoded.bytes();
        boolean truncated = decoded.truncated();
        String contentType = download.header("Content-Type").orElse(null);
        if (bytes.length >= 2 && bytes[0] == GZIP_MAGIC[0] && bytes[1] == GZIP_MAGIC[1]) {
            ByteArrayOutputStream inflated = new ByteArrayOutputStream();
            truncated |= inflate(new GZIPInputStream(new ByteArrayInputStream(bytes)), inflated, maxBytes);
            bytes = inflated.toByteArray();
            contentType = startsWithTag(bytes) ? "application/xml" : "text/plain";
        }
        return new SitemapBody(truncated ? wholeEntries(bytes) : bytes, contentType);
    }

    /** @return true when the data went on beyond {@code maxBytes} or was cut short */
    private static boolean inflate(InputStream in, ByteArrayOutputStream out, int maxBytes) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            int read;
            while ((read = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - out.size()))) > 0) {
                out.write(buffer, 0, read);
                if (out.size() > maxBytes) {
                    return true;
                }
            }
            return false;
        } catch (EOFException e) {
            return true;
        }
    }

    private static byte[] wholeEntries(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!startsWithTag(bytes)) {
            return text.substring(0, text.lastIndexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
        }
        int url = text.lastIndexOf("</url>");
        int sitemap = text.lastIndexOf("</sitemap>");
        String closed = url >= sitemap
                ? (url < 0 ? text : text.substring(0, url + "</url>".length()) + "</urlset>")
                : text.substring(0, sitemap + "</sitemap>".length()) + "</sitemapindex>";
        return closed.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWithTag(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xef && b != (byte) 0xbb && b != (byte) 0xbf) {
                return b == '<';
            }
        }
        return false;
    }
}
