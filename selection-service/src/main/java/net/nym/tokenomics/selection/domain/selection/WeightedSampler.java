package net.nym.tokenomics.selection.domain.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Weighted sampling without replacement, Efraimidis-Spirakis A-Res, as nym-api's {@code choose_multiple_weighted}
 * (reference A.4), made reproducible.
 *
 * <p>For each pool member in the given order (ascending node id) one {@code u = rng.nextDouble()} is drawn, for every
 * member, also those of weight 0 and also when fewer places are asked for. Nym's key is {@code u^(1/w)}; this class
 * uses the order-equivalent {@code ln(u) / w} (exp is increasing) computed with {@link StrictMath#log}, whose result
 * is specified bit for bit (fdlibm), where {@code Math.pow}/{@code Math.log} may differ between JVMs. {@code w} is
 * the exact Decimal weight converted once as {@code atomics / 1e18} ({@link net.nym.tokenomics.eventlog.decimal.Decimal#toDouble()},
 * a correctly rounded BigInteger-to-double conversion followed by one IEEE division): the same f64 nym-api samples
 * with. The {@code amount = min(requested, pool size)} members are taken in this total order:
 * <ol>
 *   <li>every positive weight before every weight 0 (Nym's key for weight 0 is 0; here it is -infinity);</li>
 *   <li>larger key first ({@code u = 0}, probability 2^-53, gives -infinity);</li>
 *   <li>equal keys, including all weight-0 members, by ascending node id, where Nym's order is unspecified.</li>
 * </ol>
 * Deliberate difference: Nym's {@code u^(1/w)} underflows to 0 for tiny weights and then orders them arbitrarily;
 * {@code ln(u)/w} stays finite for every positive Decimal weight (at least 1e-18), so such nodes keep their
 * proportional chances among themselves.
 */
public final class WeightedSampler {

    private WeightedSampler() {
    }

    public static List<Candidate> sample(List<Candidate> pool, int requested, Sha256CounterRandom rng) {
        int n = pool.size();
        double[] keys = new double[n];
        boolean[] zero = new boolean[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            Candidate c = pool.get(i);
            double w = c.weight().toDouble();
            zero[i] = c.weight().isZero();
            ids[i] = c.nodeId().value();
            keys[i] = w > 0 ? StrictMath.log(u) / w : Double.NEGATIVE_INFINITY;
        }
        int amount = Math.min(Math.max(requested, 0), n);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Comparator<Integer> byRank = (a, b) -> {
            if (zero[a] != zero[b]) {
                return zero[a] ? 1 : -1;
            }
            int byKey = Double.compare(keys[b], keys[a]);
            return byKey != 0 ? byKey : Long.compare(ids[a], ids[b]);
        };
        Arrays.sort(order, byRank);
        List<Candidate> chosen = new ArrayList<>(amount);
        for (int i = 0; i < amount; i++) {
            chosen.add(pool.get(order[i]));
        }
        return chosen;
    }
}
