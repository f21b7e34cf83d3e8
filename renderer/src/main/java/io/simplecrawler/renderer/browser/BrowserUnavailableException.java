package io.simplecrawler.renderer.browser;

/**
 * No browser could be started: Chromium is not installed where {@code renderer.chromium} says, or
 * it did not start. The page at hand fails with this reason rather than waiting for a browser that
 * may never come.
 */
public class BrowserUnavailableException extends RuntimeException {
    BrowserUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
