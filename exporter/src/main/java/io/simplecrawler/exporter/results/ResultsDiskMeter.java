package io.simplecrawler.exporter.results;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.io.File;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * The disk that holds RESULTS_DIR, for the alert that fires before the exporter can no longer
 * write: {@code simplecrawler_exporter_results_disk_free_bytes} (usable by this process) and
 * {@code simplecrawler_exporter_results_disk_size_bytes}. Until the folder exists, its nearest
 * existing parent stands for it (the same disk once it is made).
 */
@Context
class ResultsDiskMeter {
    private final Path root;

    ResultsDiskMeter(ResultsConfiguration configuration, MeterRegistry meters) {
        this.root = Path.of(configuration.resultsDir()).toAbsolutePath();
        gauge(
                meters,
                "simplecrawler.exporter.results.disk.free",
                "Bytes of the results disk this process may use",
                File::getUsableSpace);
        gauge(meters, "simplecrawler.exporter.results.disk.size", "Size of the results disk", File::getTotalSpace);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToLongFunction<File> bytes) {
        Gauge.builder(name, this, meter -> bytes.applyAsLong(meter.existing()))
                .baseUnit("bytes")
                .description(description)
                .register(meters);
    }

    private File existing() {
        Path path = root;
        while (path.getParent() != null && !path.toFile().exists()) {
            path = path.getParent();
        }
        return path.toFile();
    }
}
