package io.simplecrawler.testkit;

import io.simplecrawler.schemas.DeadLetter;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Names the poison records of one test run in their keys ({@code "<name> <run>"}), so that the
 * dead letters of this run can be told from earlier ones on the shared topic and found by name.
 */
public final class PoisonRun {
    private final String run = UUID.randomUUID().toString();

    /** The record key of the poison called {@code name}. */
    public String key(String name) {
        return name + " " + run;
    }

    /** This run's dead letters by poison name (the first of each, if a record was lettered twice). */
    public Map<String, DeadLetter> lettersByName(Collection<DeadLetter> letters) {
        String suffix = " " + run;
        return letters.stream()
                .filter(letter -> letter.key() != null && letter.key().endsWith(suffix))
                .collect(Collectors.toMap(
                        letter -> letter.key().substring(0, letter.key().length() - suffix.length()),
                        letter -> letter,
                        (first, again) -> first));
    }
}
