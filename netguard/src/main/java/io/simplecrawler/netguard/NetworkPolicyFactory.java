package io.simplecrawler.netguard;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one {@link NetworkPolicy} of a service, from its {@link NetworkGuardConfiguration}. */
@Factory
class NetworkPolicyFactory {

    @Singleton
    NetworkPolicy networkPolicy(NetworkGuardConfiguration configuration) {
        return NetworkPolicy.of(configuration.allowedNetworks(), configuration.allowedPorts());
    }
}
