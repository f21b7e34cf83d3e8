package io.simplecrawler.netguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPolicyTest {
    private final NetworkPolicy defaults = NetworkPolicy.denyByDefault();

    private static InetAddress address(String literal) {
        return LiteralAddress.parse(literal).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            0.1.2.3          | "this" network 0.0.0.0/8
            10.0.0.1         | private network 10.0.0.0/8
            100.64.0.1       | shared address space (carrier-grade NAT) 100.64.0.0/10
            127.0.0.1        | loopback network 127.0.0.0/8
            127.255.255.254  | loopback network 127.0.0.0/8
            169.254.169.254  | link-local network (cloud metadata) 169.254.0.0/16
            172.31.255.255   | private network 172.16.0.0/12
            192.0.0.8        | IETF protocol assignments 192.0.0.0/24
            192.0.2.1        | documentation network 192.0.2.0/24
            192.88.99.1      | 6to4 relay anycast 192.88.99.0/24
            192.168.1.1      | private network 192.168.0.0/16
            198.19.0.1       | benchmarking network 198.18.0.0/15
            198.51.100.7     | documentation network 198.51.100.0/24
            203.0.113.9      | documentation network 203.0.113.0/24
            224.0.0.251      | multicast network 224.0.0.0/4
            239.255.255.250  | multicast network 224.0.0.0/4
            255.255.255.255  | broadcast address 255.255.255.255/32
            240.0.0.1        | reserved network 240.0.0.0/4
            ::               | unspecified address ::/128
            ::1              | loopback address ::1/128
            64:ff9b:1::1     | local-use NAT64 network 64:ff9b:1::/48
            100::1           | discard-only network 100::/64
            2001::1          | Teredo network 2001::/32
            2001:db8::1      | documentation network 2001:db8::/32
            fd12:3456::1     | unique local network fc00::/7
            fe80::1          | link-local network fe80::/10
            fec0::1          | site-local network fec0::/10
            ff02::1          | multicast network ff00::/8
            """)
    void deniesEveryDefaultRangeNamingIt(String literal, String rule) {
        Optional<String> why = defaults.whyDenied(address(literal));
        assertTrue(why.isPresent(), literal);
        assertTrue(why.get().contains(" is in the " + rule), why.get());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ::ffff:127.0.0.1   | address 127.0.0.1 is in the loopback network 127.0.0.0/8
            ::ffff:a9fe:a9fe   | address 169.254.169.254 is in the link-local network (cloud metadata) 169.254.0.0/16
            ::127.0.0.1        | address ::7f00:1 carries 127.0.0.1: address 127.0.0.1 is in the loopback network
            64:ff9b::10.0.0.1  | address 64:ff9b::a00:1 carries 10.0.0.1: address 10.0.0.1 is in the private network
            2002:c0a8:101::1   | address 2002:c0a8:101::1 carries 192.168.1.1: address 192.168.1.1 is in the private network
            """)
    void judgesIpv4AddressesInsideIpv6Ones(String literal, String why) {
        assertTrue(defaults.whyDenied(address(literal)).orElseThrow().startsWith(why), literal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "2606:4700:4700::1111",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void allowsPublicAddresses(String literal) {
        assertEquals(Optional.empty(), defaults.whyDenied(address(literal)));
    }

    @Test
    void allowedNetworksOverrideTheDefaults() {
        NetworkPolicy policy = NetworkPolicy.of("127.0.0.0/8, fd00::/8,10.1.2.3", null);

        assertEquals(Optional.empty(), policy.whyDenied(address("127.0.0.2")));
        assertEquals(Optional.empty(), policy.whyDenied(address("::ffff:127.0.0.1")));
        assertEquals(Optional.empty(), policy.whyDenied(address("fd00::5")));
        assertEquals(Optional.empty(), policy.whyDenied(address("10.1.2.3")));
        assertTrue(policy.whyDenied(address("10.1.2.4")).isPresent());
        assertTrue(policy.whyDenied(address("::1")).isPresent());
        assertTrue(policy.whyDenied(address("fc00::1")).isPresent());
    }

    @Test
    void aSingleAllowedHostLeavesItsNeighboursDenied() {
        NetworkPolicy policy = NetworkPolicy.of("127.0.0.2/32", null);

        assertEquals(Optional.empty(), policy.whyDenied(address("127.0.0.2")));
        assertTrue(policy.whyDenied(address("127.0.0.1")).orElseThrow().contains("loopback"));
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            80,    ,              true
            443,   ,              true
            8080,  ,              false
            22,    1024-65535,    false
            1024,  1024-65535,    true
            65535, 1024-65535,    true
            8443,  '8080, 8443',  true
            8081,  '8080, 8443',  false
            """)
    void allowsPorts80And443AndTheConfiguredOnes(int port, String configured, boolean allowed) {
        assertEquals(
                allowed, NetworkPolicy.of(null, configured).whyDeniedPort(port).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "x", "2000-1000", "80-"})
    void refusesBadPortSettings(String configured) {
        assertThrows(IllegalArgumentException.class, () -> NetworkPolicy.of(null, configured));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/8", "10.0.0.0/33", "::/129", "10.0.0.0/x", "300.0.0.0/8"})
    void refusesBadNetworkSettings(String configured) {
        assertThrows(IllegalArgumentException.class, () -> NetworkPolicy.of(configured, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            http://2130706433/               | loopback
            http://0x7f.1/                   | loopback
            http://0177.0.0.1/               | loopback
            http://127.1/                    | loopback
            http://127.0.0.1./               | loopback
            http://[::ffff:127.0.0.1]/       | loopback
            http://[::1]:80/                 | loopback address ::1/128
            http://169.254.169.254/latest/   | link-local
            http://10.0.0.1/                 | address 10.0.0.1 is in the private network 10.0.0.0/8
            ftp://example.com/               | scheme ftp is not allowed
            file:///etc/passwd               | scheme file is not allowed
            http://example.com:8080/         | port 8080 is not allowed
            https://example.com:22/          | port 22 is not allowed
            """)
    void deniesLiteralUrlsWithoutLookingUpNames(String url, String why) {
        assertTrue(
                defaults.whyDeniedWithoutLookup(URI.create(url)).orElseThrow().contains(why), url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com/",
                "https://example.com:443/a",
                "http://93.184.216.34/",
                "http://0x7f.example/",
                "http://2130706433.example.com/"
            })
    void passesNamesAndPublicAddresses(String url) {
        assertEquals(Optional.empty(), defaults.whyDeniedWithoutLookup(URI.create(url)));
    }
}
