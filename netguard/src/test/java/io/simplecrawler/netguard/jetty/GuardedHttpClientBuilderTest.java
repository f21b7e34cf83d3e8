package io.simplecrawler.netguard.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.simplecrawler.netguard.NetworkDeniedException;
import io.simplecrawler.netguard.NetworkPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded client against a server on loopback, which the default policy denies. */
class GuardedHttpClientBuilderTest {
    private static final NetworkPolicy LOOPBACK_ALLOWED = NetworkPolicy.of("127.0.0.0/8", "1024-65535");

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " User-Agent="
                    + exchange.getRequestHeaders().getFirst("User-Agent") + " Cookie="
                    + exchange.getRequestHeaders().getFirst("Cookie"));
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/");
                exchange.getResponseHeaders().add("Set-Cookie", "session=1; Path=/");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void connectsNowhereThePolicyDenies() throws Exception {
        client = new GuardedHttpClientBuilder(NetworkPolicy.of(null, "1024-65535"), "test-http", 8, 1).start();

        ExecutionException error = assertThrows(
                ExecutionException.class, () -> client.newRequest(uri("/")).send());

        Throwable cause = error.getCause();
        while (!(cause instanceof NetworkDeniedException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(NetworkDeniedException.class, cause);
        assertTrue(cause.getMessage().contains("loopback network 127.0.0.0/8"), cause.getMessage());
        assertEquals(List.of(), requests);
    }

    @Test
    void followsNoRedirectKeepsNoCookieAndSendsNoUserAgentOfItsOwn() throws Exception {
        // a caller's settings cannot switch the guard's defaults back on
        client = new GuardedHttpClientBuilder(LOOPBACK_ALLOWED, "test-http", 8, 1)
                .settings(http -> http.setFollowRedirects(true))
                .start();

        ContentResponse moved = client.newRequest(uri("/moved")).send();
        client.newRequest(uri("/")).send();

        assertEquals(302, moved.getStatus());
        assertEquals(List.of("/moved User-Agent=null Cookie=null", "/ User-Agent=null Cookie=null"), requests);
        assertNull(client.getUserAgentField());
    }
}
