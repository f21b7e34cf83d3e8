package io.simplecrawler.renderer.browser;

import java.util.List;

/** The command line of every Chromium the renderer starts (Playwright adds headless and a fresh profile). */
final class ChromiumFlags {
    private ChromiumFlags() {}

    /**
     * @param proxy the guarded proxy every connection must go through; "&lt;-loopback&gt;" takes
     *              loopback off Chromium's implicit bypass list, so 127.0.0.1 is checked too
     */
    static List<String> of(String proxy) {
        return List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                // without these Chromium floods a closed network with refused connections of its own
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                // a page that allocates without end crashes its tab at this heap, not the machine
                "--js-flags=--max-old-space-size=512",
                "--proxy-server=" + proxy,
                "--proxy-bypass-list=<-loopback>");
    }
}
