package io.simplecrawler.renderer.render;

import io.simplecrawler.renderer.RendererConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Saves a rendered page's full-page PNG in its job's result folder ({@code RESULTS_DIR/<job>/},
 * the volume the exporter and gateway share), as {@code screenshot-<first 16 hex digits of the
 * URL's SHA-256>.png}: a plain file name (the gateway serves and lists only those), the same for a
 * page rendered again, so a redelivered task replaces its file instead of adding one. Written aside
 * and moved, so a reader never sees half a file.
 */
@Singleton
public class ScreenshotFiles {
    static final String PREFIX = "screenshot-";

    private final Path root;

    public ScreenshotFiles(RendererConfiguration configuration) {
        this.root = configuration.resultsDir().toAbsolutePath().normalize();
    }

    /** @return the file's name in the job's folder */
    String save(UUID jobId, String url, byte[] png) throws IOException {
        Path folder = root.resolve(jobId.toString());
        Files.createDirectories(folder);
        String name = fileName(url);
        // readable by others: compose's nginx (another user) sends the file when it is downloaded
        Path aside = Files.createTempFile(
                folder,
                ".screenshot-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try {
            Files.write(aside, png);
            Files.move(
                    aside, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(aside);
        }
        return name;
    }

    static String fileName(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8) + ".png";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
