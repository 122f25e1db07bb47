package net.nym.tokenomics.audit;

import net.nym.tokenomics.rewards.application.EpochInputs;
import net.nym.tokenomics.rewards.application.EpochRewarding;
import net.nym.tokenomics.rewards.domain.Decision;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.LedgerEvolver;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.SupplyCheck;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import net.nym.tokenomics.rewards.persistence.RecordedInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Recomputes every epoch's rewards. The rewards topic is folded in order; account and admin decisions (bonding,
 * delegating, cost changes …) are taken as recorded, since their commands are not on the log. Each epoch closing is
 * instead decided again, by the contract math, from the inputs as the other services PUBLISHED them (epoch end and
 * rewarded set on the selection topic, performance on the performance topic, usage on the ticket-ledger topic), and
 * must equal what rewards-service recorded: every domain event of the closing (rewards, pending events applied,
 * interval roll-over), then every integration event published with it ({@code EpochRewarded} with the state digest,
 * {@code StakeSnapshotTaken} …). The fold stops at the first difference: after it the two states have diverged.
 *
 * <p>Tokens (issue 15): every recorded account event must conserve them ({@link SupplyCheck#eventProblem}), and after
 * every recomputed closing the supply equation must hold when counted from scratch ({@link SupplyCheck#problem});
 * the published {@code EpochRewarded} carries the supply figures and the state digest covers every balance (through
 * the balances' hash), so one altered balance event is found at the epoch whose publication it contradicts.
 *
 * <p>The inputs rewards-service recorded (its {@code epoch-inputs} stream) are also compared with the publications
 * they came from.
 */
public final class RewardsAudit {

    /** What was checked and what was found; {@code lastDigest} is the recomputed state digest of the last epoch. */
    public record Result(int epochsRecomputed, long lastEpoch, String lastDigest, List<Finding> findings) {
    }

    private RewardsAudit() {
    }

    public static Result run(TopicLog rewards, PublishedFacts facts) {
        LedgerEventCodec codec = new LedgerEventCodec();
        List<Finding> findings = new ArrayList<>();
        MixnetLedger ledger = MixnetLedger.empty();
        List<TopicLog.Sequenced> events = rewards.events();
        int recomputed = 0;
        long lastEpoch = -1;
        String lastDigest = null;
        int i = 0;
        while (i < events.size()) {
            TopicLog.Sequenced s = events.get(i);
            String where = rewards.topic() + " " + s.describe();
            Object decoded;
            try {
                decoded = codec.decode(s.event());
            } catch (RuntimeException e) {
                findings.add(new Finding(-1, "rewards.decode", where, e.getMessage()));
                return new Result(recomputed, lastEpoch, lastDigest, findings);
            }
            if (LedgerLog.INPUTS.equals(s.event().streamId())) {
                if (decoded instanceof RecordedInput input) {
                    checkRecordedInput(input, where, facts, findings);
                }
                i++;
                continue;
            }
            if (!(decoded instanceof LedgerEvent.EpochRewarded recorded)) {
                if (decoded instanceof LedgerEvent e) {
                    Finding unfoldable = fold(ledger, e, where);
                    if (unfoldable != null) {
                        findings.add(unfoldable);
                        return new Result(recomputed, lastEpoch, lastDigest, findings);
                    }
                }
                i++;
                continue;
            }
            long epoch = recorded.epochId();
            EpochInputs inputs = published(epoch, facts);
            if (!inputs.complete()) {
                findings.add(new Finding(epoch, "rewards.inputs", where, "the epoch was rewarded but not all its inputs are "
                        + "published: " + missing(inputs)));
                return new Result(recomputed, lastEpoch, lastDigest, findings);
            }
            Decision decision;
            try {
                decision = LedgerDecider.decide(EpochRewarding.closeCommand(ledger, epoch, inputs), ledger);
            } catch (RuntimeException e) {
                decision = null;
                findings.add(new Finding(epoch, "rewards.epoch", where, "the published inputs cannot be rewarded: " + e.getMessage()));
            }
            if (decision instanceof Decision.Rejected r) {
                findings.add(new Finding(epoch, "rewards.epoch", where, "the contract refuses to close the epoch from the published "
                        + "inputs: " + r.rejection().field() + ": " + r.rejection().reason()));
            }
            if (!(decision instanceof Decision.Accepted accepted)) {
                return new Result(recomputed, lastEpoch, lastDigest, findings);
            }
            List<Object> expected = new ArrayList<>(accepted.events());
            for (LedgerEvent e : accepted.events()) {
                LedgerEvolver.evolve(ledger, e);
            }
            // issue 15: every token is somewhere after the closing, counted from scratch
            Optional<String> supply = SupplyCheck.problem(ledger);
            if (supply.isPresent()) {
                findings.add(new Finding(epoch, "rewards.supply", where, "the supply equation fails after epoch " + epoch
                        + ": " + supply.get()));
                return new Result(recomputed, lastEpoch, lastDigest, findings);
            }
            expected.addAll(EpochRewarding.publications(ledger, epoch, accepted.events()));
            Finding difference = compare(epoch, expected, rewards, i, codec);
            if (difference != null) {
                findings.add(difference);
                return new Result(recomputed, lastEpoch, lastDigest, findings);
            }
            recomputed++;
            lastEpoch = epoch;
            lastDigest = EpochRewarding.stateDigest(ledger);
            i += expected.size();
        }
        return new Result(recomputed, lastEpoch, lastDigest, findings);
    }

    /**
     * Applies a recorded event. {@code evolve} is total over a sound log; over a topic with holes (a lost genesis, say,
     * reported as a sequence defect) it can meet an event its state cannot take, which is a finding, not a crash.
     */
    private static Finding fold(MixnetLedger ledger, LedgerEvent e, String where) {
        long epoch = ledger.isInitialized() ? ledger.globals().currentEpoch() : -1;
        if (ledger.isInitialized()) {
            // issue 15: a recorded account event must move tokens, never create or lose them
            Optional<String> problem = SupplyCheck.eventProblem(ledger, e);
            if (problem.isPresent()) {
                return new Finding(epoch, "rewards.supply", where, "in epoch " + epoch + ", " + problem.get());
            }
        }
        try {
            LedgerEvolver.evolve(ledger, e);
            return null;
        } catch (RuntimeException ex) {
            return new Finding(epoch, "rewards.fold", where, "the log cannot be folded here (is an earlier event missing?): "
                    + ex);
        }
    }

    /**
     * The recorded ledger events from {@code from} on must be {@code expected}, one for one: the closing was appended in
     * one transaction, and a transaction's events are contiguous on the topic.
     */
    private static Finding compare(long epoch, List<Object> expected, TopicLog rewards, int from, LedgerEventCodec codec) {
        List<TopicLog.Sequenced> events = rewards.events();
        int at = from;
        for (int k = 0; k < expected.size(); k++, at++) {
            if (at >= events.size()) {
                return new Finding(epoch, "rewards.epoch", rewards.topic() + " end of topic", "the closing is cut short: "
                        + "recomputed " + name(expected.get(k)) + " is not on the topic");
            }
            TopicLog.Sequenced s = events.get(at);
            String where = rewards.topic() + " " + s.describe();
            Object recorded;
            try {
                recorded = codec.decode(s.event());
            } catch (RuntimeException e) {
                return new Finding(-1, "rewards.decode", where, e.getMessage());
            }
            Object want = expected.get(k);
            if (!Objects.equals(want, recorded)) {
                return new Finding(epoch, "rewards.epoch", where, "recomputed " + name(want) + " differs from the recorded "
                        + name(recorded) + ": " + SelectionAudit.firstDifference(LedgerEventCodec.json(want),
                        LedgerEventCodec.json(recorded)));
            }
        }
        return null;
    }

    private static void checkRecordedInput(RecordedInput input, String where, PublishedFacts facts, List<Finding> findings) {
        SortedMap<Long, ? extends PublishedFacts.Located<?>> source = switch (input) {
            case RecordedInput.EpochEndedRecorded e -> facts.ended;
            case RecordedInput.RewardedSetRecorded r -> facts.rewardedSets;
            case RecordedInput.PerformanceRecorded p -> facts.performance;
            case RecordedInput.UsageRecorded u -> facts.usage;
        };
        Object recorded = switch (input) {
            case RecordedInput.EpochEndedRecorded e -> e.input();
            case RecordedInput.RewardedSetRecorded r -> r.input();
            case RecordedInput.PerformanceRecorded p -> p.input();
            case RecordedInput.UsageRecorded u -> u.input();
        };
        PublishedFacts.Located<?> published = source.get(input.epochId());
        if (published == null) {
            findings.add(new Finding(input.epochId(), "rewards.input", where, "recorded " + name(recorded)
                    + " that its producer never published"));
        } else if (!published.value().equals(recorded)) {
            findings.add(new Finding(input.epochId(), "rewards.input", where, "recorded " + name(recorded) + " differs from the "
                    + "publication at " + published.where()));
        }
    }

    private static EpochInputs published(long epoch, PublishedFacts facts) {
        return new EpochInputs(
                at(facts.ended, epoch, (id, v) -> new RecordedInput.EpochEndedRecorded(id, v)),
                at(facts.rewardedSets, epoch, (id, v) -> new RecordedInput.RewardedSetRecorded(id, v)),
                at(facts.performance, epoch, (id, v) -> new RecordedInput.PerformanceRecorded(id, v)),
                at(facts.usage, epoch, (id, v) -> new RecordedInput.UsageRecorded(id, v)));
    }

    private static <T, R> R at(SortedMap<Long, PublishedFacts.Located<T>> index, long epoch,
                               java.util.function.BiFunction<java.util.UUID, T, R> recorded) {
        PublishedFacts.Located<T> l = index.get(epoch);
        return l == null ? null : recorded.apply(l.at().event().eventId(), l.value());
    }

    private static String missing(EpochInputs in) {
        List<String> m = new ArrayList<>();
        if (in.ended() == null) {
            m.add("EpochEnded");
        }
        if (in.rewardedSet() == null) {
            m.add("RewardedSetSelected");
        }
        if (in.performance() == null) {
            m.add("EpochPerformanceComputed");
        }
        if (in.usage() == null) {
            m.add("EpochUsageClosed");
        }
        return String.join(", ", m);
    }

    private static String name(Object o) {
        return o == null ? "nothing" : o.getClass().getSimpleName();
    }
}
