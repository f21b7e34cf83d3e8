package io.simplecrawler.fetcher.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Collects a response body up to a limit, so a huge or endless body costs bounded memory: the
 * first {@code limit} bytes are kept, and the caller stops reading (closing the connection) as
 * soon as {@link #add} reports a byte beyond them, which marks the body truncated.
 */
final class BoundedBody {
    private final long limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean truncated;

    BoundedBody(long limit) {
        this.limit = Math.max(0, limit);
    }

    /** Whether nothing at all is to be read. */
    boolean wantsNothing() {
        return limit == 0;
    }

    /** @return false once the body went past the limit: stop reading */
    boolean add(ByteBuffer chunk) {
        int take = (int) Math.min(chunk.remaining(), limit - body.size());
        byte[] bytes = new byte[take];
        chunk.get(bytes);
        body.write(bytes, 0, take);
        truncated = chunk.hasRemaining();
        return !truncated;
    }

    RawBody raw() {
        return new RawBody(body.toByteArray(), truncated);
    }
}
