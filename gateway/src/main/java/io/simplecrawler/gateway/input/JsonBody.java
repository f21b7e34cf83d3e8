package io.simplecrawler.gateway.input;

import io.micronaut.json.tree.JsonNode;
import io.simplecrawler.gateway.problem.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JSON body against the record it will be bound to: every field must be one of the
 * record's components (nested records too), and every string, list element and field name free of
 * what {@link Text#problem} refuses. A typo such as {@code maxpages} would otherwise run a job
 * with the default silently.
 */
public final class JsonBody {
    private JsonBody() {}

    /** Throws {@link InvalidInput} naming each refused field ("webhook.secrett", "includePaths[2]"). */
    public static void check(JsonNode body, Class<? extends Record> type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(new Problem.FieldError("", "must be a JSON object"));
        } else {
            checkObject(body, type, "", errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static void checkObject(JsonNode object, Class<?> type, String prefix, List<Problem.FieldError> errors) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            String field = prefix + Text.shown(entry.getKey());
            Optional<RecordComponent> component = Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getName().equals(entry.getKey()))
                    .findFirst();
            if (component.isEmpty()) {
                errors.add(new Problem.FieldError(field, "is not a field of this request"));
            } else {
                checkValue(entry.getValue(), component.get().getGenericType(), field, errors);
            }
        }
    }

    private static void checkValue(JsonNode value, Type type, String field, List<Problem.FieldError> errors) {
        if (value.isString()) {
            String problem = Text.problem(value.getStringValue());
            if (problem != null) {
                errors.add(new Problem.FieldError(field, problem));
            }
        } else if (value.isObject() && type instanceof Class<?> nested && nested.isRecord()) {
            checkObject(value, nested, field + ".", errors);
        } else if (value.isArray() && type instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
            int i = 0;
            for (JsonNode element : value.values()) {
                checkValue(element, list.getActualTypeArguments()[0], field + "[" + i++ + "]", errors);
            }
        }
        // other shapes are the binder's to refuse (a wrong type is a 400 there)
    }
}
