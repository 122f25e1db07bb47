package net.nym.tokenomics.lab;

/**
 * The network's dimensions in one interval (§5.2): width {@code W}, active {@code A = L·W}, reserve {@code B},
 * rewarded {@code K} and candidates {@code N}, and the demand they are sized for.
 *
 * @param demandPerEpoch packets users send in each epoch of the interval (the expected demand {@code E[M]})
 */
public record NetworkSize(int width, int active, int reserve, int rewarded, int candidates, long demandPerEpoch) {

    /** Month {@code t} (0-based) of a scenario. */
    public static NetworkSize of(Scenario s, int month) {
        Scenario.Network n = s.network();
        double perSecond = s.demand().initialPacketsPerSecond() * Math.pow(1 + s.demand().monthlyGrowth(), month);
        double nodeAverage = n.nodePeakPacketsPerSecond() * Math.pow(1 + n.capacityGrowthMonthly(), month) / n.peakFactor();
        int width = Math.max(n.minWidth(), (int) Math.ceil(perSecond / nodeAverage));
        int active = n.layers() * width;
        int reserve = n.reservePerActive() * active;
        int rewarded = Math.max(active + reserve, n.minRewarded());
        reserve = rewarded - active;
        double epochSeconds = (double) s.demand().secondsPerInterval() / s.epochsPerInterval();
        long demand = (long) Math.floor(perSecond * epochSeconds);
        return new NetworkSize(width, active, reserve, rewarded, n.candidatesPerRewarded() * rewarded, demand);
    }
}
