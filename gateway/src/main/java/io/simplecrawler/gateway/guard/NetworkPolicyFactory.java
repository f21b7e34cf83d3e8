package io.simplecrawler.gateway.guard;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.simplecrawler.schemas.network.NetworkPolicy;
import jakarta.inject.Singleton;

/** The network policy from the gateway's settings; a bad entry stops the gateway at start-up. */
@Factory
public class NetworkPolicyFactory {

    @Singleton
    NetworkPolicy networkPolicy(@Value("${simplecrawler.allowed-networks:}") String allowedNetworks,
                                @Value("${simplecrawler.allowed-ports:}") String allowedPorts) {
        return NetworkPolicy.of(allowedNetworks, allowedPorts);
    }
}
