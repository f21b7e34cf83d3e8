package io.simplecrawler.crawlstate;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.simplecrawler.schemas.MalformedEventException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Admits a page's links and settles the page in one atomic Redis call, so the page budget is
 * exact however many frontier replicas run (invariant 1) and a replayed call changes nothing
 * (invariant 3): admitted URLs are a hash field set once, settled and filtered URLs are sets.
 * A URL that a fetcher claimed (a redirect target or canonical URL of another task's page,
 * {@link JobKeys#claimed}) is not admitted: that page is already fetched under another URL.
 */
@Singleton
public class AdmissionScript {
    /** Sentinel source of the seed, which no page admitted. */
    public static final String SEED_SOURCE = "";

    // KEYS: admitted hash, settled set, claimed hash, filtered set.
    // ARGV: source, maxPages, settle (1|0), n filtered, the n filtered URLs, candidates...
    // Returns {admitted, settled, toFetch, filtered, newlyFiltered}; when asked to settle a source
    // the job never admitted, which must not count (settled == admitted ends the crawl), {} if the
    // job has admitted URLs and {0} if it has none: its state expired or was lost.
    private static final String SCRIPT =
            """
            if ARGV[3] == '1' and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
              if redis.call('EXISTS', KEYS[1]) == 0 then
                return {0}
              end
              return {}
            end
            local toFetch = {}
            local admitted = redis.call('HLEN', KEYS[1])
            local budget = tonumber(ARGV[2])
            local lastFiltered = 4 + tonumber(ARGV[4])
            local newlyFiltered = 0
            for i = 5, lastFiltered do
              newlyFiltered = newlyFiltered + redis.call('SADD', KEYS[4], ARGV[i])
            end
            for i = lastFiltered + 1, #ARGV do
              local url = ARGV[i]
              local admittedBy = redis.call('HGET', KEYS[1], url)
              if not admittedBy then
                if admitted < budget and redis.call('HEXISTS', KEYS[3], url) == 0 then
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
            return {admitted, redis.call('SCARD', KEYS[2]), toFetch, redis.call('SCARD', KEYS[4]), newlyFiltered}
            """;

    private final RedisCommands<String, String> redis;
    private volatile String sha;

    public AdmissionScript(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    /** Admits the seed of a job. */
    public Admission admitSeed(UUID jobId, String seedUrl, int maxPages) {
        return run(jobId, SEED_SOURCE, maxPages, false, List.of(seedUrl), List.of())
                .orElseThrow();
    }

    /**
     * Settles the fetch task of {@code sourceUrl}, admits those {@code admissible} URLs (in normal
     * form, in scope) that are new while the job has fewer than {@code maxPages} admitted URLs, and
     * counts the {@code filtered} ones (the trap defences kept them out).
     *
     * @return empty, with nothing changed, if the job has no admitted URL: its crawl state expired
     *         after the crawl stopped, or Redis lost it
     * @throws MalformedEventException if the job never admitted {@code sourceUrl}: then nothing changed
     */
    public Optional<Admission> settle(
            UUID jobId, String sourceUrl, int maxPages, List<String> admissible, List<String> filtered) {
        return run(jobId, sourceUrl, maxPages, true, admissible, filtered);
    }

    private Optional<Admission> run(
            UUID jobId, String source, int maxPages, boolean settle, List<String> admissible, List<String> filtered) {
        String[] keys = {
            JobKeys.admitted(jobId), JobKeys.settled(jobId), JobKeys.claimed(jobId), JobKeys.filtered(jobId)
        };
        List<String> args = new ArrayList<>(4 + filtered.size() + admissible.size());
        args.add(source);
        args.add(Integer.toString(maxPages));
        args.add(settle ? "1" : "0");
        args.add(Integer.toString(filtered.size()));
        args.addAll(filtered);
        args.addAll(admissible);
        List<Object> reply = evaluate(keys, args.toArray(String[]::new));
        if (reply.isEmpty()) {
            throw new MalformedEventException("links of " + source + ", which job " + jobId + " never admitted");
        }
        if (reply.size() == 1) {
            return Optional.empty();
        }
        List<String> toFetch = new ArrayList<>();
        for (Object url : (List<?>) reply.get(2)) {
            toFetch.add((String) url);
        }
        return Optional.of(new Admission(
                toFetch, (Long) reply.get(0), (Long) reply.get(1), (Long) reply.get(3), (Long) reply.get(4)));
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
