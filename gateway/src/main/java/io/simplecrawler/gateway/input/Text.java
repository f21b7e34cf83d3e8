package io.simplecrawler.gateway.input;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** What is wrong with a piece of client text, if anything: control characters or an unpaired surrogate. */
public final class Text {
    private Text() {}

    /** Why {@code text} is refused, or null if it is fine. */
    public static @Nullable String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
                return String.format(
                        Locale.ROOT, "must not contain control characters (U+%04X at index %d)", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format(
                        Locale.ROOT, "must not contain an unpaired surrogate (U+%04X at index %d)", (int) c, i);
            }
        }
        return null;
    }

    /** {@code text} with what {@link #problem} refuses escaped, so a field name can be shown back safely. */
    public static String shown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (problem(String.valueOf(c)) == null
                    || Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c);
            } else {
                shown.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return shown.toString();
    }
}
