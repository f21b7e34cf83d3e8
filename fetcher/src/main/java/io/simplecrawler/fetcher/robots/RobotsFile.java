package io.simplecrawler.fetcher.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A host's robots.txt as fetched, the form it is cached in (Redis, as JSON) and turned into rules
 * by crawler-commons, as RFC 9309 section 2.3.1 says: a success is parsed; an answer that says
 * the file is unavailable (4xx other than 429, or too many redirects) allows everything; a 5xx,
 * a 429 or no answer at all disallows everything.
 *
 * @param status      the HTTP status, 0 when no answer came
 * @param body        the first 512 KiB of the body, bytes as ISO-8859-1 characters; "" unless 2xx
 * @param contentType the Content-Type header, or null
 * @param error       why no answer came (e.g. "connection refused (3 attempts)"), or null
 */
public record RobotsFile(int status, String body, String contentType, String error) {
    /** RFC 9309 section 2.5: crawlers must parse at least 500 KiB. */
    public static final int MAX_BYTES = 512 * 1024;

    static RobotsFile unreachable(String error) {
        return new RobotsFile(0, "", null, error);
    }

    static RobotsFile of(int status, byte[] body, String contentType) {
        return new RobotsFile(status, new String(body, StandardCharsets.ISO_8859_1), contentType, null);
    }

    HostRobots rules(String robotsUrl, String agentToken) {
        if (status >= 200 && status < 300) {
            BaseRobotRules rules = new SimpleRobotRulesParser()
                    .parseContent(
                            robotsUrl, body.getBytes(StandardCharsets.ISO_8859_1), contentType, List.of(agentToken));
            return new HostRobots(rules, "disallowed by robots.txt");
        }
        if (status >= 300 && status < 500 && status != 429) {
            return new HostRobots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null);
        }
        String why = status == 0 ? (error == null ? "no answer" : error) : "HTTP " + status;
        return new HostRobots(
                new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
                "robots.txt unavailable: " + why + "; the host is off limits for this job");
    }
}
