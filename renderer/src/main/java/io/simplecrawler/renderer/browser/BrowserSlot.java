package io.simplecrawler.renderer.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser and the thread that drives it: Playwright's objects belong to the thread that made
 * them, so a slot is used by one thread only. Each page gets a fresh context (no cookies, storage
 * or cache shared between pages or jobs), with downloads refused and no permission granted. The
 * browser is started on first use, and again after a crash or every {@code restartEveryPages}
 * pages. Playwright's driver is a child of this JVM and Chromium a child of the driver, over a
 * pipe: when this JVM dies, even by SIGKILL, the driver's input closes, it ends, and Chromium's
 * pipe closes, so Chromium ends too (tested).
 */
public final class BrowserSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSlot.class);

    private final String chromium;
    private final String proxy;
    private final int restartEveryPages;
    private Playwright playwright;
    private Browser browser;
    private int pages;

    BrowserSlot(String chromium, String proxy, int restartEveryPages) {
        this.chromium = chromium;
        this.proxy = proxy;
        this.restartEveryPages = restartEveryPages;
    }

    /**
     * A fresh context for one page, in a running browser.
     *
     * @throws BrowserUnavailableException when Chromium is missing or does not start
     */
    public BrowserContext newContext() {
        if (browser == null || !browser.isConnected() || pages >= restartEveryPages) {
            restart();
        }
        pages++;
        return browser.newContext(new Browser.NewContextOptions()
                .setAcceptDownloads(false)
                .setJavaScriptEnabled(true)
                .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK));
    }

    /** Whether the browser is still there: false after it crashed or was killed. */
    public boolean isConnected() {
        return browser != null && browser.isConnected();
    }

    private void restart() {
        close();
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new BrowserUnavailableException(missing(chromium), null);
        }
        try {
            // the driver never downloads a browser: Debian's Chromium is given as the executable
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of(chromium))
                            .setHeadless(true)
                            .setChromiumSandbox(false)
                            .setArgs(ChromiumFlags.of(proxy)));
        } catch (PlaywrightException e) {
            close();
            String message = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new BrowserUnavailableException("Chromium at " + chromium + " did not start: " + message, e);
        }
        pages = 0;
        LOG.info("Started Chromium {} behind the proxy {}", browser.version(), proxy);
    }

    /** Why no page can be rendered with this executable. */
    static String missing(String chromium) {
        return "Chromium is not installed at " + chromium
                + " (Debian package chromium, or set RENDERER_CHROMIUM): the page cannot be rendered";
    }

    @Override
    public void close() {
        if (playwright != null) {
            try {
                playwright.close();
            } catch (PlaywrightException e) {
                LOG.info("Closing a browser that had gone: {}", e.getMessage());
            }
        }
        playwright = null;
        browser = null;
    }
}
