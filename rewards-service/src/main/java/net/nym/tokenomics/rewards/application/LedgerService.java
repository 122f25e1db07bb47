package net.nym.tokenomics.rewards.application;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.ConcurrencyPolicy;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.rewards.config.RewardsConfig;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.IntervalClock;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.LedgerRejection;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.persistence.CommandIdempotency;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import net.nym.tokenomics.rewards.persistence.RecordedInput;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;
import net.nym.tokenomics.rewards.readmodel.AccountMovement;
import net.nym.tokenomics.rewards.readmodel.DelegationChange;
import net.nym.tokenomics.rewards.readmodel.EpochTotals;
import net.nym.tokenomics.rewards.readmodel.NodeEpochReward;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application core: commands on the {@code ledger} stream and inputs on the {@code epoch-inputs} stream, each
 * through a {@link CommandHandler} over a cached {@link StreamFold} (catch up → decide → append → evolve).
 *
 * <p><b>Concurrency.</b> {@link ConcurrencyPolicy#optimistic optimistic} with {@value #ATTEMPTS} attempts on both
 * streams: one command at a time in this process (the handler's lock, and for the ledger a lock over a whole closing,
 * see below); across processes the stream's expected
 * version decides, and the loser catches up and decides again, up to {@value #ATTEMPTS} times in all (before issue 13:
 * one retry). The ledger is written rarely (account commands, one closing per epoch), so conflicts are rare and a
 * lock would buy nothing.
 *
 * <p><b>Two folds.</b> {@link LedgerView} is the fold of the ledger stream; {@link PendingInputs} the fold of the
 * inputs stream, which the consumer writes in its own transaction ({@link CommandHandler#decideIn}). Closing an
 * epoch reads the current epoch's inputs through the inputs handler, so it sees committed inputs only.
 *
 * <p><b>Closing an epoch</b> is two decisions in one transaction: the domain events (decided on the fold), then,
 * once they are appended and applied, the integration events built from the state they leave (digest, stake
 * snapshot). Both land in the log at consecutive versions in one commit, exactly as when they were one append; no
 * copy of the ledger is made. Readers see the evolved state from the first append on, a moment before the commit.
 */
@ApplicationScoped
public class LedgerService {

    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(LedgerService.class);

    private final DataSource dataSource;
    private final RewardsConfig config;
    private final Clock clock;
    private final LedgerEventCodec codec = new LedgerEventCodec();
    private final StreamFold<LedgerView> ledgerFold;
    private final CommandHandler<LedgerView> ledger;
    private final StreamFold<PendingInputs> inputsFold;
    private final CommandHandler<PendingInputs> inputs;
    // Serialises this process's writers of the ledger stream over a whole closing (two decisions, one transaction):
    // a command decided between them would refold without the uncommitted closing and then wait on its rows while
    // holding the handler, which the closing needs for its second decision.
    private final ReentrantLock writer = new ReentrantLock();
    // the scheduler's thread only: so that an epoch that stays refused or failing is logged once
    private long lastRefusedEpoch = -1;
    private long lastFailedEpoch = -1;

    /** Integration events to publish with a command's domain events, given those events. */
    @FunctionalInterface
    public interface Publications {
        List<Object> of(List<LedgerEvent> events);

        Publications NONE = events -> List.of();
    }

    /** With snapshots every 1,000 events, the default of {@code eventlog.snapshot.every}. */
    public LedgerService(DataSource dataSource, RewardsConfig config, Clock clock) {
        this(dataSource, config, clock, 1_000);
    }

    /**
     * With snapshots of both folds every {@code snapshotEvery} events of their stream (0: none) in the schema's
     * {@code snapshot} table (docs/adr/0011): a start-up folds only the events after the latest ones the log confirms.
     */
    @Inject
    public LedgerService(DataSource dataSource, RewardsConfig config, Clock clock,
                         @ConfigProperty(name = "eventlog.snapshot.every") long snapshotEvery) {
        this(dataSource, config, clock, LedgerView::new, snapshotEvery);
    }

    /**
     * @param emptyLedger   what the ledger stream folds onto (benchmarks: a ledger set up in memory, not stored)
     * @param snapshotEvery snapshot each fold every so many events of its stream; 0: never
     */
    LedgerService(DataSource dataSource, RewardsConfig config, Clock clock, Supplier<LedgerView> emptyLedger,
                  long snapshotEvery) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        EventStore store = new EventStore();
        SnapshotStore snapshots = new SnapshotStore(dataSource);
        this.ledgerFold = new StreamFold<>(store, LedgerLog.LEDGER, LedgerView.evolver(codec, emptyLedger))
                .withSnapshots(snapshots, new LedgerViewCodec(), snapshotEvery);
        this.ledger = new CommandHandler<>("rewards ledger", dataSource, store, ledgerFold, ConcurrencyPolicy.optimistic(ATTEMPTS));
        this.inputsFold = new StreamFold<>(store, LedgerLog.INPUTS, PendingInputs.evolver(codec, this::openEpoch))
                .withSnapshots(snapshots, new PendingInputsCodec(), snapshotEvery);
        this.inputs = new CommandHandler<>("rewards epoch inputs", dataSource, store, inputsFold,
                ConcurrencyPolicy.optimistic(ATTEMPTS));
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        catchUp();
        if (!read(v -> v.ledger.isInitialized())) {
            initialize();
        } else {
            refuseAnotherNetworkShape();
        }
        read(v -> {
            LOG.infof("rewards ledger loaded: version %d, current epoch %d, %d nodes, %d delegations", v.ledgerVersion,
                    v.ledger.globals().currentEpoch(), v.ledger.nodes().size(), v.ledger.delegations().size());
            return null;
        });
    }

    /** Folds both streams, the ledger's first (the inputs fold keeps only the epochs it has not closed). */
    void catchUp() {
        ledger.catchUp(LedgerLog.LEDGER);
        inputs.catchUp(LedgerLog.INPUTS);
    }

    /** The inputs recorded for {@code epoch}, as the closing reads them. */
    EpochInputs inputsOf(long epoch) {
        return inputsFold.read(p -> p.of(epoch));
    }

    /** See {@link GenesisAgreement}: the configured shape must be the one the log's genesis recorded. */
    private void refuseAnotherNetworkShape() {
        RewardsConfig.Genesis g = config.genesis();
        List<StoredEvent> first = Transactions.inTransaction(dataSource,
                c -> new EventStore().readStreamAfter(c, LedgerLog.LEDGER, 0, 2));
        if (!first.isEmpty() && codec.decode(first.getFirst()) instanceof LedgerEvent.LedgerInitialized genesis) {
            GenesisAgreement.disagreement(genesis, g.epochsInInterval(),
                    new RewardedSetParams(g.entryGateways(), g.exitGateways(), g.mixnodes(), g.standby()))
                    .ifPresent(why -> {
                        throw new IllegalStateException("rewards-service refuses to start: " + why);
                    });
        }
        if (g.file().isPresent() && first.size() > 1 && codec.decode(first.get(1)) instanceof LedgerEvent.GenesisAllocated logged) {
            GenesisAgreement.allocationDisagreement(logged, allocation(g), g.file().get()).ifPresent(why -> {
                throw new IllegalStateException("rewards-service refuses to start: " + why);
            });
        }
    }

    private void initialize() {
        RewardsConfig.Genesis g = config.genesis();
        LedgerCommand.GenesisAllocation allocation = allocation(g);
        RewardingParams params = RewardingParams.initial(
                Decimal.of(allocation.mixminingPool()), Decimal.parse(g.stakingSupply()),
                Percent.fromPercentageValue(g.stakingSupplyScaleFactorPercent()),
                Percent.fromPercentageValue(g.sybilResistancePercent()), Decimal.parse(g.activeSetWorkFactor()),
                Percent.fromPercentageValue(g.intervalPoolEmissionPercent()),
                new RewardedSetParams(g.entryGateways(), g.exitGateways(), g.mixnodes(), g.standby()),
                g.epochsInInterval(),
                g.feeIncomeEnabled() ? FeeIncomeParams.enabledWithShare(Percent.fromPercentageValue(g.feeIncomeRewardSharePercent()))
                        : FeeIncomeParams.DISABLED);
        LedgerCommand.InitializeLedger command = new LedgerCommand.InitializeLedger(clock.instant(), params,
                ContractSettings.DEFAULT, g.firstEpochStart(), g.epochLength(), allocation);
        Decision<List<LedgerEvent>> decision;
        writer.lock();
        try {
            decision = ledger.decide(LedgerLog.LEDGER, view -> decide(command, view, Publications.NONE, null));
        } finally {
            writer.unlock();
        }
        if (decision instanceof Decision.Rejected<List<LedgerEvent>> r) {
            // another instance may have initialized the log first
            if (!(r.rejection() instanceof LedgerRejection.AlreadyInitialized)) {
                throw new IllegalStateException("invalid rewards.genesis configuration: " + r.rejection().field() + ": "
                        + r.rejection().reason());
            }
            return;
        }
        LOG.infof("rewards ledger initialized: total supply %s uNYM, mixmining pool %s uNYM, %d genesis balances (%s), "
                        + "staking supply %s, %d epochs per interval", allocation.totalSupply(), allocation.mixminingPool(),
                allocation.balances().size(), g.file().map(f -> "from " + f).orElse("all to the treasury " + g.treasury()),
                g.stakingSupply(), g.epochsInInterval());
    }

    /**
     * The genesis allocation: the genesis file's ({@code rewards.genesis.file}), or, without one, the whole
     * {@code rewards.genesis.total-supply} less the reward pool in the treasury's account.
     */
    static LedgerCommand.GenesisAllocation allocation(RewardsConfig.Genesis g) {
        if (g.file().isPresent()) {
            try {
                return GenesisFile.read(java.nio.file.Path.of(g.file().get()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException("rewards-service refuses to start: " + bad.getMessage(), bad);
            }
        }
        java.math.BigInteger total = new java.math.BigInteger(g.totalSupply());
        return LedgerCommand.GenesisAllocation.treasuryHolding(total, Decimal.parse(g.rewardPool()), g.treasury());
    }

    /** A fresh fold of the stored ledger stream, digests checked (what a rebuild or an audit does). */
    public static LedgerView fold(DataSource dataSource) {
        return Transactions.inTransaction(dataSource, c -> StreamFold.foldWhole(new EventStore(), c, LedgerLog.LEDGER,
                LedgerView.evolver(new LedgerEventCodec(), LedgerView::new)));
    }

    /** A query against the state after the last applied event. */
    public <T> T read(Function<LedgerView, T> query) {
        return ledgerFold.read(query);
    }

    private long openEpoch() {
        return read(v -> v.ledger.isInitialized() ? v.ledger.globals().currentEpoch() : Long.MIN_VALUE);
    }

    /**
     * The time an account or admin command is decided at. The ledger's clock is logical (it moves only when an epoch
     * is closed), so the wall clock is kept inside the current epoch: a command is always "during" the epoch the
     * ledger is in, and queued changes land at that epoch's (or interval's) end.
     */
    public Instant commandTime() {
        IntervalClock c = read(v -> v.ledger.globals().clock());
        Instant now = clock.instant();
        Instant last = c.currentEpochEnd().minusMillis(1);
        return now.isBefore(c.currentEpochStart()) ? c.currentEpochStart() : now.isAfter(last) ? last : now;
    }

    /**
     * Decides and records a command with the integration events it publishes; returns its domain events, or throws
     * {@link RejectedException} carrying the {@link LedgerRejection} (nothing recorded).
     */
    public List<LedgerEvent> execute(LedgerCommand command, Publications publications) {
        writer.lock();
        try {
            return ledger.execute(LedgerLog.LEDGER, view -> decide(command, view, publications, null));
        } finally {
            writer.unlock();
        }
    }

    /** How a command sent with an idempotency key is answered: from its events and the current epoch's end. */
    public interface Replies {
        CommandIdempotency.Reply of(List<LedgerEvent> events, Instant currentEpochEnd);
    }

    /** What a command sent with an idempotency key did: applied now, or answered with its first outcome. */
    public sealed interface Once {
        record Applied(CommandIdempotency.Reply reply) implements Once { }

        record Replayed(CommandIdempotency.Reply reply) implements Once { }
    }

    /**
     * Executes a command at most once per (account, idempotency key): the first time it is decided and recorded with its
     * answer in the same transaction; again with the same request, the first answer is returned and nothing is recorded;
     * with another request (another fingerprint) it is refused (409 {@code idempotency_key_reused}). A refused command
     * records nothing, its key included, so it can be sent again.
     */
    public Once executeOnce(LedgerCommand command, Publications publications, CommandIdempotency.Request request,
                            Replies replies) {
        writer.lock();
        try {
            var recorded = Transactions.inTransaction(dataSource,
                    c -> CommandIdempotency.find(c, request.account(), request.key()));
            if (recorded.isPresent()) {
                if (!recorded.get().fingerprint().equals(request.fingerprint())) {
                    throw RejectedException.of(net.nym.tokenomics.eventlog.api.ErrorKind.CONFLICT, "idempotency_key_reused",
                            "idempotency_key", "this Idempotency-Key was first sent with another request; use a new key");
                }
                return new Once.Replayed(recorded.get().reply());
            }
            CommandIdempotency.Reply[] reply = new CommandIdempotency.Reply[1];
            ledger.execute(LedgerLog.LEDGER, view -> decide(command, view, publications, (c, events) -> {
                reply[0] = replies.of(events, view.ledger.globals().clock().currentEpochEnd());
                Instant now = clock.instant();
                CommandIdempotency.record(c, request, reply[0], now, now.minus(IDEMPOTENCY_RETENTION));
            }));
            return new Once.Applied(reply[0]);
        } finally {
            writer.unlock();
        }
    }

    /** How long an idempotency key is remembered: a client retries within minutes, a day is ample. */
    public static final java.time.Duration IDEMPOTENCY_RETENTION = java.time.Duration.ofHours(24);

    private interface AlsoRecord {
        void write(Connection c, List<LedgerEvent> events) throws SQLException;
    }

    private Decision<List<LedgerEvent>> decide(LedgerCommand command, LedgerView view, Publications publications,
                                               AlsoRecord also) {
        return switch (LedgerDecider.decide(command, view.ledger)) {
            case net.nym.tokenomics.rewards.domain.Decision.Rejected r -> Decision.reject(r.rejection());
            case net.nym.tokenomics.rewards.domain.Decision.Accepted a -> {
                List<Object> all = new ArrayList<>(a.events());
                all.addAll(publications.of(a.events()));
                // in the command's own transaction: a conflict rolls these rows back with the append
                List<DelegationChange> changes = HistoryRows.delegationChanges(view.ledger, view.ledgerVersion, a.events());
                List<AccountMovement> movements = HistoryRows.accountMovements(view.ledger, view.ledgerVersion, a.events());
                yield Decision.accept(pending(all), c -> {
                    RewardHistoryTables.putDelegationChanges(c, changes);
                    RewardHistoryTables.putAccountMovements(c, movements);
                    if (also != null) {
                        also.write(c, a.events());
                    }
                }, a.events());
            }
        };
    }

    private List<Decision.Pending> pending(List<?> events) {
        List<Decision.Pending> out = new ArrayList<>(events.size());
        for (Object e : events) {
            out.add(new Decision.Pending(codec.encode(UUID.randomUUID(), e), e));
        }
        return out;
    }

    // ------------------------------------------------------------------ epoch inputs and closing

    /**
     * Records an input received by the consumer, inside the consumer's transaction (with its inbox record). Returns
     * false when it changes nothing: its epoch is closed, or an input of its kind is already recorded for it.
     */
    public boolean recordInput(Connection c, StoredEvent source, RecordedInput input, String consumer) throws SQLException {
        long open = openEpoch();
        Decision<Boolean> decision = inputs.decideIn(c, LedgerLog.INPUTS, pending -> {
            if (input.epochId() < open || pending.has(input)) {
                return Decision.none(false);
            }
            NewEvent event = codec.encode(UUID.randomUUID(), input).causedBy(consumer, source.eventId());
            return Decision.accept(List.of(new Decision.Pending(event, input)), true);
        });
        boolean recorded = decision instanceof Decision.Accepted<Boolean> a && a.result();
        if (!recorded) {
            LOG.debugf("ignoring %s for epoch %d: already closed or already recorded", source.eventType(), input.epochId());
        }
        return recorded;
    }

    /**
     * Closes every epoch, in order, whose four inputs are recorded, from the current one on; inputs for a later epoch
     * wait until the ledger reaches it. Returns the number of epochs closed.
     */
    public int closeReadyEpochs() {
        writer.lock();
        try {
            ledger.catchUp(LedgerLog.LEDGER);
            int closed = 0;
            while (true) {
                long epoch = openEpoch();
                EpochInputs in = inputs.execute(LedgerLog.INPUTS, CommandHandler.query(p -> p.of(epoch)));
                if (!in.complete() || !closeEpoch(epoch, in)) {
                    return closed;
                }
                closed++;
            }
        } finally {
            writer.unlock();
        }
    }

    /**
     * The close decision's outcome: its domain events, the version they follow and the history rows they add (computed
     * from the state before them); or why no command could be built.
     */
    private record Closing(List<LedgerEvent> events, long after, List<NodeEpochReward> nodeRewards,
                           List<DelegationChange> delegationChanges, List<AccountMovement> accountMovements,
                           RuntimeException unbuildable) {
    }

    /**
     * A domain rejection is logged once per epoch as "cannot be rewarded" and the epoch waits (new inputs do not
     * replace recorded ones, so it stays refused). Anything else is a fault: logged with its stack trace (once per
     * epoch), nothing recorded, and the epoch is tried again at the next pass.
     */
    private boolean closeEpoch(long epoch, EpochInputs in) {
        Decision<Closing> decision;
        long started = System.nanoTime();
        long[] rowsNanos = new long[1];
        try {
            decision = Transactions.inTransaction(dataSource, c -> {
                Decision<Closing> d = ledger.decideIn(c, LedgerLog.LEDGER, view -> closing(view, epoch, in));
                if (d instanceof Decision.Accepted<Closing> a && a.result().unbuildable() == null) {
                    Closing done = a.result();
                    long expected = done.after() + done.events().size();
                    Decision<EpochTotals> published = ledger.decideIn(c, LedgerLog.LEDGER,
                            view -> publications(view, epoch, done.events(), expected));
                    // the history rows after both appends, in their transaction: a decision decided again after a
                    // conflict is the one whose rows are written
                    long rowsStarted = System.nanoTime();
                    RewardHistoryTables.putNodeRewards(c, epoch, done.nodeRewards());
                    RewardHistoryTables.putDelegationChanges(c, done.delegationChanges());
                    RewardHistoryTables.putAccountMovements(c, done.accountMovements());
                    RewardHistoryTables.putEpoch(c, ((Decision.Accepted<EpochTotals>) published).result());
                    rowsNanos[0] = System.nanoTime() - rowsStarted;
                }
                return d;
            });
        } catch (RuntimeException failure) {
            fault(epoch, failure);
            return false;
        }
        if (decision instanceof Decision.Rejected<Closing> r) {
            if (lastRefusedEpoch != epoch) {
                LOG.errorf("epoch %d cannot be rewarded: %s: %s", epoch, r.rejection().field(), r.rejection().reason());
                lastRefusedEpoch = epoch;
            }
            return false;
        }
        Closing done = ((Decision.Accepted<Closing>) decision).result();
        if (done.unbuildable() != null) {
            fault(epoch, done.unbuildable());
            return false;
        }
        LedgerEvent.EpochRewarded rewarded = (LedgerEvent.EpochRewarded) done.events().getFirst();
        LOG.infof("epoch %d rewarded: %d nodes in the set, distributed %s of %s, unclaimed %s%s (%d events, %d history "
                        + "rows, closed in %d ms of which the rows %d ms)", epoch, rewarded.nodes().size(),
                rewarded.distributed(), rewarded.budget().total(), rewarded.unclaimed(),
                done.events().stream().anyMatch(e -> e instanceof LedgerEvent.IntervalRolledOver) ? ", interval rolled over" : "",
                done.events().size(), done.nodeRewards().size() + done.delegationChanges().size() + done.accountMovements().size(),
                (System.nanoTime() - started) / 1_000_000, rowsNanos[0] / 1_000_000);
        return true;
    }

    private Decision<Closing> closing(LedgerView view, long epoch, EpochInputs in) {
        LedgerCommand.CloseEpoch command;
        try {
            command = EpochRewarding.closeCommand(view.ledger, epoch, in);
        } catch (RuntimeException unbuildable) {
            // handed back rather than thrown: nothing changed, so the fold stays valid and is not refolded
            return Decision.none(new Closing(List.of(), view.ledgerVersion, List.of(), List.of(), List.of(), unbuildable));
        }
        return switch (LedgerDecider.decide(command, view.ledger)) {
            case net.nym.tokenomics.rewards.domain.Decision.Rejected r -> Decision.reject(r.rejection());
            case net.nym.tokenomics.rewards.domain.Decision.Accepted a -> {
                LedgerEvent.EpochRewarded rewarded = (LedgerEvent.EpochRewarded) a.events().getFirst();
                yield Decision.accept(pending(a.events()), new Closing(a.events(), view.ledgerVersion,
                        HistoryRows.nodeRewards(view.ledger, rewarded),
                        HistoryRows.delegationChanges(view.ledger, view.ledgerVersion, a.events()),
                        HistoryRows.accountMovements(view.ledger, view.ledgerVersion, a.events()), null));
            }
        };
    }

    /**
     * The integration events of a closing, from the state its domain events (appended at {@code expected}) left; the
     * result is the epoch's totals row.
     */
    private Decision<EpochTotals> publications(LedgerView view, long epoch, List<LedgerEvent> events, long expected) {
        if (view.ledgerVersion != expected) {
            throw new IllegalStateException("the closing of epoch " + epoch + " left the ledger at version " + expected
                    + ", but the state is at " + view.ledgerVersion);
        }
        List<Object> published = EpochRewarding.publications(view.ledger, epoch, events);
        IntegrationEvents.EpochRewarded rewarded = (IntegrationEvents.EpochRewarded) published.getFirst();
        EpochTotals totals = HistoryRows.epochTotals(view.ledger, (LedgerEvent.EpochRewarded) events.getFirst(),
                events.stream().anyMatch(e -> e instanceof LedgerEvent.IntervalRolledOver), rewarded.stateDigest());
        return Decision.accept(pending(published), totals);
    }

    private void fault(long epoch, RuntimeException failure) {
        if (lastFailedEpoch != epoch) {
            LOG.errorf(failure, "closing epoch %d failed; nothing was recorded, it is tried again at the next pass", epoch);
            lastFailedEpoch = epoch;
        } else {
            LOG.debugf("closing epoch %d failed again: %s", epoch, failure);
        }
    }

    public IntegrationEvents.NodeBonded nodeBondedFact(LedgerEvent.NodeBonded e, String host, Integer httpPort,
                                                       IntegrationEvents.NodeRoles roles) {
        return new IntegrationEvents.NodeBonded(e.nodeId(), e.owner(), e.identityKey(), host, httpPort, roles, e.pledge(), e.epoch());
    }
}
