package io.simplecrawler.fetcher.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import java.util.List;

/**
 * What robots.txt says about one host for one job.
 *
 * @param rules      the parsed rules
 * @param whyBlocked the error of a page record for a URL the rules disallow
 */
public record HostRobots(BaseRobotRules rules, String whyBlocked) {
    /** For jobs that don't respect robots.txt. */
    public static final HostRobots IGNORED =
            new HostRobots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null);

    public boolean allows(String url) {
        return rules.isAllowed(url);
    }

    /** The Crawl-delay in milliseconds, or 0 when there is none. */
    public long crawlDelayMs() {
        return Math.max(0, rules.getCrawlDelay());
    }

    /** The Sitemap: lines. */
    public List<String> sitemaps() {
        return rules.getSitemaps();
    }
}
