package io.simplecrawler.analytics.stats;

import com.tdunning.math.stats.MergingDigest;
import java.nio.ByteBuffer;

/**
 * Fetch times in a t-digest sketch: a few hundred bytes whatever the number of pages, with
 * quantiles that are close to exact near the tails (p95). Kept serialised in the state store.
 */
final class FetchTimes {
    /** t-digest's usual compression: about 100 centroids, quantile errors well under 1%. */
    private static final double COMPRESSION = 100;

    private final MergingDigest digest;

    private FetchTimes(MergingDigest digest) {
        this.digest = digest;
    }

    static FetchTimes empty() {
        return new FetchTimes(new MergingDigest(COMPRESSION));
    }

    static FetchTimes of(byte[] serialised) {
        return serialised == null || serialised.length == 0
                ? empty()
                : new FetchTimes(MergingDigest.fromBytes(ByteBuffer.wrap(serialised)));
    }

    FetchTimes add(long millis) {
        digest.add(millis);
        return this;
    }

    long count() {
        return digest.size();
    }

    /** The quantile {@code q} (0.5, 0.95) rounded to a millisecond; null when no time was added. */
    Long quantile(double q) {
        return digest.size() == 0 ? null : Math.round(digest.quantile(q));
    }

    byte[] bytes() {
        ByteBuffer buffer = ByteBuffer.allocate(digest.smallByteSize());
        digest.asSmallBytes(buffer);
        return buffer.array();
    }
}
