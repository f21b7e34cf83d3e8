package io.simplecrawler.crawlstate;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.simplecrawler.schemas.FetchTask;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fetch tasks of a job's admitted URLs that have not settled, rebuilt from crawl state:
 * a URL's depth is the length of its chain of "found on" pages back to the seed. Read without
 * a lock: a task that settles meanwhile is re-emitted for nothing, which is harmless.
 */
@Singleton
public class UnsettledTasks {
    private final RedisCommands<String, String> redis;

    public UnsettledTasks(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    public List<FetchTask> of(UUID jobId) {
        Map<String, String> foundOn = redis.hgetall(JobKeys.admitted(jobId));
        Set<String> settled = redis.smembers(JobKeys.settled(jobId));
        List<FetchTask> tasks = new ArrayList<>();
        foundOn.forEach((url, source) -> {
            if (!settled.contains(url)) {
                tasks.add(new FetchTask(jobId, url, depth(url, foundOn), FetchTask.REDRIVEN));
            }
        });
        return tasks;
    }

    private static int depth(String url, Map<String, String> foundOn) {
        int depth = 0;
        String source = foundOn.get(url);
        // bounded by the map's size, so a corrupted chain with a loop cannot spin
        while (source != null && !AdmissionScript.SEED_SOURCE.equals(source) && depth < foundOn.size()) {
            depth++;
            source = foundOn.get(source);
        }
        return depth;
    }
}
