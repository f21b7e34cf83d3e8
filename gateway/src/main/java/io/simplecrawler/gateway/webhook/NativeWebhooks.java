package io.simplecrawler.gateway.webhook;

import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The native API's deliveries: {@link WebhookDelivery}, signed in {@code X-SimpleCrawler-Signature}. */
@Singleton
class NativeWebhooks implements WebhookDialect {

    @Override
    public String name() {
        return WebhookSubscription.NATIVE;
    }

    @Override
    public String signatureHeader() {
        return WebhookSigner.HEADER;
    }

    @Override
    public WebhookDelivery body(WebhookSubscription subscription, UUID deliveryId, JobEvent event) {
        String url = event instanceof JobEvent.PageWritten page ? page.url() : null;
        String error = event instanceof JobEvent.PageWritten page
                ? page.error()
                : event instanceof JobEvent.Failed failed ? failed.error() : null;
        Map<String, Object> data = new LinkedHashMap<>();
        Optional.ofNullable(url).ifPresent(pageUrl -> data.put("url", pageUrl));
        data.put("pagesCrawled", event.pagesCrawled());
        data.put("pagesFailed", event.pagesFailed());
        Optional.ofNullable(error).ifPresent(reason -> data.put("error", reason));
        return new WebhookDelivery(
                deliveryId, event.type().name().toLowerCase(Locale.ROOT), event.jobId(), event.at(), data);
    }
}
