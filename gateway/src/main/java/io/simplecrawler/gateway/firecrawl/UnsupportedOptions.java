package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects the Firecrawl options a request sets to something this crawler cannot do. An option
 * left out, or set to what it does anyway ({@code false}, {@code 0}, an empty list, the basic
 * proxy), is not refused: the SDKs send some of them with those values.
 */
final class UnsupportedOptions {
    private final List<String> names = new ArrayList<>();

    /** Refuses {@code name} when {@code value} asks for something. */
    UnsupportedOptions check(String name, @Nullable Object value) {
        if (asks(value)) {
            names.add(name);
        }
        return this;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    private static boolean asks(@Nullable Object value) {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean flag) {
            return flag;
        } else if (value instanceof Number number) {
            return number.doubleValue() != 0;
        } else if (value instanceof String text) {
            return !text.isEmpty() && !text.equals("basic");
        } else if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        } else if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }
}
