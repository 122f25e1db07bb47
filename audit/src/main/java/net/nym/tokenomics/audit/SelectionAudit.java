package net.nym.tokenomics.audit;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.persistence.ProofJson;
import net.nym.tokenomics.selection.persistence.SelectionEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Recomputes every epoch's rewarded set. For each proof on the selection topic:
 * <ol>
 *   <li>the proof verifies on its own (seed, saturations, weights, draw, layers, digest: {@link SelectionVerifier});</li>
 *   <li>the seed chains to the previous epoch's proof (hash chain over its digest; a beacon value is taken as
 *       published);</li>
 *   <li>for every epoch after the first, the candidates are rebuilt from what the other services published — the
 *       stake snapshot of the previous epoch and the registrations on the rewards topic, the previous epoch's
 *       performance on the performance topic — with the selection's own rules, the set is drawn again with the
 *       previous epoch's layers, and the result must have the logged digest;</li>
 *   <li>the published {@code RewardedSetSelected} carries exactly the recomputed lists, seed and digest.</li>
 * </ol>
 * The bootstrap epoch (the first proof) depends on the order in which registrations reached selection, so its
 * candidates are taken from its proof and only its draw is recomputed.
 */
public final class SelectionAudit {

    /** What was checked and what was found. */
    public record Result(int epochsRecomputed, List<Finding> findings) {
    }

    private SelectionAudit() {
    }

    public static Result run(TopicLog selection, PublishedFacts facts) {
        List<Finding> findings = new ArrayList<>();
        SortedMap<Long, PublishedFacts.Located<SelectionProof>> proofs = proofs(selection, findings);

        SelectionInputs inputs = new SelectionInputs();
        facts.bonded.forEach(inputs::applyBonded);
        facts.snapshots.values().forEach(s -> inputs.applySnapshot(s.value()));
        facts.performance.values().forEach(p -> inputs.applyPerformance(p.value()));

        int recomputed = 0;
        SelectionProof previous = null;
        for (PublishedFacts.Located<SelectionProof> located : proofs.values()) {
            SelectionProof logged = located.value();
            long epoch = logged.epochId();
            String where = located.where();
            if (SelectionVerifier.verify(logged) instanceof SelectionVerifier.Verdict.Mismatch m) {
                findings.add(new Finding(epoch, "selection.proof", where, "the logged proof does not verify at " + m.field()
                        + ": recomputed " + m.expected() + ", proof has " + m.actual()));
            }
            if (previous != null && previous.epochId() != epoch - 1) {
                findings.add(new Finding(epoch, "selection.sequence", where, "no proof for epoch " + (epoch - 1)
                        + " (previous proof is of epoch " + previous.epochId() + ")"));
            }
            SeedInput seedInput = logged.seedInput() instanceof SeedInput.Beacon beacon ? beacon
                    : new SeedInput.HashChain(previous == null ? Digest.ZERO : previous.digest());
            List<Candidate> candidates;
            if (previous == null) {
                candidates = logged.candidates();
            } else {
                switch (inputs.readinessFor(epoch)) {
                    case SelectionInputs.Readiness.Waiting w -> {
                        findings.add(new Finding(epoch, "selection.inputs", where, "the rewarded set was selected but its inputs "
                                + "are not all published: missing " + String.join(", ", w.missing())));
                        candidates = null;
                    }
                    case SelectionInputs.Readiness.Ready r -> {
                        candidates = r.candidates();
                        if (!r.sizes().equals(logged.sizes()) || !r.stakeSaturationPoint().equals(logged.stakeSaturationPoint())) {
                            findings.add(new Finding(epoch, "selection.inputs", where, "sizes/saturation point recomputed "
                                    + r.sizes() + " / " + r.stakeSaturationPoint() + ", proof has " + logged.sizes() + " / "
                                    + logged.stakeSaturationPoint()));
                        }
                    }
                }
            }
            SelectionProof expected = logged;
            if (candidates != null) {
                Map<NodeId, Layer> previousLayers = previous == null ? Map.of() : previous.result().layers();
                expected = SelectionProof.select(epoch, seedInput, logged.sizes(), logged.stakeSaturationPoint(), candidates,
                        previousLayers);
                recomputed++;
                if (!expected.digest().equals(logged.digest())) {
                    findings.add(new Finding(epoch, "selection.recompute", where, "recomputed proof digest "
                            + expected.digest().hex() + " differs from the logged " + logged.digest().hex() + "; first difference: "
                            + firstDifference(expected.canonicalText(), logged.canonicalText())));
                }
            }
            PublishedFacts.Located<IntegrationEvents.RewardedSetSelected> published = facts.rewardedSets.get(epoch);
            if (published == null) {
                findings.add(new Finding(epoch, "selection.published", where, "no RewardedSetSelected published for the proof"));
            } else {
                ProofJson.Lists l = ProofJson.Lists.of(expected.result());
                IntegrationEvents.RewardedSetSelected want = new IntegrationEvents.RewardedSetSelected(epoch, l.entryGateways(),
                        l.exitGateways(), l.layer1(), l.layer2(), l.layer3(), l.standby(), expected.seed().hex(),
                        expected.digest().hex());
                if (!want.equals(published.value())) {
                    findings.add(new Finding(epoch, "selection.published", published.where(), "published RewardedSetSelected "
                            + "differs from the recomputed one: " + firstDifference(want.toString(), published.value().toString())));
                }
            }
            previous = expected;
        }
        for (Long epoch : facts.rewardedSets.keySet()) {
            if (!proofs.containsKey(epoch)) {
                findings.add(new Finding(epoch, "selection.proof", facts.rewardedSets.get(epoch).where(),
                        "RewardedSetSelected published without a proof in the selection log"));
            }
        }
        return new Result(recomputed, findings);
    }

    private static SortedMap<Long, PublishedFacts.Located<SelectionProof>> proofs(TopicLog selection, List<Finding> findings) {
        SortedMap<Long, PublishedFacts.Located<SelectionProof>> proofs = new TreeMap<>();
        for (TopicLog.Sequenced s : selection.events()) {
            if (!SelectionEvents.REWARDED_SET_SELECTED.equals(s.event().eventType())) {
                continue;
            }
            String where = selection.topic() + " " + s.describe();
            try {
                EpochClockEvent.RewardedSetSelected e = (EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(s.event());
                if (proofs.putIfAbsent(e.epochId(), new PublishedFacts.Located<>(e.proof(), selection.topic(), s)) != null) {
                    findings.add(new Finding(e.epochId(), "selection.sequence", where, "a second proof for the epoch"));
                }
            } catch (RuntimeException e) {
                findings.add(new Finding(-1, "selection.decode", where, "unreadable proof: " + e.getMessage()));
            }
        }
        return proofs;
    }

    /** The first line (or, for one-line texts, the first position) where two texts differ, both sides shown. */
    static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                int at = 0;
                while (at < x.length() && at < y.length() && x.charAt(at) == y.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 40);
                return (a.length > 1 ? "line " + (i + 1) + ", " : "") + "recomputed \"" + clip(x, from) + "\", recorded \""
                        + clip(y, from) + "\"";
            }
        }
        return "none";
    }

    private static String clip(String s, int from) {
        String tail = s.substring(Math.min(from, s.length()));
        return (from > 0 ? "…" : "") + (tail.length() > 160 ? tail.substring(0, 160) + "…" : tail);
    }
}
