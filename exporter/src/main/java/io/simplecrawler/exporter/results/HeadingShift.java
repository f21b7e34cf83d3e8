package io.simplecrawler.exporter.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a page's ATX headings down a number of levels (at most to level 6), so that a page's
 * own "# Title" sits below the section heading the result file gives the page. Lines inside
 * fenced code blocks are left alone: a "#" there is code.
 */
final class HeadingShift {
    private static final Pattern HEADING = Pattern.compile("^( {0,3})(#{1,6})(?=[ \\t]|$)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private HeadingShift() {}

    static String shift(String markdown, int levels) {
        StringBuilder shifted = new StringBuilder(markdown.length() + 64);
        String openFence = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (fence.find()) {
                String marker = fence.group(1);
                if (openFence == null) {
                    openFence = marker;
                } else if (marker.charAt(0) == openFence.charAt(0) && marker.length() >= openFence.length()) {
                    openFence = null;
                }
                shifted.append(line);
            } else if (openFence == null) {
                Matcher heading = HEADING.matcher(line);
                shifted.append(
                        heading.find()
                                ? heading.group(1)
                                        + "#"
                                                .repeat(Math.min(
                                                        6, heading.group(2).length() + levels))
                                        + line.substring(heading.end())
                                : line);
            } else {
                shifted.append(line);
            }
            shifted.append('\n');
        }
        shifted.setLength(shifted.length() - 1);
        return shifted.toString();
    }
}
