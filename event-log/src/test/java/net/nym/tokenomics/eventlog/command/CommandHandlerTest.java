package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.store.WrongExpectedVersionException;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one write path against the real PostgreSQL: decisions, rejections, faults, both concurrency policies. */
class CommandHandlerTest {

    private static final String STREAM = "accounts";
    private static final EventCodec CODEC = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);
    private static final Rejection OVERDRAWN = Rejection.of(ErrorKind.CONFLICT, "overdrawn", "amount", "the balance cannot cover it");

    /** Balances and how many events made them: the state the deciders see. */
    static final class Balances {
        final TreeMap<String, Decimal> byAccount = new TreeMap<>();
        long events;
        int decodedFromLog;

        void apply(Deposited d) {
            byAccount.merge(d.account(), d.amount(), Decimal::plus);
            events++;
        }
    }

    private static final StreamFold.Evolver<Balances> EVOLVER = StreamFold.evolver(Balances::new,
            (s, e) -> {
                s.decodedFromLog++;
                s.apply(CODEC.decode(e, Deposited.class));
            },
            (s, version, p) -> s.apply((Deposited) p.decoded()));

    private final EventStore store = new EventStore();

    private CommandHandler<Balances> handler(DataSource ds, ConcurrencyPolicy policy) {
        return new CommandHandler<>("test", ds, store, new StreamFold<>(store, STREAM, EVOLVER), policy);
    }

    private static Decision.Pending deposit(String account, String amount) {
        Deposited d = new Deposited(account, Decimal.parse(amount));
        return new Decision.Pending(CODEC.encode(UUID.randomUUID(), d), d);
    }

    /** Deposits, or refuses a withdrawal-like negative amount the balance cannot cover (as a decider would). */
    private static CommandHandler.Decider<Balances, Decimal> credit(String account, String amount) {
        return s -> Decision.accept(List.of(deposit(account, amount)),
                s.byAccount.getOrDefault(account, Decimal.ZERO).plus(Decimal.parse(amount)));
    }

    private Balances freshFold(DataSource ds) {
        return Transactions.inTransaction(ds, c -> StreamFold.foldWhole(store, c, STREAM, EVOLVER));
    }

    private static Decimal balance(CommandHandler<Balances> h, String account) {
        return ((StreamFold<Balances>) h.folded()).read(s -> s.byAccount.get(account));
    }

    private long count(DataSource ds) {
        return Transactions.inTransaction(ds, store::count);
    }

    @Test
    void anAcceptedCommandIsAppendedAndEvolvedAndTheCacheIsNotReadAgain() {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> h = handler(ds, ConcurrencyPolicy.optimistic(3));
        assertThat(h.execute(STREAM, credit("a", "1.5"))).isEqualTo(Decimal.parse("1.5"));
        assertThat(h.execute(STREAM, credit("a", "2"))).isEqualTo(Decimal.parse("3.5"));
        StreamFold<Balances> fold = (StreamFold<Balances>) h.folded();
        assertThat(fold.version()).isEqualTo(2);
        TreeMap<String, Decimal> cached = fold.read(s -> new TreeMap<>(s.byAccount));
        assertThat(cached).isEqualTo(freshFold(ds).byAccount);
        // the second command found the head where the first left it: nothing was read back from the log
        int readBack = fold.read(s -> s.decodedFromLog);
        assertThat(readBack).isZero();
    }

    @Test
    void aRejectionRecordsNothingAndCarriesItsKind() {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> h = handler(ds, ConcurrencyPolicy.optimistic(3));
        h.execute(STREAM, credit("a", "1"));
        assertThatThrownBy(() -> h.execute(STREAM, s -> Decision.reject(OVERDRAWN)))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(OVERDRAWN);
                    assertThat(e.rejection().kind().status()).isEqualTo(409);
                });
        assertThat(h.decide(STREAM, s -> Decision.<Decimal>reject(OVERDRAWN))).isInstanceOf(Decision.Rejected.class);
        assertThat(count(ds)).isEqualTo(1);
    }

    @Test
    void aFaultInTheEffectsRollsEverythingBackAndPropagatesUnchanged() {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> h = handler(ds, ConcurrencyPolicy.optimistic(3));
        h.execute(STREAM, credit("a", "1"));
        IllegalStateException fault = new IllegalStateException("index and log disagree");
        assertThatThrownBy(() -> h.execute(STREAM, s -> Decision.accept(List.of(deposit("a", "5")), c -> {
            throw fault;
        }, null))).isSameAs(fault);
        assertThat(count(ds)).isEqualTo(1);
        assertThat(h.execute(STREAM, credit("a", "1"))).isEqualTo(Decimal.parse("2"));
    }

    @Test
    void anotherProcessesWritesAreCaughtUpBeforeDeciding() {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> one = handler(ds, ConcurrencyPolicy.optimistic(3));
        CommandHandler<Balances> two = handler(ds, ConcurrencyPolicy.optimistic(3));
        one.execute(STREAM, credit("a", "1"));
        two.execute(STREAM, credit("a", "10"));
        one.execute(STREAM, credit("a", "100"));
        assertThat(two.execute(STREAM, credit("a", "1000"))).isEqualTo(Decimal.parse("1111"));
        assertThat(balance(one, "a")).isEqualTo(Decimal.parse("111"));
    }

    @Test
    void optimisticWritersThatLoseARaceDecideAgainAndNothingIsLost() throws Exception {
        DataSource ds = LocalInfra.freshSchema("cmd");
        List<CommandHandler<Balances>> processes = List.of(handler(ds, ConcurrencyPolicy.optimistic(50)),
                handler(ds, ConcurrencyPolicy.optimistic(50)), handler(ds, ConcurrencyPolicy.optimistic(50)));
        runConcurrently(processes, 15);
        Balances folded = freshFold(ds);
        assertThat(folded.events).isEqualTo(45);
        assertThat(folded.byAccount.get("a")).isEqualTo(Decimal.parse("45"));
    }

    @Test
    void singleWritersNeverConflict() throws Exception {
        DataSource ds = LocalInfra.freshSchema("cmd");
        List<CommandHandler<Balances>> processes = List.of(handler(ds, ConcurrencyPolicy.singleWriter()),
                handler(ds, ConcurrencyPolicy.singleWriter()), handler(ds, ConcurrencyPolicy.singleWriter()));
        // one attempt only: a conflict would fail the command, so every command must have decided on current state
        runConcurrently(processes, 15);
        List<StoredEvent> log = Transactions.inTransaction(ds, c -> store.readStream(c, STREAM));
        assertThat(log).extracting(StoredEvent::streamVersion).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 45).boxed().toList());
    }

    /** Each process deposits 1 into "a" n times; each decision also checks it saw every earlier event (events == version). */
    private void runConcurrently(List<CommandHandler<Balances>> processes, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processes.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CommandHandler<Balances> h : processes) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        h.execute(STREAM, s -> {
                            if (s.events != h.folded().version(STREAM)) {
                                throw new AssertionError("decided on a state that is not the fold of its version");
                            }
                            return Decision.accept(List.of(deposit("a", "1")), null);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriterThatKeepsLosingGivesUpAfterItsAttempts() {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> h = handler(ds, ConcurrencyPolicy.optimistic(3));
        AtomicInteger decided = new AtomicInteger();
        assertThatThrownBy(() -> h.execute(STREAM, s -> {
            decided.incrementAndGet();
            // another writer commits at the version this decision expects
            Transactions.inTransaction(ds, c -> store.append(c, STREAM, s.events, List.of(deposit("b", "1").event())));
            return Decision.accept(List.of(deposit("a", "1")), null);
        })).isInstanceOf(WrongExpectedVersionException.class);
        assertThat(decided.get()).isEqualTo(3);
        assertThat(freshFold(ds).byAccount).doesNotContainKey("a");
    }

    @Test
    void aCallersRolledBackTransactionIsNotKeptInTheCachedState() throws SQLException {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> h = handler(ds, ConcurrencyPolicy.optimistic(3));
        h.execute(STREAM, credit("a", "1"));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Decision<Decimal> d = h.decideIn(c, STREAM, credit("a", "5"));
            assertThat(d).isInstanceOf(Decision.Accepted.class);
            assertThat(balance(h, "a")).isEqualTo(Decimal.parse("6"));
            c.rollback();
        }
        // the head is not the event the cache applied last: the next command refolds from the log
        assertThat(h.execute(STREAM, credit("a", "1"))).isEqualTo(Decimal.parse("2"));
        assertThat(freshFold(ds).byAccount.get("a")).isEqualTo(Decimal.parse("2"));
    }

    @Test
    void aSingleWriterInACallersTransactionHoldsTheLockUntilItCommits() throws Exception {
        DataSource ds = LocalInfra.freshSchema("cmd");
        CommandHandler<Balances> first = handler(ds, ConcurrencyPolicy.singleWriter());
        CommandHandler<Balances> second = handler(ds, ConcurrencyPolicy.singleWriter());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            first.decideIn(c, STREAM, credit("a", "1"));
            Future<Decimal> waiting = pool.submit(() -> second.execute(STREAM, credit("a", "10")));
            Thread.sleep(300);
            assertThat(waiting).as("blocked behind the first writer's lock").isNotDone();
            c.commit();
            assertThat(waiting.get()).isEqualTo(Decimal.parse("11"));
        } finally {
            pool.shutdownNow();
        }
    }
}
