package io.simplecrawler.gateway.auth;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys: {@code SIMPLECRAWLER_API_KEYS} ("name:key" or "name:key:admin", comma-separated)
 * and the hashed keys of the {@code api_keys} table. Keys are compared by their SHA-256, so the
 * configured keys are not kept in memory as given and the table holds no key at all.
 */
@Singleton
public class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private final Map<String, ApiCaller> configured = new HashMap<>();
    private final JdbcOperations jdbc;

    ApiKeys(ApiKeysConfiguration configuration, JdbcOperations jdbc) {
        this.jdbc = jdbc;
        for (String entry : configuration.apiKeys().split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                if (!entry.isBlank()) {
                    throw new IllegalArgumentException("SIMPLECRAWLER_API_KEYS entries are name:key or name:key:admin");
                }
                continue;
            }
            configured.put(sha256(parts[1]), new ApiCaller(parts[0], parts.length > 2 && "admin".equals(parts[2])));
        }
    }

    @EventListener
    void announce(StartupEvent event) {
        if (open()) {
            LOG.warn("No API keys: the API is open to anyone who reaches it (single-user mode)");
        } else {
            LOG.info("API keys required: {} configured", configured.size());
        }
    }

    /** True when no key exists anywhere: every request is let in. */
    @Transactional(readOnly = true)
    public boolean open() {
        return configured.isEmpty() && storedKeys() == 0;
    }

    /** The caller a presented key belongs to. */
    @Transactional(readOnly = true)
    public Optional<ApiCaller> caller(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256(key.trim());
        ApiCaller caller = configured.get(hash);
        if (caller != null) {
            return Optional.of(caller);
        }
        return jdbc.prepareStatement("SELECT name, admin FROM api_keys WHERE key_sha256 = ?", statement -> {
            statement.setString(1, hash);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new ApiCaller(row.getString(1), row.getBoolean(2))) : Optional.empty();
            }
        });
    }

    private long storedKeys() {
        return jdbc.prepareStatement("SELECT count(*) FROM api_keys", statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
