package net.nym.tokenomics.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.domain.selection.Seed;
import net.nym.tokenomics.selection.domain.selection.Sha256CounterRandom;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Not a test: times one epoch's selection (seed, draw, layers, proof digest) and its verification for 1,000 / 10,000 /
 * 100,000 candidates into a 10,000-node set (entry 2,000, exit 2,000, mixnodes 6,000, no standby), with the previous
 * epoch's layers carried over. Run: {@code java -cp <test classpath> net.nym.tokenomics.selection.SelectionBenchmark}.
 */
public final class SelectionBenchmark {

    private static final RewardedSetSizes SIZES = new RewardedSetSizes(2_000, 2_000, 6_000, 0);
    private static final Decimal SATURATION_POINT = Decimal.of(250_000_000_000L);
    private static final int EPOCHS = 5;

    public static void main(String[] args) {
        System.out.printf("%-12s %-10s %14s %14s %10s%n", "candidates", "set", "select ms/ep", "verify ms/ep", "shortfall");
        for (int n : new int[]{1_000, 10_000, 100_000}) {
            List<Candidate> candidates = network(n);
            SortedMap<NodeId, Layer> previous = new TreeMap<>();
            Digest digest = Digest.ZERO;
            // two warm-up epochs, then EPOCHS measured
            for (int e = 0; e < 2; e++) {
                SelectionProof p = SelectionProof.select(e, new SeedInput.HashChain(digest), SIZES, SATURATION_POINT, candidates, previous);
                previous = p.result().layers();
                digest = p.digest();
            }
            long selectNanos = 0;
            long verifyNanos = 0;
            SelectionProof proof = null;
            for (int e = 2; e < 2 + EPOCHS; e++) {
                long t0 = System.nanoTime();
                proof = SelectionProof.select(e, new SeedInput.HashChain(digest), SIZES, SATURATION_POINT, candidates, previous);
                long t1 = System.nanoTime();
                if (!SelectionVerifier.verify(proof).verified()) {
                    throw new IllegalStateException("benchmark proof does not verify");
                }
                long t2 = System.nanoTime();
                selectNanos += t1 - t0;
                verifyNanos += t2 - t1;
                previous = proof.result().layers();
                digest = proof.digest();
            }
            System.out.printf("%-12d %-10d %14.1f %14.1f %10s%n", n, proof.result().size(), selectNanos / 1e6 / EPOCHS,
                    verifyNanos / 1e6 / EPOCHS, proof.shortfall().isNone() ? "none" : proof.shortfall());
        }
    }

    /** 40 % gateways (half of them exit-capable), 70 % mix-capable (some both); about 20 % of nodes under operators with 2-5 nodes. */
    private static List<Candidate> network(int n) {
        Sha256CounterRandom rng = new Sha256CounterRandom(new Seed("be7c40"));
        List<Candidate> list = new ArrayList<>(n);
        int operator = 0;
        int leftInOperator = 0;
        for (int i = 1; i <= n; i++) {
            int r = rng.nextInt(100);
            boolean gateway = r < 40;
            DeclaredRoles roles = DeclaredRoles.fromNodeRoles(r >= 30, gateway, gateway && r < 20, gateway && r < 20);
            if (leftInOperator == 0) {
                operator++;
                leftInOperator = rng.nextInt(10) < 2 ? 2 + rng.nextInt(4) : 1;
            }
            leftInOperator--;
            Decimal stake = Decimal.of(1_000_000L + rng.nextInt(300_000_000));
            Percent performance = Percent.naiveFromF64OrZero(rng.nextInt(10) == 0 ? 0.0 : 0.8 + rng.nextDouble() * 0.2);
            list.add(Candidate.of(NodeId.of(i), "n1operator" + operator, roles, stake, SATURATION_POINT, performance));
        }
        return list;
    }

    private SelectionBenchmark() {
    }
}
