package io.simplecrawler.renderer.browser;

import com.microsoft.playwright.BrowserContext;

/** A process that starts a browser as the renderer does, says so, and waits to be killed. */
public final class BrowserHolder {
    private BrowserHolder() {}

    public static void main(String[] args) throws InterruptedException {
        BrowserSlot slot = new BrowserSlot(args[0], "http://127.0.0.1:9", 100);
        BrowserContext context = slot.newContext();
        context.newPage().setContent("<p>held</p>");
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
