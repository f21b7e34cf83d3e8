package io.simplecrawler.renderer.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The head of one request to the proxy: {@code CONNECT host:port} or a request in absolute form
 * ({@code GET http://host:port/path HTTP/1.1}), and the bytes read past the head.
 */
record ProxyRequest(String method, URI uri, String host, int port, String[] headerLines, byte[] bufferedBody) {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    /** Null when the client closed before sending a whole head, or sent one too big or malformed. */
    static ProxyRequest read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int end = -1;
        while (end < 0) {
            int n = in.read(buffer);
            if (n < 0 || head.size() > MAX_HEAD_BYTES) {
                return null;
            }
            head.write(buffer, 0, n);
            end = indexOf(head.toByteArray(), END_OF_HEAD);
        }
        byte[] bytes = head.toByteArray();
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3) {
            return null;
        }
        byte[] rest = Arrays.copyOfRange(bytes, end + END_OF_HEAD.length, bytes.length);
        String[] headers = Arrays.copyOfRange(lines, 1, lines.length);
        try {
            if (requestLine[0].equals("CONNECT")) {
                URI authority = new URI("tunnel://" + requestLine[1]);
                return authority.getHost() == null || authority.getPort() < 0
                        ? null
                        : new ProxyRequest(
                                "CONNECT", authority, authority.getHost(), authority.getPort(), headers, rest);
            }
            URI uri = new URI(requestLine[1]);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return new ProxyRequest(requestLine[0], uri, uri.getHost(), port, headers, rest);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    boolean isConnect() {
        return method.equals("CONNECT");
    }

    /** The request body's declared length; 0 when none is declared. */
    long contentLength() {
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-length")) {
                try {
                    return Math.max(0, Long.parseLong(line.substring(colon + 1).strip()));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    String scheme() {
        return uri.getScheme();
    }

    /** What the request is for, for logs and refusals. */
    String target() {
        return isConnect() ? host + ":" + port : uri.toString();
    }

    /** The head to send to the origin: the path in origin form, no proxy headers, one request per connection. */
    byte[] originFormHead() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(path)
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\n");
        for (String line : headerLines) {
            String name =
                    line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
