package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A heading of a page's content.
 *
 * @param level 1 for {@code <h1>} to 6 for {@code <h6>}
 * @param text  the heading's text, whitespace collapsed
 */
public record Heading(@JsonProperty(required = true) int level, @JsonProperty(required = true) String text) {}
