package io.simplecrawler.netguard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation, such as 10.0.0.0/8 or fc00::/7. */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * @param cidr an address literal, optionally with a /prefix (a bare address is one host);
     *             never a host name, so parsing never asks DNS
     * @throws IllegalArgumentException if it is not a network
     */
    public static Cidr parse(String cidr) {
        String trimmed = cidr.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = LiteralAddress.parse(address)
                .map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not a network in CIDR notation: " + cidr));
        int maxPrefix = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? maxPrefix : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a network in CIDR notation: " + cidr);
        }
        if (slash >= 0 && address.contains(":") && bytes.length == 4) {
            // the JDK turns ::ffff:a.b.c.d into the IPv4 address, so the prefix counts from bit 96
            prefix -= 96;
        }
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("prefix length out of range in " + cidr);
        }
        return new Cidr(mask(bytes, prefix), prefix, toText(mask(bytes, prefix), prefix));
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    private static String toText(byte[] network, int prefix) {
        try {
            return LiteralAddress.format(InetAddress.getByAddress(network)) + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
