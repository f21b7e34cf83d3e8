package io.simplecrawler.renderer.proxy;

import io.micronaut.context.annotation.Context;
import io.simplecrawler.netguard.NetworkPolicy;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forward proxy on 127.0.0.1 that the browser must use for every connection (Chromium's
 * {@code --proxy-server}, with loopback not bypassed): documents, scripts, XHR/fetch, iframes,
 * redirects and WebSockets alike. For each request it resolves the host once, checks the port
 * and every address with the {@link NetworkPolicy} (the fetcher's), and connects to a checked
 * address, so that a page cannot reach loopback, private networks or the metadata address by
 * literal, by redirect or by a name that resolves there. A denied request gets 403 with the
 * reason; nothing is sent to the denied address.
 *
 * <p>A plain http request is passed on with {@code Connection: close} and its body (by
 * Content-Length) only: one request per connection, so that a second request on a kept-alive
 * connection never reaches the first one's origin unchecked. https and ws go through CONNECT,
 * checked the same way and then tunnelled.
 */
@Context
public class GuardedProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedProxy.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final NetworkPolicy policy;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "renderer-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong denied = new AtomicLong();

    public GuardedProxy(NetworkPolicy policy) {
        this.policy = policy;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the renderer's proxy port", e);
        }
        connections.execute(this::accept);
    }

    /** The value of Chromium's {@code --proxy-server}. */
    public String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Requests refused so far. */
    public long deniedCount() {
        return denied.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("The renderer's proxy could not accept a connection", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            ProxyRequest request = ProxyRequest.read(in);
            if (request == null) {
                return;
            }
            Socket upstream;
            try {
                upstream = connect(request.host(), request.port(), request.isConnect() ? null : request.scheme());
            } catch (Denied e) {
                denied.incrementAndGet();
                LOG.info("The renderer's proxy refused {}: {}", request.target(), e.getMessage());
                respond(client.getOutputStream(), 403, e.getMessage());
                return;
            } catch (IOException e) {
                LOG.info("The renderer's proxy could not connect to {}: {}", request.target(), e.toString());
                respond(client.getOutputStream(), 502, "cannot connect to " + request.target() + ": " + e.getMessage());
                return;
            }
            try (upstream) {
                if (request.isConnect()) {
                    client.getOutputStream()
                            .write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    upstream.getOutputStream().write(request.bufferedBody());
                    connections.execute(() -> copy(client, upstream, Long.MAX_VALUE));
                } else {
                    // the body only: a further request on this connection must not reach this origin unchecked
                    upstream.getOutputStream().write(request.originFormHead());
                    upstream.getOutputStream().write(request.bufferedBody());
                    copy(client, upstream, request.contentLength() - request.bufferedBody().length);
                }
                copy(upstream, client, Long.MAX_VALUE);
            }
        } catch (IOException e) {
            LOG.debug("Proxy connection ended", e);
        }
    }

    /** Resolves once, checks, and connects to the first checked address that answers. */
    private Socket connect(String host, int port, String scheme) throws IOException, Denied {
        if (scheme != null && policy.whyDeniedScheme(scheme).isPresent()) {
            throw new Denied(policy.whyDeniedScheme(scheme).get());
        }
        List<InetSocketAddress> addresses;
        try {
            addresses = policy.checkedAddresses(host, port);
        } catch (io.simplecrawler.netguard.NetworkDeniedException e) {
            throw new Denied(e.getMessage());
        }
        IOException last = null;
        for (InetSocketAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException(host + " has no address");
    }

    /** Copies up to {@code limit} bytes, then ends the receiver's output (or closes it when the copy failed). */
    private static void copy(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (long left = limit; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            if (limit == Long.MAX_VALUE) {
                to.shutdownOutput();
            }
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void respond(OutputStream out, int status, String reason) throws IOException {
        byte[] body = ("SimpleCrawler renderer: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 403 ? " Forbidden" : " Bad Gateway")
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @PreDestroy
    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }

    /** A request the policy refuses. */
    private static final class Denied extends Exception {
        Denied(String reason) {
            super(reason);
        }
    }
}
