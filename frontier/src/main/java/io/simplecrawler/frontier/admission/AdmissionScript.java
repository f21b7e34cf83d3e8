package io.simplecrawler.frontier.admission;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Admits a page's links and settles the page in one atomic Redis call, so the page budget is
 * exact however many frontier replicas run (invariant 1) and a replayed call changes nothing
 * (invariant 3): admitted URLs are a hash field set once, settled URLs a set.
 */
@Singleton
public class AdmissionScript {
    /** Sentinel source of the seed, which no page admitted. */
    public static final String SEED_SOURCE = "";

    // KEYS: admitted hash, settled set. ARGV: source, maxPages, settle (1|0), candidates...
    private static final String SCRIPT = """
            local toFetch = {}
            local admitted = redis.call('HLEN', KEYS[1])
            local budget = tonumber(ARGV[2])
            for i = 4, #ARGV do
              local url = ARGV[i]
              local admittedBy = redis.call('HGET', KEYS[1], url)
              if not admittedBy then
                if admitted < budget then
                  redis.call('HSET', KEYS[1], url, ARGV[1])
                  admitted = admitted + 1
                  toFetch[#toFetch + 1] = url
                end
              elseif admittedBy == ARGV[1] and redis.call('SISMEMBER', KEYS[2], url) == 0 then
                toFetch[#toFetch + 1] = url
              end
            end
            if ARGV[3] == '1' then
              redis.call('SADD', KEYS[2], ARGV[1])
            end
            return {admitted, redis.call('SCARD', KEYS[2]), toFetch}
            """;

    private final RedisCommands<String, String> redis;
    private volatile String sha;

    public AdmissionScript(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    /** Admits the seed of a job. */
    public Admission admitSeed(UUID jobId, String seedUrl, int maxPages) {
        return run(jobId, SEED_SOURCE, maxPages, false, List.of(seedUrl));
    }

    /**
     * Settles the fetch task of {@code sourceUrl} and admits those of {@code candidates} that
     * are new, while the job has fewer than {@code maxPages} admitted URLs.
     */
    public Admission settle(UUID jobId, String sourceUrl, int maxPages, List<String> candidates) {
        return run(jobId, sourceUrl, maxPages, true, candidates);
    }

    private Admission run(UUID jobId, String source, int maxPages, boolean settle, List<String> candidates) {
        String[] keys = {JobKeys.admitted(jobId), JobKeys.settled(jobId)};
        String[] args = new String[3 + candidates.size()];
        args[0] = source;
        args[1] = Integer.toString(maxPages);
        args[2] = settle ? "1" : "0";
        for (int i = 0; i < candidates.size(); i++) {
            args[3 + i] = candidates.get(i);
        }
        List<Object> reply = evaluate(keys, args);
        List<String> toFetch = new ArrayList<>();
        for (Object url : (List<?>) reply.get(2)) {
            toFetch.add((String) url);
        }
        return new Admission(toFetch, (Long) reply.get(0), (Long) reply.get(1));
    }

    private List<Object> evaluate(String[] keys, String[] args) {
        if (sha == null) {
            sha = redis.scriptLoad(SCRIPT);
        }
        try {
            return redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            // Redis restarted and lost its script cache
            sha = redis.scriptLoad(SCRIPT);
            return redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        }
    }
}
