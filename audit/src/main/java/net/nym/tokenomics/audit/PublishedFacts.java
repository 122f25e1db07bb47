package net.nym.tokenomics.audit;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The integration events the four services published, indexed by epoch: what each service told the others. The first
 * publication of a result for an epoch is the one every consumer acts on; a later copy with different content is a
 * finding in itself (a published result must never be recomputed differently).
 */
public final class PublishedFacts {

    /** A published value and where it was read. */
    public record Located<T>(T value, String topic, TopicLog.Sequenced at) {
        public String where() {
            return topic + " " + at.describe();
        }
    }

    final SortedMap<Long, Located<IntegrationEvents.EpochEnded>> ended = new TreeMap<>();
    final SortedMap<Long, Located<IntegrationEvents.RewardedSetSelected>> rewardedSets = new TreeMap<>();
    final SortedMap<Long, Located<IntegrationEvents.EpochPerformanceComputed>> performance = new TreeMap<>();
    final SortedMap<Long, Located<IntegrationEvents.EpochUsageClosed>> usage = new TreeMap<>();
    final SortedMap<Long, Located<IntegrationEvents.StakeSnapshotTaken>> snapshots = new TreeMap<>();
    final SortedMap<Long, Located<IntegrationEvents.EpochRewarded>> rewarded = new TreeMap<>();
    final List<IntegrationEvents.NodeBonded> bonded = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    private PublishedFacts() {
    }

    /** Indexes the integration events of the four topics; an undecodable integration event is a finding. */
    public static PublishedFacts of(TopicLog selection, TopicLog performance, TopicLog ticketLedger, TopicLog rewards) {
        PublishedFacts f = new PublishedFacts();
        EventCodec codec = IntegrationEvents.codec();
        for (TopicLog log : List.of(selection, performance, ticketLedger, rewards)) {
            for (TopicLog.Sequenced s : log.events()) {
                if (!codec.knows(s.event().eventType())) {
                    continue;
                }
                Object decoded;
                try {
                    decoded = codec.decode(s.event());
                } catch (RuntimeException e) {
                    f.findings.add(new Finding(-1, "published.decode", log.topic() + " " + s.describe(), e.getMessage()));
                    continue;
                }
                f.index(log.topic(), s, decoded);
            }
        }
        return f;
    }

    private void index(String topic, TopicLog.Sequenced at, Object decoded) {
        switch (decoded) {
            case IntegrationEvents.EpochEnded e -> first(ended, e.epochId(), new Located<>(e, topic, at));
            case IntegrationEvents.RewardedSetSelected e -> first(rewardedSets, e.epochId(), new Located<>(e, topic, at));
            case IntegrationEvents.EpochPerformanceComputed e -> first(performance, e.epochId(), new Located<>(e, topic, at));
            case IntegrationEvents.EpochUsageClosed e -> first(usage, e.epochId(), new Located<>(e, topic, at));
            case IntegrationEvents.StakeSnapshotTaken e -> first(snapshots, e.epochId(), new Located<>(e, topic, at));
            case IntegrationEvents.EpochRewarded e -> first(rewarded, e.epochId(), new Located<>(e, topic, at));
            case IntegrationEvents.NodeBonded e -> bonded.add(e);
            default -> {
                // EpochStarted, NodeUnbonded, IntervalRolledOver: restatements the recomputation checks in place.
            }
        }
    }

    private <T> void first(SortedMap<Long, Located<T>> index, long epoch, Located<T> value) {
        Located<T> earlier = index.putIfAbsent(epoch, value);
        if (earlier != null && !Objects.equals(earlier.value(), value.value())) {
            findings.add(new Finding(epoch, "published.unique", value.where(), value.value().getClass().getSimpleName()
                    + " of epoch " + epoch + " published again with different content (first at " + earlier.where() + ")"));
        }
    }
}
