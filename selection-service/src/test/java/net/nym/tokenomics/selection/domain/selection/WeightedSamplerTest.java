package net.nym.tokenomics.selection.domain.selection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static net.nym.tokenomics.selection.domain.selection.TestCandidates.MIX;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.seed;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.weighted;
import static org.assertj.core.api.Assertions.assertThat;

class WeightedSamplerTest {

    private static final String[] WEIGHTS = {"0.05", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.7", "0.9", "1"};
    private static final int DRAWS = 20_000;
    /** Chi-square 99.9% critical value for 9 degrees of freedom. */
    private static final double CHI2_999_DF9 = 27.877;

    private static List<Candidate> pool() {
        List<Candidate> pool = new ArrayList<>();
        for (int i = 0; i < WEIGHTS.length; i++) {
            pool.add(weighted(i + 1, MIX, WEIGHTS[i]));
        }
        return pool;
    }

    @Test
    void firstPickFrequenciesMatchWeightShares() {
        List<Candidate> pool = pool();
        double total = pool.stream().mapToDouble(c -> c.weight().toDouble()).sum();
        long[] observed = new long[pool.size()];
        for (int d = 0; d < DRAWS; d++) {
            Candidate first = WeightedSampler.sample(pool, 1, new Sha256CounterRandom(seed(d))).getFirst();
            observed[(int) first.nodeId().value() - 1]++;
        }
        double chi2 = 0;
        for (int i = 0; i < pool.size(); i++) {
            double expected = DRAWS * pool.get(i).weight().toDouble() / total;
            chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        assertThat(chi2).isLessThan(CHI2_999_DF9);
    }

    /** Inclusion in a 3-of-10 draw against the exact sequential-proportional probabilities (all 720 orders). */
    @Test
    void threeSlotInclusionMatchesSequentialProportionalProbabilities() {
        List<Candidate> pool = pool();
        int n = pool.size();
        double[] w = pool.stream().mapToDouble(c -> c.weight().toDouble()).toArray();
        double total = java.util.Arrays.stream(w).sum();
        double[] exact = new double[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < n; c++) {
                    if (a == b || b == c || a == c) {
                        continue;
                    }
                    double p = w[a] / total * w[b] / (total - w[a]) * w[c] / (total - w[a] - w[b]);
                    exact[a] += p;
                    exact[b] += p;
                    exact[c] += p;
                }
            }
        }
        long[] observed = new long[n];
        for (int d = 0; d < DRAWS; d++) {
            for (Candidate c : WeightedSampler.sample(pool, 3, new Sha256CounterRandom(seed(1_000_000 + d)))) {
                observed[(int) c.nodeId().value() - 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(DRAWS * exact[i] * (1 - exact[i]));
            // 4 sigma per node: a false alarm over 10 nodes has probability < 0.1%, and the draw is fixed anyway.
            assertThat(Math.abs(observed[i] - DRAWS * exact[i])).as("node %d", i + 1).isLessThan(4 * sigma);
        }
    }

    @Test
    void zeroWeightsOnlyFillWhatPositiveWeightsCannotInNodeIdOrder() {
        List<Candidate> pool = List.of(weighted(1, MIX, "0"), weighted(2, MIX, "0.000000000000000001"), weighted(3, MIX, "0"),
                weighted(4, MIX, "0.5"), weighted(5, MIX, "0"), weighted(6, MIX, "0"));
        for (int s = 0; s < 50; s++) {
            List<Candidate> chosen = WeightedSampler.sample(pool, 4, new Sha256CounterRandom(seed(s)));
            assertThat(chosen).extracting(c -> c.nodeId().value()).containsExactlyInAnyOrder(2L, 4L, 1L, 3L);
            assertThat(chosen.subList(2, 4)).extracting(c -> c.nodeId().value()).containsExactly(1L, 3L);
        }
    }

    @Test
    void amountIsCappedByThePool() {
        List<Candidate> pool = List.of(weighted(1, MIX, "0.5"), weighted(2, MIX, "0.25"));
        assertThat(WeightedSampler.sample(pool, 5, new Sha256CounterRandom(seed(1)))).hasSize(2);
        assertThat(WeightedSampler.sample(pool, 0, new Sha256CounterRandom(seed(1)))).isEmpty();
        assertThat(WeightedSampler.sample(List.of(), 3, new Sha256CounterRandom(seed(1)))).isEmpty();
    }

    /**
     * The sampler's primitive sort against the order it documents, written plainly (boxed indices and a comparator, as the
     * sampler was first written): pools with weight-0 members, equal weights and 1-atom weights, every prefix size.
     */
    @Test
    void ranksExactlyAsTheDocumentedComparator() {
        java.util.Random r = new java.util.Random(5);
        String[] weights = {"0", "0", "0.000000000000000001", "0.5", "0.5", "1", "0.123456789", "0.999999999999999999"};
        for (int trial = 0; trial < 300; trial++) {
            List<Candidate> pool = new ArrayList<>();
            int n = 1 + r.nextInt(trial < 200 ? 40 : 3_000);
            long id = 0;
            for (int i = 0; i < n; i++) {
                id += 1 + r.nextInt(3);
                pool.add(weighted(id, MIX, weights[r.nextInt(weights.length)]));
            }
            int requested = r.nextInt(n + 2);
            List<Candidate> actual = WeightedSampler.sample(pool, requested, new Sha256CounterRandom(seed(trial)));
            assertThat(actual).isEqualTo(reference(pool, requested, new Sha256CounterRandom(seed(trial))));
        }
    }

    private static List<Candidate> reference(List<Candidate> pool, int requested, Sha256CounterRandom rng) {
        int n = pool.size();
        double[] keys = new double[n];
        boolean[] zero = new boolean[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            double w = pool.get(i).weight().toDouble();
            zero[i] = pool.get(i).weight().isZero();
            keys[i] = w > 0 ? StrictMath.log(u) / w : Double.NEGATIVE_INFINITY;
        }
        Integer[] order = new Integer[n];
        java.util.Arrays.setAll(order, i -> i);
        java.util.Arrays.sort(order, (a, b) -> zero[a] != zero[b] ? (zero[a] ? 1 : -1)
                : Double.compare(keys[b], keys[a]) != 0 ? Double.compare(keys[b], keys[a])
                : pool.get(a).nodeId().compareTo(pool.get(b).nodeId()));
        List<Candidate> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(requested, n); i++) {
            chosen.add(pool.get(order[i]));
        }
        return chosen;
    }
}
