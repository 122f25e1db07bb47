package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every domain event of a long random run (and of the admin commands) survives the log's JSON: decoded it equals the
 * original, and the decoded log folds into the same ledger.
 */
class LogCodecRoundTripTest {

    @Test
    void everyEventRoundTripsAndTheDecodedLogFoldsIntoTheSameLedger() {
        Random random = new Random(7);
        LedgerHarness h = LedgerHarness.initialized(GeneratedRunTest.params());
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accounts.add("acct" + i);
            h.fund("acct" + i, BigInteger.valueOf(10_000_000_000_000L));
        }
        for (int i = 0; i < 6; i++) {
            h.bond("op" + i, 1_000_000_000L + random.nextInt(1_000_000_000) * 1000L, random.nextInt(30), random.nextInt(500_000_000));
        }
        h.accept(new UpdateActiveSet(h.now(), "admin", new ActiveSetUpdate(1, 2, 3), false));
        h.accept(new UpdateActiveSet(h.now(), "admin", new ActiveSetUpdate(1, 2, 3), true));
        h.accept(new UpdateIntervalConfig(h.now(), "admin", 5, Duration.ofHours(1), false));
        h.accept(new UpdateContractSettings(h.now(), "admin", ContractSettings.DEFAULT));
        for (int epoch = 0; epoch < 60; epoch++) {
            for (int action = 0; action < 8; action++) {
                LedgerCommand command = GeneratedRunTest.randomCommand(random, h, accounts);
                if (h.decide(command) instanceof Decision.Accepted) {
                    h.accept(command);
                }
            }
            h.close(GeneratedRunTest.rewardedSet(random, h), GeneratedRunTest.fees(random, h));
        }

        LedgerEventCodec codec = new LedgerEventCodec();
        List<LedgerEvent> decoded = new ArrayList<>();
        Set<String> types = new HashSet<>();
        long version = 0;
        for (LedgerEvent event : h.log()) {
            NewEvent encoded = codec.encode(UUID.randomUUID(), event);
            types.add(encoded.eventType());
            version++;
            StoredEvent stored = new StoredEvent(version, version, encoded.eventId(), "ledger", version, encoded.eventType(),
                    encoded.schemaVersion(), encoded.payload(), Map.of(), Instant.EPOCH);
            Object back = codec.decode(stored);
            assertThat(back).as(encoded.eventType()).isEqualTo(event);
            decoded.add((LedgerEvent) back);
        }
        assertThat(types).contains("ledger.GenesisAllocated", "ledger.TokensTransferred", "ledger.EpochRewarded", "ledger.DelegationAdded", "ledger.DelegationRemoved",
                "ledger.EpochEventQueued", "ledger.IntervalEventQueued", "ledger.PledgeIncreased", "ledger.CostParamsChanged",
                "ledger.ActiveSetUpdated", "ledger.IntervalRolledOver", "ledger.DelegatorRewardWithdrawn");
        assertThat(LedgerEvolver.fold(decoded).canonicalView()).isEqualTo(h.ledger().canonicalView());
    }

    @Test
    void theDigestFormIsTheCanonicalViewWithoutDelegations() {
        LedgerHarness h = LedgerHarness.initialized(GeneratedRunTest.params());
        long node = h.bond("op", 1_000_000_000L, 10, 1_000);
        h.delegate("d1", node, 5_000_000);
        h.closeEmpty();
        java.util.TreeMap<String, String> summary = new java.util.TreeMap<>();
        h.ledger().forEachCanonicalEntryWithoutDelegations(summary::put);
        java.util.TreeMap<String, String> expected = new java.util.TreeMap<>(h.ledger().canonicalView());
        expected.keySet().removeIf(k -> k.startsWith("delegation/") || k.startsWith("account/"));
        assertThat(summary).isEqualTo(expected).containsKey("node/" + String.format("%020d", node)).containsKey("globals/supply");
        assertThat(h.ledger().canonicalView()).containsKey("delegation/" + String.format("%020d", node) + "/d1")
                .containsKey("account/" + LedgerHarness.TREASURY);
    }
}
