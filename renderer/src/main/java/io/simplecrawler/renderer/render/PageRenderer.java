package io.simplecrawler.renderer.render;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
import io.simplecrawler.politeness.HostSlot;
import io.simplecrawler.renderer.RendererConfiguration;
import io.simplecrawler.renderer.browser.BrowserSlot;
import io.simplecrawler.renderer.browser.BrowserSlots;
import io.simplecrawler.renderer.browser.BrowserUnavailableException;
import io.simplecrawler.schemas.JobSettings;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders one page in a fresh browser context of the calling thread's browser: navigates, waits
 * for the load event and then for the job's waitFor (a CSS selector, or milliseconds), and takes
 * the DOM (and a full-page screenshot when asked). Dialogs are dismissed, downloads refused,
 * permissions never granted; the context is closed whatever happens. The whole render is bounded
 * by the renderer's page time-out or the job's shorter one. The page is one request to its host
 * as far as politeness goes: the caller holds the host's slot, and the delay counts from the
 * navigation ({@link HostSlot#started()}); its sub-resources are counted and capped by {@link PageLimits}.
 */
@Singleton
public class PageRenderer {
    static final long SETTLE_MS = 5_000;
    private static final java.util.regex.Pattern PLAYWRIGHT_MESSAGE =
            java.util.regex.Pattern.compile("message=['\"]?([^\\n'\"]+)");
    private final BrowserSlots slots;
    private final RendererConfiguration configuration;

    public PageRenderer(BrowserSlots slots, RendererConfiguration configuration) {
        this.slots = slots;
        this.configuration = configuration;
    }

    /**
     * @throws RenderFailure with the reason, for what the page did (time-out, crash, no answer) or
     *     because no browser starts (Chromium missing)
     */
    RenderedPage render(String url, JobSettings settings, HostSlot hostSlot) throws RenderFailure {
        long timeoutMs = Math.min(configuration.pageTimeout().toMillis(), Math.max(1, settings.timeoutMs()));
        BrowserSlot slot = slots.current();
        BrowserContext context;
        try {
            context = slot.newContext();
        } catch (BrowserUnavailableException e) {
            throw new RenderFailure(e.getMessage());
        }
        // after the browser's start, which is not the page's time
        long begun = System.nanoTime();
        long deadline = begun + timeoutMs * 1_000_000;
        AtomicBoolean crashed = new AtomicBoolean();
        try {
            PageLimits limits = new PageLimits(
                    settings.screenshot(), configuration.maxSubresources(), configuration.maxPageBytes());
            context.route("**/*", limits::handle);
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.dismiss());
            page.onCrash(p -> crashed.set(true));
            page.onResponse(response -> limits.received(response.headers().get("content-length")));
            page.setDefaultTimeout(timeoutMs);
            // the host's delay counts from the document's request, not from the browser's start
            hostSlot.started();
            Response response = page.navigate(
                    url,
                    new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(timeoutMs));
            if (response == null) {
                throw new RenderFailure("the browser got no response for " + url);
            }
            settle(page, remainingMs(deadline));
            waitFor(page, settings.waitFor(), remainingMs(deadline));
            String html = page.content();
            byte[] screenshot = settings.screenshot()
                    ? page.screenshot(
                            new Page.ScreenshotOptions().setFullPage(true).setTimeout(remainingMs(deadline)))
                    : null;
            return new RenderedPage(
                    page.url(),
                    response.status(),
                    response.headers().get("content-type"),
                    html,
                    screenshot,
                    limits.loadedSubresources(),
                    limits.refused(),
                    (System.nanoTime() - begun) / 1_000_000);
        } catch (PlaywrightException e) {
            throw new RenderFailure(reason(e, crashed.get() || !slot.isConnected(), timeoutMs));
        } finally {
            closeQuietly(context);
        }
    }

    /**
     * Waits, after the load event, for the network to be idle (what the page's scripts fetched
     * has arrived), at most {@value #SETTLE_MS} ms: a page that polls for ever is taken as it is then.
     */
    private static void settle(Page page, double remainingMs) {
        try {
            page.waitForLoadState(
                    LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(Math.min(SETTLE_MS, remainingMs)));
        } catch (TimeoutError e) {
            // still busy: take the page as it is
        }
    }

    private static void waitFor(Page page, String waitFor, double remainingMs) {
        if (waitFor == null || waitFor.isBlank()) {
            return;
        }
        if (waitFor.chars().allMatch(Character::isDigit)) {
            page.waitForTimeout(Math.min(Long.parseLong(waitFor), (long) remainingMs));
        } else {
            page.waitForSelector(waitFor, new Page.WaitForSelectorOptions().setTimeout(remainingMs));
        }
    }

    private static double remainingMs(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    private static String reason(PlaywrightException e, boolean crashed, long timeoutMs) {
        if (crashed) {
            return "the page crashed the browser tab (out of memory or killed)";
        }
        String message = firstLine(e);
        if (e instanceof TimeoutError) {
            return "render timed out after " + timeoutMs + " ms: " + message;
        }
        return "render failed: " + message;
    }

    /** Playwright's messages read "Error {\n  message='Timeout 10000ms exceeded.\n  ...": the message's first line. */
    private static String firstLine(PlaywrightException e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        java.util.regex.Matcher message = PLAYWRIGHT_MESSAGE.matcher(text);
        return message.find()
                ? message.group(1).strip()
                : text.lines().findFirst().orElse(text);
    }

    private static void closeQuietly(BrowserContext context) {
        try {
            context.close();
        } catch (PlaywrightException ignored) {
            // the browser went with the page; the slot restarts it for the next one
        }
    }
}
