package net.nym.tokenomics.eventlog.relay;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A separate process for the crash tests. Mode "append": appends N events and halts before any relay runs.
 * Mode "relay": appends N events, then runs the relay and prints "relaying" — the test kills it mid-way.
 */
public final class AppendThenDie {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String schema = args[1];
        String topic = args[2];
        int n = Integer.parseInt(args[3]);
        var ds = LocalInfra.dataSource("eventlog_test", schema);
        EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);
        EventStore store = new EventStore();
        for (int i = 0; i < n; i += 10) {
            int first = i;
            // Ten committed transactions per round trip to the pool keep the set-up of big logs quick.
            Transactions.inTransaction(ds, c -> {
                for (int k = first; k < Math.min(first + 10, n); k++) {
                    String stream = "acct-" + (k % 7);
                    store.append(c, stream, store.streamVersion(c, stream),
                            List.of(codec.encode(UUID.randomUUID(), new Deposited(stream, Decimal.ONE))));
                }
                return null;
            });
        }
        System.out.println("appended " + n);
        System.out.flush();
        if (mode.equals("relay")) {
            // Small batches so the kill lands between a publish and its checkpoint more than once.
            OutboxRelay relay = new OutboxRelay(ds, LocalInfra.kafkaConfig(), new OutboxRelay.Config("crash-relay", topic, 7, Duration.ofMillis(5)));
            relay.start();
            System.out.println("relaying");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        }
        // Die without any shutdown hook or flush: like kill -9.
        Runtime.getRuntime().halt(137);
    }
}
