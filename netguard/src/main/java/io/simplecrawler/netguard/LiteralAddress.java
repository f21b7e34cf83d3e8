package io.simplecrawler.netguard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Host names that are IP address literals, read the way browsers read them (the WHATWG URL
 * standard's IPv4 parser): besides 127.0.0.1 also 2130706433, 0x7f.1 and 0177.0.0.1, and IPv6
 * in brackets or not. Nothing here asks DNS.
 */
public final class LiteralAddress {
    private LiteralAddress() {}

    /** The address {@code host} spells, or empty when it is a name (or no valid literal). */
    public static Optional<InetAddress> parse(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":")) {
            try {
                // with a colon the JDK reads an IPv6 literal and never asks DNS
                return Optional.of(InetAddress.getByName(bare));
            } catch (UnknownHostException | SecurityException e) {
                return Optional.empty();
            }
        }
        return ipv4(bare);
    }

    private static Optional<InetAddress> ipv4(String host) {
        String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = number(parts[i]);
            boolean last = i == parts.length - 1;
            long bound = last ? 1L << (8 * (5 - parts.length)) : 256;
            if (part < 0 || part >= bound) {
                return Optional.empty();
            }
            value = last ? (value << (8 * (5 - parts.length))) | part : (value << 8) | part;
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }

    /** A part in decimal, octal (leading 0) or hex (0x); -1 when it is not a number or too long. */
    private static long number(String part) {
        int radix = 10;
        String digits = part;
        if (digits.length() >= 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            digits = digits.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (digits.length() >= 2 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 12) {
            return -1;
        }
        try {
            long value = Long.parseLong(digits, radix);
            return digits.charAt(0) == '+' || digits.charAt(0) == '-' ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The address as text: dotted IPv4, or IPv6 with its longest run of zero groups as "::". */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
