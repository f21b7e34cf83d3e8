package io.simplecrawler.gateway.job;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.simplecrawler.gateway.GatewayConfiguration;
import io.simplecrawler.gateway.auth.ApiCaller;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /jobs/{id}/events}: a server-sent {@code progress} event for every change of the
 * job's status or counters, ending after the terminal one. It follows the job's row, so any
 * gateway replica can serve any job.
 */
@Controller
public class JobEventsController {
    private final JobRepository jobs;
    private final Duration pollInterval;
    private final JobAccess access;

    JobEventsController(JobRepository jobs, JobAccess access, GatewayConfiguration configuration) {
        this.jobs = jobs;
        this.access = access;
        this.pollInterval = configuration.eventsPollInterval();
    }

    @Get(value = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<JobProgress>> events(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        return Flux.interval(Duration.ZERO, pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> jobs.findById(id)).subscribeOn(Schedulers.boundedElastic()))
                .takeWhile(Optional::isPresent)
                .map(job -> JobProgress.of(job.get()))
                .distinctUntilChanged()
                .takeUntil(JobProgress::finished)
                .map(progress -> Event.of(progress).name("progress"));
    }
}
