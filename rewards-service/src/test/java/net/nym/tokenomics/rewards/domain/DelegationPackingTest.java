package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.domain.LedgerCommand.PledgeMore;
import net.nym.tokenomics.rewards.domain.LedgerEvent.DelegationAdded;
import net.nym.tokenomics.rewards.domain.LedgerEvent.DelegationRemoved;
import net.nym.tokenomics.rewards.domain.LedgerEvent.DelegationsAdded;
import net.nym.tokenomics.rewards.domain.LedgerEvent.PledgeIncreased;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closing that applies long runs of queued delegations records them as {@link DelegationsAdded} chunks (issue 15
 * item 7, the epoch-0 cliff), and the ledger it leaves is the one the same delegations recorded one by one give.
 */
class DelegationPackingTest {

    @Test
    void longRunsArePackedShortRunsStayAndTheLedgerIsTheUnpackedOne() {
        Random random = new Random(15);
        LedgerHarness h = LedgerHarness.initialized(GeneratedRunTest.params());
        long[] nodes = new long[4];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = h.bond("op" + i, 1_000_000_000L + i * 7_000_000L, 10 + i, 1_000_000);
        }
        h.delegate("early", nodes[1], 40_000_000);
        h.closeEmpty();
        h.close(GeneratedRunTest.rewardedSet(random, h));

        // FIFO: 1,200 delegations, an undelegation, 50 delegations, a pledge increase, 4,100 delegations
        int first = 1_200;
        int between = 50;
        int last = PACK_SIZE() + 100;
        queueDelegations(h, "a", first, nodes, random);
        h.undelegate("early", nodes[1]);
        queueDelegations(h, "b", between, nodes, random);
        h.accept(new PledgeMore(h.now(), "op2", nodes[2], BigInteger.valueOf(3_000_000)));
        queueDelegations(h, "c", last - 1, nodes, random);
        h.delegate("a7", nodes[7 % nodes.length], 1_234_567); // a second delegation of a7 on its node: folded in

        List<LedgerEvent> before = h.log();
        List<LedgerEvent> closing = h.close(GeneratedRunTest.rewardedSet(random, h));

        // the shape: chunk(1,200), removed, 50 single, pledge, chunk(4,000), chunk(100), then the closing's tail
        List<String> shape = closing.stream().map(e -> e instanceof DelegationsAdded d
                ? "chunk" + d.added().size() : e.getClass().getSimpleName()).toList();
        assertThat(shape.subList(1, 1 + 1 + 1 + between + 1 + 2)).containsExactlyElementsOf(expectedShape(first, between, last));
        assertThat(closing).filteredOn(e -> e instanceof DelegationsAdded)
                .allMatch(e -> ((DelegationsAdded) e).added().size() <= PACK_SIZE());
        List<LedgerEvent> unpacked = unpacked(closing);
        assertThat(unpacked).filteredOn(e -> e instanceof DelegationAdded).hasSize(first + between + last);
        assertThat(unpacked).filteredOn(e -> e instanceof DelegationAdded a && !a.foldedIn().isZero()).hasSize(1);
        // the pending events were applied in their FIFO (id) order
        List<Long> ids = unpacked.stream().map(DelegationPackingTest::pendingId).filter(id -> id >= 0).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(first + between + last + 2);
        assertThat(ledgerOf(closing)).isEmpty();

        // the ledger is the one the events recorded one by one make, and its supply recounts
        MixnetLedger replayed = LedgerEvolver.foldInto(LedgerEvolver.fold(before), unpacked);
        assertThat(replayed.canonicalView()).isEqualTo(h.ledger().canonicalView());
        assertThat(SupplyCheck.problem(h.ledger())).isEmpty();
        // a decision's events verify as recorded, chunks included
        SupplyAccounting.verify(LedgerEvolver.fold(before), closing);

        // the log survives its JSON, and the decoded log folds into the same ledger
        LedgerEventCodec codec = new LedgerEventCodec();
        List<LedgerEvent> decoded = new ArrayList<>();
        long version = 0;
        int largest = 0;
        for (LedgerEvent event : h.log()) {
            NewEvent encoded = codec.encode(UUID.randomUUID(), event);
            version++;
            largest = Math.max(largest, encoded.payload().length());
            StoredEvent stored = new StoredEvent(version, version, encoded.eventId(), "ledger", version, encoded.eventType(),
                    encoded.schemaVersion(), encoded.payload(), Map.of(), Instant.EPOCH);
            Object back = codec.decode(stored);
            assertThat(back).as(encoded.eventType()).isEqualTo(event);
            decoded.add((LedgerEvent) back);
        }
        assertThat(largest).as("the largest payload").isLessThan(4 << 20);
        assertThat(LedgerEvolver.fold(decoded).canonicalView()).isEqualTo(h.ledger().canonicalView());
    }

    @Test
    void aClosingOfFewDelegationsIsUnchanged() {
        LedgerHarness h = LedgerHarness.initialized(GeneratedRunTest.params());
        long node = h.bond("op", 1_000_000_000L, 10, 1_000);
        for (int i = 0; i < EpochClosing.PACK_FROM - 1; i++) {
            h.delegate("d" + i, node, 1_000_000 + i);
        }
        List<LedgerEvent> closing = h.closeEmpty();
        assertThat(closing).noneMatch(e -> e instanceof DelegationsAdded);
        assertThat(closing).filteredOn(e -> e instanceof DelegationAdded).hasSize(EpochClosing.PACK_FROM - 1);
    }

    private static int PACK_SIZE() {
        return EpochClosing.PACK_SIZE;
    }

    private static List<String> expectedShape(int first, int between, int last) {
        List<String> out = new ArrayList<>();
        out.add("chunk" + first);
        out.add(DelegationRemoved.class.getSimpleName());
        for (int i = 0; i < between; i++) {
            out.add(DelegationAdded.class.getSimpleName());
        }
        out.add(PledgeIncreased.class.getSimpleName());
        out.add("chunk" + PACK_SIZE());
        out.add("chunk" + (last - PACK_SIZE()));
        return out;
    }

    private static void queueDelegations(LedgerHarness h, String prefix, int count, long[] nodes, Random random) {
        for (int i = 0; i < count; i++) {
            h.delegate(prefix + i, nodes[i % nodes.length], 1_000_000 + random.nextInt(50_000_000));
        }
    }

    private static List<LedgerEvent> unpacked(List<LedgerEvent> events) {
        List<LedgerEvent> out = new ArrayList<>();
        for (LedgerEvent e : events) {
            if (e instanceof DelegationsAdded d) {
                out.addAll(d.added());
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static long pendingId(LedgerEvent e) {
        return switch (e) {
            case DelegationAdded a -> a.pendingEventId();
            case DelegationRemoved r -> r.pendingEventId();
            case PledgeIncreased p -> p.pendingEventId();
            default -> -1;
        };
    }

    /** Events of a closing that are neither of its own kinds nor delegation or pledge results (none expected). */
    private static List<LedgerEvent> ledgerOf(List<LedgerEvent> closing) {
        return closing.stream().filter(e -> !(e instanceof LedgerEvent.EpochRewarded || e instanceof DelegationsAdded
                || e instanceof DelegationAdded || e instanceof DelegationRemoved || e instanceof PledgeIncreased
                || e instanceof LedgerEvent.IntervalRolledOver || e instanceof LedgerEvent.EpochAdvanced)).toList();
    }
}
