package net.nym.tokenomics.rewards.application;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.store.WrongExpectedVersionException;
import net.nym.tokenomics.rewards.config.RewardsConfig;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.Decision;
import net.nym.tokenomics.rewards.domain.IntervalClock;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import net.nym.tokenomics.rewards.persistence.RecordedInput;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The application core: load the log, fold it, decide, append, evolve. One writer at a time in this process (a lock);
 * across processes the {@code ledger} stream's optimistic concurrency decides, and the loser reloads from the log and
 * retries once. Readers see the in-memory fold under a read lock; it is updated only after a successful append.
 */
@ApplicationScoped
public class LedgerService {

    private static final Logger LOG = Logger.getLogger(LedgerService.class);

    private final DataSource dataSource;
    private final RewardsConfig config;
    private final Clock clock;
    private final EventStore store = new EventStore();
    private final LedgerEventCodec codec = new LedgerEventCodec();
    private final ReentrantLock writer = new ReentrantLock();
    private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
    private LedgerView view = new LedgerView();

    /** Integration events to publish with a command's domain events, given those events. */
    @FunctionalInterface
    public interface Publications {
        List<Object> of(List<LedgerEvent> events);

        Publications NONE = events -> List.of();
    }

    public LedgerService(DataSource dataSource, RewardsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        writer.lock();
        try {
            reload();
            if (!view.ledger.isInitialized()) {
                initialize();
            }
            LOG.infof("rewards ledger loaded: version %d, current epoch %d, %d nodes, %d delegations", view.ledgerVersion,
                    view.ledger.globals().currentEpoch(), view.ledger.nodes().size(), view.ledger.delegations().size());
        } finally {
            writer.unlock();
        }
    }

    private void initialize() {
        RewardsConfig.Genesis g = config.genesis();
        RewardingParams params = RewardingParams.initial(
                Decimal.parse(g.rewardPool()), Decimal.parse(g.stakingSupply()),
                Percent.fromPercentageValue(g.stakingSupplyScaleFactorPercent()),
                Percent.fromPercentageValue(g.sybilResistancePercent()), Decimal.parse(g.activeSetWorkFactor()),
                Percent.fromPercentageValue(g.intervalPoolEmissionPercent()),
                new RewardedSetParams(g.entryGateways(), g.exitGateways(), g.mixnodes(), g.standby()),
                g.epochsInInterval(),
                g.feeIncomeEnabled() ? FeeIncomeParams.enabledWithShare(Percent.fromPercentageValue(g.feeIncomeRewardSharePercent()))
                        : FeeIncomeParams.DISABLED);
        try {
            executeLocked(new LedgerCommand.InitializeLedger(clock.instant(), params, ContractSettings.DEFAULT,
                    g.firstEpochStart(), g.epochLength()), Publications.NONE);
            LOG.infof("rewards ledger initialized from configuration: pool %s, supply %s, %d epochs per interval",
                    g.rewardPool(), g.stakingSupply(), g.epochsInInterval());
        } catch (CommandRejected e) {
            if (!(e.rejection() instanceof net.nym.tokenomics.rewards.domain.LedgerRejection.AlreadyInitialized)) {
                throw new IllegalStateException("invalid rewards.genesis configuration: " + e.getMessage(), e);
            }
        }
    }

    /** Replaces the in-memory state by a fresh fold of the whole log. */
    private void reload() {
        LedgerView fresh = fold(dataSource, codec);
        stateLock.writeLock().lock();
        try {
            view = fresh;
        } finally {
            stateLock.writeLock().unlock();
        }
    }

    /** A fresh fold of the stored log (also what a rebuild or an audit does). */
    public static LedgerView fold(DataSource dataSource, LedgerEventCodec codec) {
        LedgerView fresh = new LedgerView();
        fresh.verifyDigests = true;
        Transactions.inTransaction(dataSource, c -> {
            for (StoredEvent e : LedgerLog.readStreamAfter(c, LedgerLog.LEDGER, 0)) {
                fresh.applyLedger(e.streamVersion(), codec.decode(e));
            }
            for (StoredEvent e : LedgerLog.readStreamAfter(c, LedgerLog.INPUTS, 0)) {
                fresh.applyInput(e.streamVersion(), (RecordedInput) codec.decode(e));
            }
            return null;
        });
        fresh.verifyDigests = false;
        if (fresh.firstDigestMismatch != null) {
            LOG.errorf("replay of the rewards log does not reproduce the state digest published for epoch %d",
                    fresh.firstDigestMismatch);
        }
        return fresh;
    }

    /** Replaces the state by one folded elsewhere whose events are not in this log (benchmarks only). */
    void installUnrecordedState(LedgerView state) {
        stateLock.writeLock().lock();
        try {
            view = state;
        } finally {
            stateLock.writeLock().unlock();
        }
    }

    public <T> T read(Function<LedgerView, T> query) {
        stateLock.readLock().lock();
        try {
            return query.apply(view);
        } finally {
            stateLock.readLock().unlock();
        }
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

    /** Decides and records a command; returns its domain events or throws {@link CommandRejected}. */
    public List<LedgerEvent> execute(LedgerCommand command, Publications publications) {
        writer.lock();
        try {
            return executeLocked(command, publications);
        } finally {
            writer.unlock();
        }
    }

    private List<LedgerEvent> executeLocked(LedgerCommand command, Publications publications) {
        for (int attempt = 0; ; attempt++) {
            Decision decision = LedgerDecider.decide(command, view.ledger);
            if (decision instanceof Decision.Rejected r) {
                throw new CommandRejected(r.rejection());
            }
            List<LedgerEvent> events = ((Decision.Accepted) decision).events();
            List<Object> all = new ArrayList<>(events);
            all.addAll(publications.of(events));
            try {
                append(all);
                applyAll(all);
                return events;
            } catch (WrongExpectedVersionException conflict) {
                if (attempt > 0) {
                    throw conflict;
                }
                LOG.infof("ledger stream moved on in another process; reloading and retrying");
                reload();
            }
        }
    }

    private void append(List<Object> events) {
        long expected = view.ledgerVersion;
        List<NewEvent> encoded = new ArrayList<>(events.size());
        for (Object e : events) {
            encoded.add(codec.encode(UUID.randomUUID(), e));
        }
        Transactions.inTransaction(dataSource, c -> store.append(c, LedgerLog.LEDGER, expected, encoded));
    }

    private void applyAll(List<Object> events) {
        stateLock.writeLock().lock();
        try {
            long v = view.ledgerVersion;
            for (Object e : events) {
                view.applyLedger(++v, e);
            }
        } finally {
            stateLock.writeLock().unlock();
        }
    }

    // ------------------------------------------------------------------ epoch inputs and closing

    /** Records an input received by the consumer, inside the consumer's transaction (with its inbox record). */
    public boolean recordInput(java.sql.Connection c, StoredEvent source, RecordedInput input, String consumer) throws java.sql.SQLException {
        boolean stale = read(v -> v.ledger.isInitialized() && input.epochId() < v.ledger.globals().currentEpoch()
                || v.inputs.getOrDefault(input.epochId(), EpochInputs.NONE).has(input));
        if (stale) {
            LOG.debugf("ignoring %s for epoch %d: already closed or already recorded", source.eventType(), input.epochId());
            return false;
        }
        long version = store.streamVersion(c, LedgerLog.INPUTS);
        store.append(c, LedgerLog.INPUTS, version, List.of(codec.encode(UUID.randomUUID(), input).causedBy(consumer, source.eventId())));
        return true;
    }

    /**
     * Picks up inputs recorded since the last call and closes every epoch, in order, whose four inputs are present.
     * Inputs for a later epoch are held until the ledger reaches it. Returns the number of epochs closed.
     */
    public int closeReadyEpochs() {
        writer.lock();
        try {
            pollInputs();
            int closed = 0;
            while (true) {
                long epoch = view.ledger.globals().currentEpoch();
                EpochInputs in = view.inputs.get(epoch);
                if (in == null || !in.complete()) {
                    return closed;
                }
                if (!closeEpoch(epoch, in)) {
                    return closed;
                }
                closed++;
            }
        } finally {
            writer.unlock();
        }
    }

    private void pollInputs() {
        List<StoredEvent> fresh = Transactions.inTransaction(dataSource,
                c -> LedgerLog.readStreamAfter(c, LedgerLog.INPUTS, view.inputsVersion));
        if (fresh.isEmpty()) {
            return;
        }
        stateLock.writeLock().lock();
        try {
            for (StoredEvent e : fresh) {
                view.applyInput(e.streamVersion(), (RecordedInput) codec.decode(e));
            }
        } finally {
            stateLock.writeLock().unlock();
        }
    }

    private long lastRefusedEpoch = -1;

    private boolean closeEpoch(long epoch, EpochInputs in) {
        Decision decision;
        try {
            decision = LedgerDecider.decide(EpochRewarding.closeCommand(view.ledger, epoch, in), view.ledger);
        } catch (RuntimeException invalidInput) {
            decision = Decision.reject(new net.nym.tokenomics.rewards.domain.LedgerRejection.InvalidParameters(
                    "rewarded_set", String.valueOf(invalidInput.getMessage())));
        }
        if (decision instanceof Decision.Rejected r) {
            if (lastRefusedEpoch != epoch) {
                LOG.errorf("epoch %d cannot be rewarded: %s: %s", epoch, r.rejection().field(), r.rejection().reason());
                lastRefusedEpoch = epoch;
            }
            return false;
        }
        List<LedgerEvent> events = ((Decision.Accepted) decision).events();
        long before = view.ledgerVersion;
        List<Object> all = new ArrayList<>(events);
        stateLock.writeLock().lock();
        try {
            // The published events describe the state after the epoch: evolve first, append, and reload if the append fails.
            long v = before;
            for (LedgerEvent e : events) {
                view.applyLedger(++v, e);
            }
            List<Object> published = EpochRewarding.publications(view.ledger, epoch, events);
            all.addAll(published);
            List<NewEvent> encoded = new ArrayList<>(all.size());
            for (Object e : all) {
                encoded.add(codec.encode(UUID.randomUUID(), e));
            }
            Transactions.inTransaction(dataSource, c -> store.append(c, LedgerLog.LEDGER, before, encoded));
            v = before + events.size();
            for (Object p : published) {
                view.applyLedger(++v, p);
            }
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "recording the rewards of epoch %d failed; reloading the ledger from the log", epoch);
            stateLock.writeLock().unlock();
            reload();
            return false;
        } finally {
            if (stateLock.writeLock().isHeldByCurrentThread()) {
                stateLock.writeLock().unlock();
            }
        }
        LedgerEvent.EpochRewarded rewarded = (LedgerEvent.EpochRewarded) events.getFirst();
        LOG.infof("epoch %d rewarded: %d nodes in the set, distributed %s of %s, unclaimed %s%s", epoch, rewarded.nodes().size(),
                rewarded.distributed(), rewarded.budget().total(), rewarded.unclaimed(),
                events.stream().anyMatch(e -> e instanceof LedgerEvent.IntervalRolledOver) ? ", interval rolled over" : "");
        return true;
    }

    public IntegrationEvents.NodeBonded nodeBondedFact(LedgerEvent.NodeBonded e, String host, Integer httpPort,
                                                       IntegrationEvents.NodeRoles roles) {
        return new IntegrationEvents.NodeBonded(e.nodeId(), e.owner(), e.identityKey(), host, httpPort, roles, e.pledge(), e.epoch());
    }
}
