package io.simplecrawler.fetcher.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BoundedBodySubscriberTest {
    private boolean cancelled;
    private final Flow.Subscription subscription = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled = true;
        }
    };

    private static List<ByteBuffer> chunks(String... parts) {
        return Arrays.stream(parts).map(p -> ByteBuffer.wrap(p.getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheWholeBodyUnderTheLimit() {
        BoundedBodySubscriber body = new BoundedBodySubscriber(100);
        body.onSubscribe(subscription);
        body.onNext(chunks("<html>", "</html>"));
        body.onComplete();

        RawBody raw = body.getBody().toCompletableFuture().join();
        assertArrayEquals(bytes("<html></html>"), raw.bytes());
        assertFalse(raw.truncated());
        assertFalse(cancelled);
    }

    @Test
    void aBodyOfExactlyTheLimitIsNotTruncated() {
        BoundedBodySubscriber body = new BoundedBodySubscriber(6);
        body.onSubscribe(subscription);
        body.onNext(chunks("<h", "tml>"));
        body.onComplete();

        RawBody raw = body.getBody().toCompletableFuture().join();
        assertArrayEquals(bytes("<html>"), raw.bytes());
        assertFalse(raw.truncated());
    }

    @Test
    void cutsTheBodyAtTheLimitMarksItTruncatedAndStopsReading() {
        BoundedBodySubscriber body = new BoundedBodySubscriber(8);
        body.onSubscribe(subscription);
        body.onNext(chunks("<html>", "<body>endless"));

        RawBody raw = body.getBody().toCompletableFuture().join();
        assertArrayEquals(bytes("<html><b"), raw.bytes());
        assertTrue(raw.truncated());
        assertTrue(cancelled);
    }

    @Test
    void readsNothingWithALimitOfZero() {
        BoundedBodySubscriber body = new BoundedBodySubscriber(0);
        body.onSubscribe(subscription);

        assertArrayEquals(new byte[0], body.getBody().toCompletableFuture().join().bytes());
        assertTrue(cancelled);
    }
}
