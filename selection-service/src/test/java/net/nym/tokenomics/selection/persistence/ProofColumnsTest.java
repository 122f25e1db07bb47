package net.nym.tokenomics.selection.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSet;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.Seed;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.domain.selection.Shortfall;
import net.nym.tokenomics.selection.verify.VerifySelection;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compact stored form (schema version 2) holds every value of the domain proof, exactly, and damage is caught. */
class ProofColumnsTest {

    private static final String[] OWNERS = {"n1alice", "n1bøb", "n1 \"quoted\", comma", "", "n1😀emoji"};

    /** A proof with arbitrary (not self-consistent) values over the whole range of every field; it need not verify. */
    private static SelectionProof randomProof(int n, long seed) {
        Random r = new Random(seed);
        List<Candidate> cs = new ArrayList<>(n);
        long id = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            id += 1 + (r.nextInt(10) == 0 ? r.nextInt(1_000_000) : 0);
            String owner = r.nextInt(4) == 0 ? OWNERS[r.nextInt(OWNERS.length)] : "n1owner" + r.nextInt(n / 3 + 1);
            cs.add(new Candidate(NodeId.of(Math.min(id, NodeId.MAX)), owner,
                    new DeclaredRoles(r.nextBoolean(), r.nextBoolean(), r.nextBoolean()), decimal(r), decimal(r),
                    Percent.of(Decimal.ofAtomics(BigInteger.valueOf(Math.floorMod(r.nextLong(), 1_000_000_000_000_000_001L)))),
                    decimal(r)));
        }
        SortedMap<NodeId, Layer> previous = new TreeMap<>();
        for (int i = 0; i < n / 10; i++) {
            previous.put(cs.get(r.nextInt(n)).nodeId(), Layer.ofIndex(r.nextInt(3)));
        }
        List<NodeId> ids = cs.stream().map(Candidate::nodeId).toList();
        RewardedSet result = new RewardedSet(ids.subList(0, n / 10), ids.subList(n / 10, n / 5), ids.subList(n / 5, n / 4),
                ids.subList(n / 4, n / 3), ids.subList(n / 3, n / 2), List.of());
        return new SelectionProof(42, new SeedInput.HashChain(Digest.sha256("prev")), new Seed("0badc0de"),
                new RewardedSetSizes(n / 10, n / 10, 3 * (n / 6), 1), Decimal.parse("123456.000000000000000001"), cs, previous,
                result, new Shortfall(0, 1, 2, 3), Digest.sha256("digest " + seed));
    }

    private static Decimal decimal(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Decimal.ZERO;
            case 1 -> Decimal.ONE;
            case 2 -> Decimal.MAX;
            case 3 -> Decimal.ofAtomics(BigInteger.valueOf(r.nextLong() >>> 1));
            default -> Decimal.ofAtomics(new BigInteger(1 + r.nextInt(128), r));
        };
    }

    private static StoredEvent stored(NewEvent n) {
        return new StoredEvent(1, 1, n.eventId(), "selection", 1, n.eventType(), n.schemaVersion(), n.payload(), n.metadata(),
                Instant.EPOCH);
    }

    @Test
    void aLargeProofRoundTripsExactlyThroughTheStoredEvent() {
        SelectionProof p = randomProof(30_000, 7);
        NewEvent event = SelectionEvents.encodeClock(UUID.randomUUID(), new EpochClockEvent.RewardedSetSelected(42, p));
        assertThat(event.eventType()).isEqualTo(SelectionEvents.REWARDED_SET_SELECTED);
        assertThat(event.schemaVersion()).isEqualTo(2);

        var decoded = (EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(stored(event));
        assertThat(decoded.epochId()).isEqualTo(42);
        assertThat(decoded.proof()).isEqualTo(p);
        assertThat(decoded.proof().canonicalText()).isEqualTo(p.canonicalText());
        // the v1 JSON form of the REST endpoint, unpacked from the stored v2 form, is the one v1 would have stored
        assertThat(Json.write(SelectionEvents.proofOf(stored(event)))).isEqualTo(Json.write(ProofJson.of(p)));
        // canonical: the same proof always gives the same bytes
        assertThat(SelectionEvents.encodeClock(UUID.randomUUID(), new EpochClockEvent.RewardedSetSelected(42, p)).payload())
                .isEqualTo(event.payload());
    }

    @Test
    void aRealProofStaysVerifiableAndIsSeveralTimesSmallerThanV1() {
        Decimal ssp = Decimal.of(250_000_000_000L);
        Random r = new Random(3);
        List<Candidate> cs = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            cs.add(Candidate.of(NodeId.of(i), "n1operator" + (i / 3), new DeclaredRoles(i % 10 >= 3, i % 10 < 4, i % 10 < 2),
                    Decimal.of(1_000_000L + r.nextInt(300_000_000)), ssp, Percent.naiveFromF64OrZero(0.8 + r.nextDouble() * 0.2)));
        }
        SelectionProof p = SelectionProof.select(5, new SeedInput.HashChain(Digest.ZERO), new RewardedSetSizes(200, 200, 600, 10),
                ssp, cs, Map.of(NodeId.of(10), Layer.LAYER2, NodeId.of(11), Layer.LAYER3));
        NewEvent event = SelectionEvents.encodeClock(UUID.randomUUID(), new EpochClockEvent.RewardedSetSelected(5, p));

        assertThat(VerifySelection.verify(event.payload()).ok()).isTrue();
        var decoded = (EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(stored(event));
        assertThat(SelectionVerifier.verify(decoded.proof())).isEqualTo(new SelectionVerifier.Verdict.Verified(p.digest()));
        String v1 = Json.write(new SelectionEvents.RewardedSetSelectedV1(5, ProofJson.of(p)));
        assertThat(event.payload().length()).isLessThan(v1.length() / 3);
    }

    @Test
    void aChangedWeightInAStoredProofIsNamedByTheVerifier() throws Exception {
        SelectionProof p = SelectionProof.select(1, new SeedInput.HashChain(Digest.ZERO), new RewardedSetSizes(1, 1, 3, 0),
                Decimal.of(1_000), List.of(
                        Candidate.of(NodeId.of(1), "a", new DeclaredRoles(true, true, true), Decimal.of(500), Decimal.of(1_000), Percent.parse("0.9")),
                        Candidate.of(NodeId.of(2), "b", new DeclaredRoles(true, true, false), Decimal.of(700), Decimal.of(1_000), Percent.parse("0.95")),
                        Candidate.of(NodeId.of(3), "c", new DeclaredRoles(true, false, false), Decimal.of(900), Decimal.of(1_000), Percent.parse("1")),
                        Candidate.of(NodeId.of(4), "c", new DeclaredRoles(true, false, false), Decimal.of(100), Decimal.of(1_000), Percent.parse("0.5"))),
                Map.of());
        List<Candidate> cs = new ArrayList<>(p.candidates());
        Candidate c = cs.get(2);
        cs.set(2, new Candidate(c.nodeId(), c.owner(), c.roles(), c.stake(), c.saturation(), c.performance(),
                c.weight().plus(Decimal.ofAtomics(BigInteger.ONE))));
        SelectionProof altered = new SelectionProof(p.epochId(), p.seedInput(), p.seed(), p.sizes(), p.stakeSaturationPoint(), cs,
                p.previousLayers(), p.result(), p.shortfall(), p.digest());
        NewEvent event = SelectionEvents.encodeClock(UUID.randomUUID(), new EpochClockEvent.RewardedSetSelected(1, altered));

        var decoded = (EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(stored(event));
        assertThat(SelectionVerifier.verify(decoded.proof())).isInstanceOfSatisfying(SelectionVerifier.Verdict.Mismatch.class,
                m -> assertThat(m.field()).isEqualTo("candidates[2].weight (node 3)"));
        assertThat(VerifySelection.verify(event.payload()).message()).startsWith("MISMATCH").contains("candidates[2].weight");
    }

    @Test
    void aFlippedByteOrAMiscountInTheStoredTableIsRefused() throws Exception {
        SelectionProof p = randomProof(2_000, 11);
        ProofJsonV2 stored = ProofJsonV2.of(p);
        byte[] blob = Base64.getDecoder().decode(stored.columns());
        for (int position : new int[]{2, blob.length / 2, blob.length - 1}) {
            byte[] flipped = blob.clone();
            flipped[position] ^= 0x10;
            ProofJsonV2 damaged = withColumns(stored, Base64.getEncoder().encodeToString(flipped), stored.candidateCount());
            assertThatThrownBy(damaged::toDomain).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("columns:");
        }
        assertThatThrownBy(withColumns(stored, stored.columns(), stored.candidateCount() + 1)::toDomain)
                .hasMessageStartingWith("candidate_count:");
        assertThatThrownBy(withColumns(stored, "not base64!", stored.candidateCount())::toDomain)
                .hasMessageStartingWith("columns: not base64");

        // inside a stored event the damage is a decoding error naming the event, not a silently different proof
        JsonNode payload = Json.mapper().readTree(SelectionEvents.encodeClock(UUID.randomUUID(),
                new EpochClockEvent.RewardedSetSelected(42, p)).payload());
        byte[] flipped = blob.clone();
        flipped[blob.length / 3] ^= 0x01;
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("proof")).put("columns",
                Base64.getEncoder().encodeToString(flipped));
        StoredEvent damaged = stored(new NewEvent(UUID.randomUUID(), SelectionEvents.REWARDED_SET_SELECTED, 2,
                Json.write(payload), Map.of()));
        assertThatThrownBy(() -> SelectionEvents.decodeOwn(damaged)).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(damaged.eventId().toString()).hasMessageContaining("columns:");
        assertThat(VerifySelection.verify(Json.write(payload)).message()).startsWith("INVALID");
    }

    private static ProofJsonV2 withColumns(ProofJsonV2 p, String columns, int candidateCount) {
        return new ProofJsonV2(p.format(), p.encoding(), p.epochId(), p.seedInput(), p.seed(), p.sizes(), p.stakeSaturationPoint(),
                candidateCount, p.previousLayerCount(), columns, p.result(), p.shortfall(), p.digest());
    }
}
