package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.RecordedInput;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The fold of the {@code epoch-inputs} stream: the inputs recorded for each epoch the ledger has not closed yet.
 * Not thread-safe: the {@link StreamFold} that holds it guards it.
 */
public final class PendingInputs {

    private final TreeMap<Long, EpochInputs> byEpoch;

    private PendingInputs(TreeMap<Long, EpochInputs> byEpoch) {
        this.byEpoch = byEpoch;
    }

    /** The inputs recorded for each epoch still kept, by epoch (a snapshot's content, {@link PendingInputsCodec}). */
    SortedMap<Long, EpochInputs> byEpoch() {
        return Collections.unmodifiableSortedMap(byEpoch);
    }

    /** Inputs restored from a snapshot ({@link PendingInputsCodec}). */
    static PendingInputs of(SortedMap<Long, EpochInputs> byEpoch) {
        return new PendingInputs(new TreeMap<>(byEpoch));
    }

    /** What is recorded for {@code epoch} so far ({@link EpochInputs#NONE} when nothing is). */
    public EpochInputs of(long epoch) {
        return byEpoch.getOrDefault(epoch, EpochInputs.NONE);
    }

    /** Whether an input of this kind is already recorded for its epoch (the first one counts). */
    public boolean has(RecordedInput input) {
        return of(input.epochId()).has(input);
    }

    private void record(RecordedInput input, long openEpoch) {
        // Inputs of closed epochs are never read again: dropped to keep memory flat over a long log.
        byEpoch.headMap(openEpoch).clear();
        if (input.epochId() >= openEpoch) {
            byEpoch.merge(input.epochId(), EpochInputs.NONE.with(input), (old, fresh) -> old.with(input));
        }
    }

    /**
     * @param openEpoch the ledger's current epoch ({@code Long.MIN_VALUE} before it is initialized): inputs of earlier
     *                  epochs are not kept. Only memory depends on it: {@link LedgerService} reads the current epoch's
     *                  inputs alone.
     */
    static StreamFold.Evolver<PendingInputs> evolver(LedgerEventCodec codec, LongSupplier openEpoch) {
        return StreamFold.evolver(() -> new PendingInputs(new TreeMap<>()),
                (inputs, event) -> inputs.record((RecordedInput) codec.decode(event), openEpoch.getAsLong()),
                (inputs, version, pending) -> inputs.record((RecordedInput) pending.decoded(), openEpoch.getAsLong()));
    }
}
