package io.simplecrawler.netguard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a crawl may reach (the SSRF guard): http and https only, ports 80, 443 and the configured
 * ones, and no address in a {@link DeniedRange} (loopback, private, link-local, multicast and
 * the like) unless it is in one of the allowed networks. An IPv6 address that carries an IPv4
 * address (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by the IPv4
 * address too. Every denial is a sentence naming the rule, e.g. "address 10.0.0.1 is in the
 * private network 10.0.0.0/8".
 *
 * <p>The policy judges addresses; the caller resolves a name once, checks every address and
 * connects to the checked ones, so that DNS cannot answer differently the second time.
 */
public final class NetworkPolicy {
    /** The setting's name in the environment: comma-separated CIDRs to allow. */
    public static final String ALLOWED_NETWORKS = "SIMPLECRAWLER_ALLOWED_NETWORKS";
    /** The setting's name in the environment: comma-separated ports and ranges besides 80 and 443. */
    public static final String ALLOWED_PORTS = "SIMPLECRAWLER_ALLOWED_PORTS";

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");

    private final List<Cidr> allowedNetworks;
    private final AllowedPorts allowedPorts;

    private NetworkPolicy(List<Cidr> allowedNetworks, AllowedPorts allowedPorts) {
        this.allowedNetworks = allowedNetworks;
        this.allowedPorts = allowedPorts;
    }

    /**
     * @param allowedNetworks comma-separated CIDRs (or null): allowed even if a default denies them
     * @param allowedPorts    comma-separated ports and ranges (or null) besides 80 and 443
     * @throws IllegalArgumentException naming the bad entry, so a service fails at start-up
     */
    public static NetworkPolicy of(String allowedNetworks, String allowedPorts) {
        List<Cidr> networks = split(allowedNetworks).stream().map(Cidr::parse).toList();
        return new NetworkPolicy(networks, AllowedPorts.parse(allowedPorts));
    }

    /** The entries of a comma-separated setting, blanks dropped. */
    static List<String> split(String list) {
        return list == null
                ? List.of()
                : Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .toList();
    }

    /** The defaults only: nothing private allowed, ports 80 and 443. */
    public static NetworkPolicy denyByDefault() {
        return of(null, null);
    }

    /** Why the scheme is denied, or empty for http and https. */
    public Optional<String> whyDeniedScheme(String scheme) {
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https")
                ? Optional.empty()
                : Optional.of(
                        "scheme " + (scheme == null ? "(none)" : scheme) + " is not allowed: only http and https");
    }

    /** Why the port is denied, or empty. */
    public Optional<String> whyDeniedPort(int port) {
        return allowedPorts.contains(port)
                ? Optional.empty()
                : Optional.of("port " + port + " is not allowed: only 80, 443 and those in " + ALLOWED_PORTS);
    }

    /** Why the address is denied, or empty when a crawl may connect to it. */
    public Optional<String> whyDenied(InetAddress address) {
        Optional<String> denied = whyDeniedItself(address);
        if (denied.isPresent()) {
            return denied;
        }
        return embeddedIpv4(address).flatMap(ipv4 -> whyDeniedItself(ipv4)
                .map(why -> "address " + LiteralAddress.format(address) + " carries " + LiteralAddress.format(ipv4)
                        + ": " + why));
    }

    /**
     * Checks what can be checked without DNS: the scheme, the port (the scheme's default when
     * there is none) and, when the host is an address literal in any form browsers accept, the
     * address. A host name passes here; the fetcher checks the addresses it resolves to.
     */
    public Optional<String> whyDeniedWithoutLookup(URI uri) {
        Optional<String> scheme = whyDeniedScheme(uri.getScheme());
        if (scheme.isPresent()) {
            return scheme;
        }
        Optional<String> port = whyDeniedPort(portOf(uri));
        if (port.isPresent()) {
            return port;
        }
        return LiteralAddress.parse(hostOf(uri)).flatMap(this::whyDenied);
    }

    /**
     * Resolves {@code host} once and checks the port and every address it resolves to: the
     * caller connects to these addresses and asks DNS no more. A name that resolves to any
     * denied address is denied as a whole.
     *
     * @throws NetworkDeniedException naming the rule, if the port or an address is denied
     * @throws UnknownHostException   if the name does not resolve
     */
    public List<InetSocketAddress> checkedAddresses(String host, int port)
            throws UnknownHostException, NetworkDeniedException {
        Optional<String> portDenied = whyDeniedPort(port);
        if (portDenied.isPresent()) {
            throw new NetworkDeniedException(portDenied.get());
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = LiteralAddress.parse(bare).isPresent();
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            Optional<String> denied = whyDenied(address);
            if (denied.isPresent()) {
                throw new NetworkDeniedException(
                        literal
                                ? denied.get()
                                : bare + " resolves to " + LiteralAddress.format(address) + ": " + denied.get());
            }
            addresses.add(new InetSocketAddress(address, port));
        }
        return addresses;
    }

    /** The URI's port, or its scheme's default. */
    public static int portOf(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The host, also when java.net.URI could not parse it as one (e.g. a hex IPv4 form). */
    private static String hostOf(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
        return colon > 0 && colon < hostPort.length() && hostPort.charAt(colon) == ':'
                ? hostPort.substring(0, colon)
                : hostPort;
    }

    private Optional<String> whyDeniedItself(InetAddress address) {
        if (allowedNetworks.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        return DeniedRange.DEFAULTS.stream()
                .filter(range -> range.network().contains(address))
                .findFirst()
                .map(range -> "address " + LiteralAddress.format(address) + " is in the " + range.name() + " "
                        + range.network() + " (allow it with " + ALLOWED_NETWORKS + ")");
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        int offset;
        if (NAT64.contains(address) || IPV4_COMPATIBLE.contains(address)) {
            offset = 12;
        } else if (SIX_TO_FOUR.contains(address)) {
            offset = 2;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }
}
