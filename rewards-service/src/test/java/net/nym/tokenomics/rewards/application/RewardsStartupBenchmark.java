package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.store.Transactions;

/**
 * Not a test: start-up of the service (both folds caught up) from snapshots against the whole folds, on a log written
 * through the service: {@code nodes} bonded nodes (default 100), {@code delegations} delegations (default 1,000), then
 * {@code epochs} epochs (default 300) each closed from its four recorded inputs (a performance entry per node); the
 * writer snapshots every {@code every} events (default 1,000). Each start-up runs three times in this JVM; then the
 * snapshot sizes and the ledger codec's cost. Run: {@code java -cp <test classpath>
 * net.nym.tokenomics.rewards.application.RewardsStartupBenchmark [epochs] [nodes] [delegations] [every]}.
 */
public final class RewardsStartupBenchmark {

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int delegations = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        long every = args.length > 3 ? Long.parseLong(args[3]) : 1_000;
        RewardsHistory h = new RewardsHistory("rwstart");
        long t = System.nanoTime();
        LedgerService writer = h.start(every);
        h.genesis(writer, nodes);
        for (int d = 0; d < delegations; d++) {
            h.delegate(writer, "delegator" + d, h.nodes.get(d % nodes), 5_000_000_000L + d);
        }
        for (int e = 0; e < epochs; e++) {
            h.closeEpoch(writer);
        }
        long version = writer.read(LedgerView::ledgerVersion);
        System.out.printf("log: %d ledger events (%d epochs, %d nodes, %d delegations), written in %d s; snapshot every"
                + " %d events%n", version, epochs, nodes, delegations, (System.nanoTime() - t) / 1_000_000_000, every);
        for (int run = 1; run <= 3; run++) {
            long whole = startUp(h, 0, version);
            long fromSnapshot = startUp(h, every, version);
            System.out.printf("run %d: full folds %d ms, from snapshots %d ms%n", run, whole, fromSnapshot);
        }
        LedgerView view = LedgerService.fold(h.dataSource);
        LedgerViewCodec codec = new LedgerViewCodec();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            byte[] bytes = codec.encode(view);
            long t1 = System.nanoTime();
            codec.decode(bytes);
            System.out.printf("ledger codec run %d: %d bytes, encode %.1f ms, decode %.1f ms%n", run, bytes.length,
                    (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        }
        Transactions.inTransaction(h.dataSource, c -> {
            try (var ps = c.prepareStatement("SELECT stream, max(stream_version), max(octet_length(state)),"
                    + " max(pg_column_size(state)) FROM snapshot GROUP BY stream ORDER BY stream");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.printf("snapshot of %s: latest at v%d, %d bytes (%d stored)%n", rs.getString(1),
                            rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
            return null;
        });
        System.exit(0);
    }

    private static long startUp(RewardsHistory h, long every, long expectedVersion) {
        long t = System.nanoTime();
        LedgerService s = h.start(every);
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (s.read(LedgerView::ledgerVersion) != expectedVersion) {
            throw new IllegalStateException("folded to v" + s.read(LedgerView::ledgerVersion) + ", not v" + expectedVersion);
        }
        return ms;
    }
}
