package io.simplecrawler.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages of a generated site: "/" is depth 0 and every page above the last level has {@code
 * fanout} children {@code <path>/n0 .. <path>/n<fanout-1>}, e.g. {@code /n2/n0} at depth 2.
 */
final class PageTree {
    private static final Pattern SEGMENT = Pattern.compile("n(0|[1-9][0-9]*)");

    private final int fanout;
    private final int levels;

    PageTree(int fanout, int levels) {
        if (fanout < 0 || levels < 0) {
            throw new IllegalArgumentException("fanout and levels must be >= 0, got " + fanout + ", " + levels);
        }
        this.fanout = fanout;
        this.levels = levels;
    }

    /** The depth of a page of this tree, or empty when the path is not one of its pages. */
    OptionalInt depthOf(String path) {
        if (path.equals("/")) {
            return OptionalInt.of(0);
        }
        if (!path.startsWith("/")) {
            return OptionalInt.empty();
        }
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length > levels) {
            return OptionalInt.empty();
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || Integer.parseInt(segment.substring(1)) >= fanout) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(segments.length);
    }

    /** The children of a page, empty on the last level. */
    List<String> children(String path) {
        List<String> children = new ArrayList<>();
        if (depthOf(path).orElse(levels) < levels) {
            String prefix = path.equals("/") ? "/" : path + "/";
            for (int i = 0; i < fanout; i++) {
                children.add(prefix + "n" + i);
            }
        }
        return children;
    }

    /** Every page path from depth 0 to {@code depth} (capped at the last level), parents first. */
    Set<String> pathsUpToDepth(int depth) {
        Set<String> paths = new LinkedHashSet<>();
        List<String> level = List.of("/");
        for (int d = 0; d <= Math.min(depth, levels); d++) {
            paths.addAll(level);
            List<String> next = new ArrayList<>();
            level.forEach(path -> next.addAll(children(path)));
            level = next;
        }
        return paths;
    }
}
