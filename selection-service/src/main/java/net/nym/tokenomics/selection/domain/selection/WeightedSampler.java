package net.nym.tokenomics.selection.domain.selection;

import java.util.ArrayList;
import java.util.Arrays;
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
        int[] chosen = sampleIndices(pool, requested, rng);
        List<Candidate> out = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            out.add(pool.get(i));
        }
        return out;
    }

    /** As {@link #sample}, giving the chosen members' positions in {@code pool}, in rank order. */
    public static int[] sampleIndices(List<Candidate> pool, int requested, Sha256CounterRandom rng) {
        int n = pool.size();
        long[] rank = new long[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            Candidate c = pool.get(i);
            double w = c.weight().toDouble();
            ids[i] = c.nodeId().value();
            rank[i] = c.weight().isZero() ? Long.MAX_VALUE
                    : descending(w > 0 ? StrictMath.log(u) / w : Double.NEGATIVE_INFINITY);
        }
        int amount = Math.min(Math.max(requested, 0), n);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        sort(order, rank, ids);
        return Arrays.copyOf(order, amount);
    }

    /**
     * A long whose ascending order is the descending order of {@link Double#compare} on keys (which are never NaN:
     * {@code ln(u) <= 0} over a positive finite weight). Every such long is below {@link Long#MAX_VALUE}, which weight 0
     * takes, so all positive weights rank first. Equal ranks, including all weight-0 members, go by ascending node id.
     */
    private static long descending(double key) {
        long bits = Double.doubleToLongBits(key);
        long ascending = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return ~ascending;
    }

    private static boolean before(int a, int b, long[] rank, long[] ids) {
        return rank[a] != rank[b] ? rank[a] < rank[b] : ids[a] < ids[b];
    }

    /**
     * Bottom-up merge sort of indices by (rank, node id). Node ids are distinct, so the order is total and the result
     * is the same as any other correct sort's; this one avoids boxing 100,000 indices for a comparator.
     */
    private static void sort(int[] order, long[] rank, long[] ids) {
        int n = order.length;
        int[] from = order;
        int[] to = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    to[k++] = before(from[j], from[i], rank, ids) ? from[j++] : from[i++];
                }
                while (i < mid) {
                    to[k++] = from[i++];
                }
                while (j < hi) {
                    to[k++] = from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != order) {
            System.arraycopy(from, 0, order, 0, n);
        }
    }
}
