package io.simplecrawler.gateway.results;

import io.simplecrawler.gateway.GatewayConfiguration;
import io.simplecrawler.gateway.job.JobFiles;
import io.simplecrawler.gateway.job.ResultFile;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The job folders under the results directory that the exporter writes. Only plain file names
 * are accepted, so a name can never reach outside its job's folder.
 */
@Singleton
public class ResultFolders implements JobFiles {
    // letters, digits, dot, dash, underscore; not starting with a dot (no "..", no hidden or temp files)
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private final Path root;

    ResultFolders(GatewayConfiguration configuration) {
        this.root = configuration.resultsDir().toAbsolutePath().normalize();
    }

    @Override
    public List<ResultFile> list(UUID jobId) {
        Path folder = folder(jobId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Path::getFileName))
                    .map(f -> new ResultFile(
                            f.getFileName().toString(), size(f), "/download/" + jobId + "/" + f.getFileName()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file {@code name} of the job's folder, if the name is a plain file name and the file exists. */
    public Optional<Path> file(UUID jobId, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path folder = folder(jobId);
        Path file = folder.resolve(name).normalize();
        if (!file.getParent().equals(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    @Override
    public void delete(UUID jobId) {
        Path folder = folder(jobId);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder(UUID jobId) {
        return root.resolve(jobId.toString());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
