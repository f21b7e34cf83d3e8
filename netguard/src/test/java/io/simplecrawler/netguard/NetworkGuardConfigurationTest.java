package io.simplecrawler.netguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NetworkPolicy bean every service that depends on this module gets, from the same keys. */
class NetworkGuardConfigurationTest {

    private static InetAddress address(String literal) {
        return LiteralAddress.parse(literal).orElseThrow();
    }

    @Test
    void deniesByDefault() {
        try (ApplicationContext context = ApplicationContext.run()) {
            NetworkPolicy policy = context.getBean(NetworkPolicy.class);

            assertTrue(policy.whyDenied(address("10.1.2.3")).isPresent());
            assertTrue(policy.whyDeniedPort(8080).isPresent());
        }
    }

    @Test
    void allowsTheConfiguredNetworksAndPorts() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "simplecrawler.allowed-networks", "10.0.0.0/8, 127.0.0.2",
                "simplecrawler.allowed-ports", "8080,9000-9100"))) {
            NetworkPolicy policy = context.getBean(NetworkPolicy.class);

            assertEquals(Optional.empty(), policy.whyDenied(address("10.1.2.3")));
            assertEquals(Optional.empty(), policy.whyDenied(address("127.0.0.2")));
            assertTrue(policy.whyDenied(address("127.0.0.1")).isPresent());
            assertEquals(Optional.empty(), policy.whyDeniedPort(9050));
            assertTrue(policy.whyDeniedPort(9101).isPresent());
        }
    }

    @Test
    void aBadEntryStopsTheService() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("simplecrawler.allowed-ports", "80-70"))) {
            RuntimeException error = assertThrows(RuntimeException.class, () -> context.getBean(NetworkPolicy.class));

            StringBuilder messages = new StringBuilder();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("empty port range: 80-70"), messages.toString());
        }
    }
}
