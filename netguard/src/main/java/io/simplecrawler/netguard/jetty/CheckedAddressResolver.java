package io.simplecrawler.netguard.jetty;

import io.simplecrawler.netguard.NetworkDeniedException;
import io.simplecrawler.netguard.NetworkPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * A Jetty HttpClient's only way from a host name to addresses, so it guards every connection
 * the client makes: each request, each redirect hop the client follows itself and each new pooled
 * connection. It resolves the host once, checks the port and every address against the
 * {@link NetworkPolicy}, and hands the client exactly the checked addresses, which it connects
 * to without asking DNS again (so a rebinding DNS server cannot slip in another answer). If any
 * address is denied the connection fails with a {@link NetworkDeniedException} and none is made.
 * TLS still sees the host name: SNI and certificate checks are unaffected. {@link GuardedHttpClientBuilder}
 * installs it; nothing else should.
 */
class CheckedAddressResolver implements SocketAddressResolver {
    private final NetworkPolicy policy;
    private final Executor executor;

    /** @param executor where the (blocking) lookups run */
    CheckedAddressResolver(NetworkPolicy policy, Executor executor) {
        this.policy = policy;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                promise.succeeded(policy.checkedAddresses(host, port));
            } catch (IOException | RuntimeException e) {
                promise.failed(e);
            }
        });
    }
}
