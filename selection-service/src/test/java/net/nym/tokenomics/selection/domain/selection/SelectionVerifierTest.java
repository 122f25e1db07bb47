package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static net.nym.tokenomics.selection.domain.selection.RewardedSetSelectionTest.GOLDEN_SIZES;
import static net.nym.tokenomics.selection.domain.selection.RewardedSetSelectionTest.tenCandidates;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.SATURATION_POINT;
import static org.assertj.core.api.Assertions.assertThat;

class SelectionVerifierTest {

    private static final Map<NodeId, Layer> PREVIOUS = Map.of(NodeId.of(3), Layer.LAYER3, NodeId.of(6), Layer.LAYER1,
            NodeId.of(99), Layer.LAYER2);

    private static SelectionProof genuine() {
        return SelectionProof.select(42, new SeedInput.HashChain(Digest.sha256("epoch 41 result")), GOLDEN_SIZES,
                SATURATION_POINT, tenCandidates(), PREVIOUS);
    }

    @Test
    void genuineProofVerifies() {
        SelectionProof proof = genuine();
        assertThat(SelectionVerifier.verify(proof)).isEqualTo(new SelectionVerifier.Verdict.Verified(proof.digest()));
        assertThat(proof.previousLayers()).containsOnlyKeys(NodeId.of(3), NodeId.of(6));
        assertThat(proof.result().layers()).doesNotContainEntry(NodeId.of(3), Layer.LAYER3);
    }

    @Test
    void beaconProofVerifiesAndUsesTheBeaconAsSeed() {
        SelectionProof proof = SelectionProof.select(7, new SeedInput.Beacon("6e796d2d676f6c64656e2d73656564"), GOLDEN_SIZES,
                SATURATION_POINT, tenCandidates(), Map.of());
        assertThat(proof.seed()).isEqualTo(RewardedSetSelectionTest.GOLDEN_SEED);
        assertThat(proof.result()).isEqualTo(RewardedSetSelection.select(proof.seed(), GOLDEN_SIZES, tenCandidates(), Map.of()).rewardedSet());
        assertThat(SelectionVerifier.verify(proof).verified()).isTrue();
    }

    @Test
    void tamperedWeightIsNamed() {
        SelectionProof proof = genuine();
        List<Candidate> candidates = new ArrayList<>(proof.candidates());
        Candidate c = candidates.get(3);
        candidates.set(3, new Candidate(c.nodeId(), c.owner(), c.roles(), c.stake(), c.saturation(), c.performance(),
                c.weight().plus(Decimal.ofAtomics(java.math.BigInteger.ONE))));
        SelectionProof tampered = new SelectionProof(proof.epochId(), proof.seedInput(), proof.seed(), proof.sizes(),
                proof.stakeSaturationPoint(), candidates, proof.previousLayers(), proof.result(), proof.shortfall(), proof.digest());

        assertThat(SelectionVerifier.verify(tampered)).isEqualTo(new SelectionVerifier.Verdict.Mismatch(
                "candidates[3].weight (node 4)", "0.060788327295284644", "0.060788327295284645"));
    }

    @Test
    void tamperedSeedIsNamed() {
        SelectionProof proof = genuine();
        SelectionProof tampered = new SelectionProof(proof.epochId(), proof.seedInput(), new Seed("00"), proof.sizes(),
                proof.stakeSaturationPoint(), proof.candidates(), proof.previousLayers(), proof.result(), proof.shortfall(), proof.digest());
        SelectionVerifier.Verdict verdict = SelectionVerifier.verify(tampered);
        assertThat(verdict).isInstanceOfSatisfying(SelectionVerifier.Verdict.Mismatch.class, m -> {
            assertThat(m.field()).isEqualTo("seed");
            assertThat(m.expected()).isEqualTo(proof.seed().hex());
            assertThat(m.actual()).isEqualTo("00");
        });
    }

    @Test
    void tamperedResultIsNamed() {
        SelectionProof proof = genuine();
        RewardedSet r = proof.result();
        RewardedSet swapped = new RewardedSet(r.entryGateways(), r.exitGateways(), r.layer1(), r.layer2(), r.layer3(),
                List.of(r.standby().getFirst(), NodeId.of(8)));
        SelectionProof tampered = new SelectionProof(proof.epochId(), proof.seedInput(), proof.seed(), proof.sizes(),
                proof.stakeSaturationPoint(), proof.candidates(), proof.previousLayers(), swapped, proof.shortfall(), proof.digest());
        assertThat(SelectionVerifier.verify(tampered)).isInstanceOfSatisfying(SelectionVerifier.Verdict.Mismatch.class,
                m -> assertThat(m.field()).isEqualTo("standby"));
    }

    @Test
    void tamperedSaturationAndDigestAreNamed() {
        SelectionProof proof = genuine();
        List<Candidate> candidates = new ArrayList<>(proof.candidates());
        Candidate c = candidates.getFirst();
        candidates.set(0, new Candidate(c.nodeId(), c.owner(), c.roles(), c.stake().plus(Decimal.ONE), c.saturation(),
                c.performance(), c.weight()));
        SelectionProof stake = new SelectionProof(proof.epochId(), proof.seedInput(), proof.seed(), proof.sizes(),
                proof.stakeSaturationPoint(), candidates, proof.previousLayers(), proof.result(), proof.shortfall(), proof.digest());
        // Node 1 is saturated (stake = saturation point): more stake does not change saturation, so only the digest differs.
        assertThat(SelectionVerifier.verify(stake)).isInstanceOfSatisfying(SelectionVerifier.Verdict.Mismatch.class,
                m -> assertThat(m.field()).isEqualTo("digest"));

        SelectionProof digest = proof.withDigest(Digest.ZERO);
        assertThat(SelectionVerifier.verify(digest)).isEqualTo(
                new SelectionVerifier.Verdict.Mismatch("digest", proof.digest().hex(), Digest.ZERO.hex()));
    }

    @Test
    void canonicalTextIsStable() {
        SelectionProof proof = SelectionProof.select(1, new SeedInput.Beacon("ab"), new RewardedSetSizes(1, 1, 3, 0),
                SATURATION_POINT, List.of(TestCandidates.real(5, "n1x,y", TestCandidates.ALL, 500_000, "0.5")), Map.of());
        assertThat(proof.canonicalText()).isEqualTo("""
                nym-selection-proof-v1
                epoch=1
                seed_input=beacon:ab
                seed=ab
                sizes=1,1,3,0
                stake_saturation_point=1000000
                candidates=1
                candidate=5,MEX,5:n1x,y,500000,0.5,0.5,0.000000476837158203
                previous_layers=0
                entry_gateways=5
                exit_gateways=
                layer1=
                layer2=
                layer3=
                standby=
                shortfall=0,1,3,0
                """);
        assertThat(proof.digest()).isEqualTo(Digest.sha256(proof.canonicalText()));
    }
}
