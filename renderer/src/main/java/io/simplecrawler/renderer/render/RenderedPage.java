package io.simplecrawler.renderer.render;

/**
 * What the browser made of a page.
 *
 * @param finalUrl   the URL the browser ended on, after redirects
 * @param status     the document's HTTP status
 * @param html       the rendered DOM, serialised
 * @param screenshot a full-page PNG, or null when none was asked
 * @param subresources the requests the page made besides its document and that were let through
 * @param refused    the requests refused by the page's limits
 * @param renderMs   from navigation to the page taken (its HTML and screenshot), not counting a browser start
 */
record RenderedPage(
        String finalUrl,
        int status,
        String contentType,
        String html,
        byte[] screenshot,
        int subresources,
        int refused,
        long renderMs) {}
