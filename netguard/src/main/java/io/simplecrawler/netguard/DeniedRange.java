package io.simplecrawler.netguard;

import java.util.List;

/**
 * A network the policy denies unless an operator allows it, with the name its decisions give.
 * IPv4-mapped IPv6 addresses (::ffff:0:0/96) have no entry: the JDK reads them as the IPv4
 * address they carry, and {@link NetworkPolicy} checks the IPv4 address inside the other
 * embedding forms.
 */
record DeniedRange(String name, Cidr network) {

    /** The defaults, most specific first, so that 255.255.255.255 is named broadcast, not reserved. */
    static final List<DeniedRange> DEFAULTS = List.of(
            range("\"this\" network", "0.0.0.0/8"),
            range("private network", "10.0.0.0/8"),
            range("shared address space (carrier-grade NAT)", "100.64.0.0/10"),
            range("loopback network", "127.0.0.0/8"),
            range("link-local network (cloud metadata)", "169.254.0.0/16"),
            range("private network", "172.16.0.0/12"),
            range("IETF protocol assignments", "192.0.0.0/24"),
            range("documentation network", "192.0.2.0/24"),
            range("6to4 relay anycast", "192.88.99.0/24"),
            range("private network", "192.168.0.0/16"),
            range("benchmarking network", "198.18.0.0/15"),
            range("documentation network", "198.51.100.0/24"),
            range("documentation network", "203.0.113.0/24"),
            range("multicast network", "224.0.0.0/4"),
            range("broadcast address", "255.255.255.255/32"),
            range("reserved network", "240.0.0.0/4"),
            range("unspecified address", "::/128"),
            range("loopback address", "::1/128"),
            range("local-use NAT64 network", "64:ff9b:1::/48"),
            range("discard-only network", "100::/64"),
            range("Teredo network", "2001::/32"),
            range("documentation network", "2001:db8::/32"),
            range("unique local network", "fc00::/7"),
            range("link-local network", "fe80::/10"),
            range("site-local network", "fec0::/10"),
            range("multicast network", "ff00::/8"));

    private static DeniedRange range(String name, String cidr) {
        return new DeniedRange(name, Cidr.parse(cidr));
    }
}
