package io.simplecrawler.pageparse.summary;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of a text as the locale's word-break rules find them: segments with a letter or a digit. */
public final class Words {
    private Words() {}

    public static List<String> of(String text, Locale locale) {
        List<String> words = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getWordInstance(locale);
        boundaries.setText(text);
        for (int start = boundaries.first(), end = boundaries.next();
                end != BreakIterator.DONE;
                start = end, end = boundaries.next()) {
            if (isWord(text, start, end)) {
                words.add(text.substring(start, end));
            }
        }
        return words;
    }

    public static int count(String text) {
        return of(text, Locale.ROOT).size();
    }

    private static boolean isWord(String text, int start, int end) {
        for (int i = start; i < end; i = text.offsetByCodePoints(i, 1)) {
            if (Character.isLetterOrDigit(text.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }
}
