package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.verify.VerifySelection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The proof's JSON form holds every field of the domain proof, so the verifier recomputes from the JSON alone. */
class ProofJsonTest {

    private static SelectionProof proof() {
        Decimal ssp = Decimal.of(1_000_000);
        List<Candidate> cs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            cs.add(Candidate.of(NodeId.of(i), "owner \"" + (i % 4) + "\", ünïcode", new DeclaredRoles(i % 2 == 0, i % 3 == 0, i % 6 == 0),
                    Decimal.of(100_000L * i), ssp, Percent.parse("0.9" + i)));
        }
        return SelectionProof.select(7, new SeedInput.HashChain(Digest.sha256("previous")), new RewardedSetSizes(2, 1, 3, 1),
                ssp, cs, Map.of(NodeId.of(2), Layer.LAYER1, NodeId.of(4), Layer.LAYER3));
    }

    @Test
    void roundTripsExactlyAndVerifies() throws Exception {
        SelectionProof p = proof();
        String json = Json.write(ProofJson.of(p));
        assertThat(Json.read(json, ProofJson.class).toDomain()).isEqualTo(p);
        assertThat(VerifySelection.verify(json).ok()).isTrue();
    }

    @Test
    void aChangedWeightOrDigestOrMalformedProofIsReported() throws Exception {
        ProofJson p = ProofJson.of(proof());
        List<ProofJson.CandidateJson> cs = new ArrayList<>(p.candidates());
        ProofJson.CandidateJson c = cs.get(3);
        cs.set(3, new ProofJson.CandidateJson(c.nodeId(), c.owner(), c.roles(), c.stake(), c.saturation(), c.performance(),
                c.weight().plus(Decimal.ofAtomics(java.math.BigInteger.ONE))));
        ProofJson weight = new ProofJson(p.format(), p.epochId(), p.seedInput(), p.seed(), p.sizes(), p.stakeSaturationPoint(),
                cs, p.previousLayers(), p.result(), p.shortfall(), p.digest());
        assertThat(VerifySelection.verify(Json.write(weight)).message()).startsWith("MISMATCH").contains("candidates[3].weight");

        ProofJson digest = new ProofJson(p.format(), p.epochId(), p.seedInput(), p.seed(), p.sizes(), p.stakeSaturationPoint(),
                p.candidates(), p.previousLayers(), p.result(), p.shortfall(), "0".repeat(64));
        assertThat(VerifySelection.verify(Json.write(digest)).message()).startsWith("MISMATCH").contains("digest");

        assertThat(VerifySelection.verify("{\"format\":\"x\"}").message()).startsWith("INVALID");
        assertThat(VerifySelection.run("/nonexistent/proof.json").message()).startsWith("UNREADABLE");
    }
}
