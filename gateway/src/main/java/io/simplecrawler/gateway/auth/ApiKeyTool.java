package io.simplecrawler.gateway.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;

/**
 * {@code make api-key NAME=... [ADMIN=1]}: makes a new API key, stores only its SHA-256 in the
 * {@code api_keys} table (at POSTGRES_URL), and prints the key once.
 */
public final class ApiKeyTool {
    private ApiKeyTool() {}

    public static void main(String[] args) throws SQLException {
        if (args.length < 1 || !args[0].matches("[A-Za-z0-9_.-]{1,100}")) {
            System.err.println("usage: ApiKeyTool NAME [admin]   (NAME: letters, digits, . _ -)");
            System.exit(2);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = "sc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String url = env("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/simplecrawler");
        try (Connection db = DriverManager.getConnection(
                        url, env("POSTGRES_USER", "simplecrawler"), env("POSTGRES_PASSWORD", "simplecrawler"));
                PreparedStatement insert =
                        db.prepareStatement("INSERT INTO api_keys (name, key_sha256, admin) VALUES (?, ?, ?)")) {
            insert.setString(1, args[0]);
            insert.setString(2, ApiKeys.sha256(key));
            insert.setBoolean(3, args.length > 1 && "admin".equals(args[1]));
            insert.executeUpdate();
        }
        System.out.println(key);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
