package io.simplecrawler.fetcher.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit; when a byte beyond the limit arrives it stops reading
 * (closing the connection), keeps the first {@code limit} bytes and marks the body truncated, so
 * a huge or endless body costs bounded memory. With a limit of 0 it reads nothing at all.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<RawBody> {
    private final long limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<RawBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBodySubscriber(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<RawBody> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit <= 0) {
            subscription.cancel();
            result.complete(new RawBody(new byte[0], false));
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = (int) Math.min(buffer.remaining(), limit - body.size());
            byte[] bytes = new byte[take];
            buffer.get(bytes);
            body.write(bytes, 0, take);
            if (buffer.hasRemaining()) {
                subscription.cancel();
                result.complete(new RawBody(body.toByteArray(), true));
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new RawBody(body.toByteArray(), false));
    }
}
