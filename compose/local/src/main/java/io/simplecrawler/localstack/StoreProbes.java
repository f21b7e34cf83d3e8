package io.simplecrawler.localstack;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import redis.clients.jedis.Jedis;

/** Whether a store answers right now: the check behind "use it if it answers, else start our own". */
final class StoreProbes {
    private StoreProbes() {}

    static boolean postgresAnswers(String jdbcUrl, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean redisAnswers(URI redisUrl) {
        try (Jedis jedis = new Jedis(redisUrl, 2000)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean kafkaAnswers(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isLoopback(URI address) {
        String host = address.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
