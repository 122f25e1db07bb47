package net.nym.tokenomics.rewards.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.nym.tokenomics.eventlog.command.SnapshotCodec;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.RecordedInput;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;

/**
 * The snapshot format of {@link PendingInputs} (docs/adr/0011): for each epoch it keeps, the four recorded inputs
 * (each null until recorded), as the log writes them ({@link LedgerEventCodec#mapper()}), in epoch order. The state is
 * bounded (the epochs the ledger has not closed, plus closed ones not dropped yet), but the stream it folds is not:
 * every epoch adds its four inputs, the performance one with an entry per node, so a start-up without a snapshot
 * reads them all.
 */
final class PendingInputsCodec implements SnapshotCodec<PendingInputs> {

    static final String FORMAT = "rewards-pending-inputs/1";

    record InputsJson(List<EpochJson> epochs) {
    }

    record EpochJson(long epoch, RecordedInput.EpochEndedRecorded ended, RecordedInput.RewardedSetRecorded rewardedSet,
                     RecordedInput.PerformanceRecorded performance, RecordedInput.UsageRecorded usage) {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public byte[] encode(PendingInputs inputs) {
        List<EpochJson> epochs = inputs.byEpoch().entrySet().stream().map(e -> new EpochJson(e.getKey(),
                e.getValue().ended(), e.getValue().rewardedSet(), e.getValue().performance(), e.getValue().usage())).toList();
        try {
            return LedgerEventCodec.mapper().writeValueAsBytes(new InputsJson(epochs));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the pending inputs: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public PendingInputs decode(byte[] bytes) {
        InputsJson j;
        try {
            j = LedgerEventCodec.mapper().readValue(bytes, InputsJson.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + FORMAT + " snapshot: " + e.getMessage(), e);
        }
        TreeMap<Long, EpochInputs> byEpoch = new TreeMap<>();
        j.epochs().forEach(e -> byEpoch.put(e.epoch(), new EpochInputs(e.ended(), e.rewardedSet(), e.performance(),
                e.usage())));
        return PendingInputs.of(byEpoch);
    }
}
