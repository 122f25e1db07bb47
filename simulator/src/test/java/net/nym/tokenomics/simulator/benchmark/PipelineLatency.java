package net.nym.tokenomics.simulator.benchmark;

import net.nym.tokenomics.audit.TopicLog;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The epoch pipeline's latency as the log recorded it: for each epoch {@code e}, from the commit of
 * {@code EpochEnded(e)} to the commit of {@code EpochStarted(e+1)} in selection-service's log (both on its topic, with
 * their {@code recorded_at}), i.e. performance, usage, rewards, stake snapshot and the next selection in between.
 *
 * <pre>java -cp simulator/target/test-classes:simulator/target/classes:$(cat simulator/target/classpath.txt) \
 *     net.nym.tokenomics.simulator.benchmark.PipelineLatency [bootstrap=127.0.0.1:9092] [topic=nym.selection.events] [skip=1]</pre>
 * {@code skip} leaves out the first epochs (the first applies every queued delegation at once).
 */
public final class PipelineLatency {

    private PipelineLatency() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new TreeMap<>(Map.of("bootstrap", "127.0.0.1:9092", "topic", "nym.selection.events", "skip", "1"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        report(Map.of("bootstrap.servers", a.get("bootstrap")), a.get("topic"), Integer.parseInt(a.get("skip")));
    }

    /** Prints the latency of every complete epoch in {@code topic} and a summary of those after the first {@code skip}. */
    public static void report(Map<String, Object> kafka, String topic, int skip) {
        TopicLog log = TopicLog.read(kafka, topic);
        Map<Long, Instant> ended = new TreeMap<>();
        Map<Long, Instant> started = new TreeMap<>();
        for (TopicLog.Sequenced s : log.events()) {
            StoredEvent e = s.event();
            if (e.eventType().equals(IntegrationEvents.EpochEnded.TYPE)) {
                ended.putIfAbsent(epochOf(e), e.recordedAt());
            } else if (e.eventType().equals(IntegrationEvents.EpochStarted.TYPE)) {
                started.putIfAbsent(epochOf(e), e.recordedAt());
            }
        }
        List<Long> millis = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, Instant> e : ended.entrySet()) {
            Instant next = started.get(e.getKey() + 1);
            if (next == null) {
                continue;
            }
            long ms = Duration.between(e.getValue(), next).toMillis();
            System.out.printf("epoch %d ended %s -> epoch %d started %s: %d ms%s%n", e.getKey(), e.getValue(), e.getKey() + 1, next,
                    ms, i < skip ? " (skipped)" : "");
            if (i++ >= skip) {
                millis.add(ms);
            }
        }
        if (millis.isEmpty()) {
            System.out.println("no complete epoch in " + topic);
            return;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("EpochEnded(e) -> EpochStarted(e+1) over %d epochs: min %d ms, median %d ms, max %d ms%n", sorted.size(),
                sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast());
    }

    private static long epochOf(StoredEvent e) {
        try {
            return net.nym.tokenomics.eventlog.json.Json.mapper().readTree(e.payload()).get("epoch_id").asLong();
        } catch (Exception ex) {
            throw new IllegalStateException("unreadable " + e.describe(), ex);
        }
    }
}
