package net.nym.tokenomics.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit of the whole system from its four Kafka topics and nothing else: reads each topic from the beginning,
 * checks each topic's sequence, recomputes every rewarded set ({@link SelectionAudit}) and every epoch's rewards
 * ({@link RewardsAudit}), and reports the first mismatch: the one with the lowest epoch (sequence defects, which
 * undermine everything after them, come first).
 */
public final class Audit {

    /** The four topics to read. */
    public record Topics(String selection, String performance, String ticketLedger, String rewards) {
        /** The production names with an optional prefix (e.g. {@code "e2e-run1."} as the end-to-end tests use). */
        public static Topics withPrefix(String prefix) {
            return new Topics(prefix + net.nym.tokenomics.eventlog.contracts.Topics.SELECTION,
                    prefix + net.nym.tokenomics.eventlog.contracts.Topics.PERFORMANCE,
                    prefix + net.nym.tokenomics.eventlog.contracts.Topics.TICKET_LEDGER,
                    prefix + net.nym.tokenomics.eventlog.contracts.Topics.REWARDS);
        }
    }

    /**
     * The outcome.
     *
     * @param eventsRead         events read per topic, in the order selection, performance, ticket-ledger, rewards
     * @param selectionsRecomputed epochs whose rewarded set was drawn again from the published inputs
     * @param rewardsRecomputed  epochs whose rewards were decided again and matched the record
     * @param lastRewardedEpoch  the last epoch rewarded, or -1
     * @param lastStateDigest    rewards-service's state digest after that epoch, as recomputed
     * @param findings           everything found, first mismatch first
     */
    public record Report(Map<String, Integer> eventsRead, int selectionsRecomputed, int rewardsRecomputed,
                         long lastRewardedEpoch, String lastStateDigest, List<Finding> findings) {

        public boolean passed() {
            return findings.isEmpty();
        }

        public Optional<Finding> firstMismatch() {
            return findings.stream().findFirst();
        }
    }

    private Audit() {
    }

    public static Report run(Map<String, Object> kafkaConfig, Topics topics, Consumer<String> progress) {
        Map<String, Integer> read = new java.util.LinkedHashMap<>();
        List<TopicLog> logs = new ArrayList<>();
        for (String topic : List.of(topics.selection(), topics.performance(), topics.ticketLedger(), topics.rewards())) {
            long started = System.nanoTime();
            TopicLog log = TopicLog.read(kafkaConfig, topic);
            logs.add(log);
            read.put(topic, log.events().size());
            progress.accept(String.format("read %,d events from %s in %d ms%s", log.events().size(), topic,
                    (System.nanoTime() - started) / 1_000_000, log.defects().isEmpty() ? "" : ", " + log.defects().size() + " sequence defects"));
        }
        return audit(logs.get(0), logs.get(1), logs.get(2), logs.get(3), read, progress);
    }

    /** The checks on topics already read (tests feed altered copies through here too). */
    public static Report audit(TopicLog selection, TopicLog performance, TopicLog ticketLedger, TopicLog rewards,
                               Map<String, Integer> read, Consumer<String> progress) {
        List<Finding> findings = new ArrayList<>();
        for (TopicLog log : List.of(selection, performance, ticketLedger, rewards)) {
            log.defects().forEach(d -> findings.add(new Finding(-1, "topic.sequence", log.topic(), d)));
        }
        PublishedFacts facts = PublishedFacts.of(selection, performance, ticketLedger, rewards);
        findings.addAll(facts.findings);
        SelectionAudit.Result s = SelectionAudit.run(selection, facts);
        progress.accept(String.format("selection: %d rewarded sets recomputed from the published inputs, %d findings",
                s.epochsRecomputed(), s.findings().size()));
        findings.addAll(s.findings());
        RewardsAudit.Result r = RewardsAudit.run(rewards, facts);
        progress.accept(String.format("rewards: %d epochs recomputed from the published inputs%s, %d findings",
                r.epochsRecomputed(), r.lastEpoch() < 0 ? "" : " (last: epoch " + r.lastEpoch() + ", state digest "
                        + r.lastDigest() + ")", r.findings().size()));
        findings.addAll(r.findings());
        // Stable: within one epoch, the order in which the checks ran (topic defects, publications, selection, rewards).
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingLong(Finding::epoch));
        return new Report(read, s.epochsRecomputed(), r.epochsRecomputed(), r.lastEpoch(), r.lastDigest(), ordered);
    }
}
