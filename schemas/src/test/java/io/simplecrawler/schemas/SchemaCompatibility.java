package io.simplecrawler.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes from a released schema to today's that break a consumer written against the
 * released one (schemas/README.md, Compatibility): a field removed or renamed, retyped, newly
 * required or no longer required, an enum value added or removed, a constraint changed, new
 * fields forbidden. Adding an optional field, and changing descriptions, break nothing.
 */
final class SchemaCompatibility {
    /** What a schema node says about its own value; everything else (properties, items ...) is compared apart. */
    private static final Set<String> NESTED = Set.of(
            "$schema",
            "$id",
            "title",
            "description",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "$defs");

    private final List<String> breaks = new ArrayList<>();

    private SchemaCompatibility() {}

    static List<String> breaks(JsonNode released, JsonNode current) {
        SchemaCompatibility compatibility = new SchemaCompatibility();
        compatibility.compare("", released, current);
        compatibility.compareEach("/$defs", released.path("$defs"), current.path("$defs"), "definition");
        return compatibility.breaks;
    }

    private void compare(String path, JsonNode released, JsonNode current) {
        String where = path.isEmpty() ? "/" : path;
        Set<String> keywords = new HashSet<>();
        released.fieldNames().forEachRemaining(keywords::add);
        current.fieldNames().forEachRemaining(keywords::add);
        keywords.removeAll(NESTED);
        for (String keyword : keywords.stream().sorted().toList()) {
            JsonNode was = released.path(keyword);
            JsonNode is = current.path(keyword);
            if (!was.equals(is)) {
                breaks.add(where + ": \"" + keyword + "\" was " + shown(was) + ", is now " + shown(is)
                        + ("type".equals(keyword) ? ": a field is never retyped" : "")
                        + ("enum".equals(keyword) ? ": a consumer cannot read a value it does not know" : ""));
            }
        }
        compareEach(path + "/properties", released.path("properties"), current.path("properties"), "field");
        if (released.has("items")) {
            compare(path + "/items", released.path("items"), current.path("items"));
        }
        compareRequired(where, released, current);
        JsonNode additional = released.path("additionalProperties");
        if (additional.isObject()) {
            compare(path + "/additionalProperties", additional, current.path("additionalProperties"));
        } else if (additional.asBoolean(true)
                && !current.path("additionalProperties").asBoolean(true)) {
            breaks.add(where + ": \"additionalProperties\" is now false: a producer could no longer add fields");
        }
    }

    private void compareEach(String path, JsonNode released, JsonNode current, String what) {
        released.properties().forEach(entry -> {
            if (!current.has(entry.getKey())) {
                breaks.add(path + "/" + entry.getKey() + ": the " + what
                        + " was removed or renamed: a consumer that reads it would find nothing");
            } else {
                compare(path + "/" + entry.getKey(), entry.getValue(), current.get(entry.getKey()));
            }
        });
    }

    private void compareRequired(String where, JsonNode released, JsonNode current) {
        Set<String> was = strings(released.path("required"));
        Set<String> is = strings(current.path("required"));
        is.stream()
                .filter(field -> !was.contains(field))
                .sorted()
                .forEach(field -> breaks.add(where + ": \"" + field
                        + "\" is now required: records written before lack it (a new field is optional)"));
        was.stream()
                .filter(field ->
                        !is.contains(field) && current.path("properties").has(field))
                .sorted()
                .forEach(field -> breaks.add(
                        where + ": \"" + field + "\" is no longer required: consumers rely on it being there"));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new HashSet<>();
        array.forEach(value -> strings.add(value.asText()));
        return strings;
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "absent" : value.toString();
    }
}
