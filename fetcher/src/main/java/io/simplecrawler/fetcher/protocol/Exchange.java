package io.simplecrawler.fetcher.protocol;

import java.time.Instant;

/**
 * The last try at one URL: a response, or why none came.
 *
 * @param download  the response, or null when none arrived
 * @param failure   why no response arrived, or null
 * @param attempts  how many requests were made for it (retries included)
 * @param startedAt when the first of them started
 */
public record Exchange(Download download, Throwable failure, int attempts, Instant startedAt) {

    Exchange afterAttempts(int attempts, Instant firstStart) {
        return new Exchange(download, failure, attempts, firstStart);
    }
}
