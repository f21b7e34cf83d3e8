package io.simplecrawler.netguard;

import java.util.ArrayList;
import java.util.List;

/** Ports 80 and 443, plus the configured ones: single ports and ranges such as 1024-65535. */
final class AllowedPorts {
    private final List<int[]> ranges;

    private AllowedPorts(List<int[]> ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException for anything but ports and ranges of 1 to 65535 */
    static AllowedPorts parse(String configured) {
        List<int[]> ranges = new ArrayList<>(List.of(new int[] {80, 80}, new int[] {443, 443}));
        for (String entry : NetworkPolicy.split(configured)) {
            int dash = entry.indexOf('-');
            int first = port(dash < 0 ? entry : entry.substring(0, dash), entry);
            int last = dash < 0 ? first : port(entry.substring(dash + 1), entry);
            if (last < first) {
                throw new IllegalArgumentException("empty port range: " + entry);
            }
            ranges.add(new int[] {first, last});
        }
        return new AllowedPorts(List.copyOf(ranges));
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("not a port or port range (1-65535): " + entry);
    }

    boolean contains(int port) {
        return ranges.stream().anyMatch(range -> port >= range[0] && port <= range[1]);
    }
}
