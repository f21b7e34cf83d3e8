package io.simplecrawler.renderer.render;

/**
 * What the browser made of a page.
 *
 * @param finalUrl   the URL the browser ended on, after redirects
 * @param status     the document's HTTP status
 * @param html       the rendered DOM, serialised
 * @param screenshot a full-page PNG, or null when none was asked
 */
record RenderedPage(String finalUrl, int status, String contentType, String html, byte[] screenshot) {}
