package io.simplecrawler.fetcher.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static ByteBuffer chunk(String text) {
        return ByteBuffer.wrap(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheWholeBodyUnderTheLimit() {
        BoundedBody body = new BoundedBody(100);

        assertTrue(body.add(chunk("<html>")));
        assertTrue(body.add(chunk("</html>")));

        assertArrayEquals(bytes("<html></html>"), body.raw().bytes());
        assertFalse(body.raw().truncated());
    }

    @Test
    void aBodyOfExactlyTheLimitIsNotTruncated() {
        BoundedBody body = new BoundedBody(6);

        assertTrue(body.add(chunk("<h")));
        assertTrue(body.add(chunk("tml>")));

        assertArrayEquals(bytes("<html>"), body.raw().bytes());
        assertFalse(body.raw().truncated());
    }

    @Test
    void cutsTheBodyAtTheLimitMarksItTruncatedAndSaysStop() {
        BoundedBody body = new BoundedBody(8);

        assertTrue(body.add(chunk("<html>")));
        assertFalse(body.add(chunk("<body>endless")));

        assertArrayEquals(bytes("<html><b"), body.raw().bytes());
        assertTrue(body.raw().truncated());
    }

    @Test
    void wantsNothingWithALimitOfZero() {
        BoundedBody body = new BoundedBody(0);

        assertTrue(body.wantsNothing());
        assertArrayEquals(new byte[0], body.raw().bytes());
    }
}
