package net.nym.tokenomics.rewards.application;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.nym.tokenomics.eventlog.command.SnapshotCodec;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.rewards.domain.Delegation;
import net.nym.tokenomics.rewards.domain.DelegationKey;
import net.nym.tokenomics.rewards.domain.LedgerGlobals;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.NodeBond;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.domain.PendingEpochEvent;
import net.nym.tokenomics.rewards.domain.PendingIntervalEvent;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The snapshot format of {@link LedgerView} (docs/adr/0011): the ledger aggregate (globals, every node, every
 * delegation, the queued epoch and interval events, every balance (format 2, issue 15); the owner and identity lookups are derived from the nodes again),
 * the stream version, the registry facts of {@code NodeBonded} and the digest published for each epoch. The history
 * (rewards per epoch and node, delegation changes) is in PostgreSQL (ADR 0012) and not in it. The domain records are
 * written as the log writes them ({@link LedgerEventCodec#mapper()}: canonical JSON, decimals as strings, the log's
 * type ids, and one more for {@link NodeBond}); every collection in key order, so the same view always gives the same
 * bytes. Change {@link #FORMAT} whenever one of those records changes.
 *
 * <p>What grows with history: {@code publishedDigests}, one entry per epoch (about 8,760 a year, ~90 bytes each);
 * delegations grow with the network, not its age.
 */
final class LedgerViewCodec implements SnapshotCodec<LedgerView> {

    static final String FORMAT = "rewards-ledger-view/2";

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = NodeBond.Bonded.class, name = "bonded"),
            @JsonSubTypes.Type(value = NodeBond.Unbonding.class, name = "unbonding"),
            @JsonSubTypes.Type(value = NodeBond.Unbonded.class, name = "unbonded")})
    private interface NodeBondMixin { }

    private static final ObjectMapper MAPPER = LedgerEventCodec.mapper().copy()
            .addMixIn(NodeBond.class, NodeBondMixin.class);

    /** {@code globals} is null before the ledger is initialized. */
    record ViewJson(long ledgerVersion, LedgerGlobals globals, List<NodeRecord> nodes, List<Delegation> delegations,
                    List<PendingEpochEvent> pendingEpochEvents, List<PendingIntervalEvent> pendingIntervalEvents,
                    List<BalanceJson> balances, List<RegistrationJson> registry, List<DigestJson> publishedDigests,
                    Long firstDigestMismatch) {
    }

    record BalanceJson(String account, Unym liquid) {
    }

    record RegistrationJson(long nodeId, String host, Integer httpPort, IntegrationEvents.NodeRoles roles) {
    }

    record DigestJson(long epoch, String digest) {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public byte[] encode(LedgerView v) {
        MixnetLedger l = v.ledger;
        ViewJson json = new ViewJson(v.ledgerVersion, l.isInitialized() ? l.globals() : null,
                List.copyOf(l.nodes().values()), List.copyOf(l.delegations().values()),
                List.copyOf(l.pendingEpochEvents().values()), List.copyOf(l.pendingIntervalEvents().values()),
                l.balances().entrySet().stream().map(e -> new BalanceJson(e.getKey(), e.getValue())).toList(),
                new TreeMap<>(v.registry).entrySet().stream().map(e -> new RegistrationJson(e.getKey(),
                        e.getValue().host(), e.getValue().httpPort(), e.getValue().roles())).toList(),
                v.publishedDigests.entrySet().stream().map(e -> new DigestJson(e.getKey(), e.getValue())).toList(),
                v.firstDigestMismatch);
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the rewards ledger view at v" + v.ledgerVersion + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public LedgerView decode(byte[] bytes) {
        ViewJson j;
        try {
            j = MAPPER.readValue(bytes, ViewJson.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + FORMAT + " snapshot: " + e.getMessage(), e);
        }
        TreeMap<Long, NodeRecord> nodes = new TreeMap<>();
        j.nodes().forEach(n -> nodes.put(n.nodeId(), n));
        TreeMap<DelegationKey, Delegation> delegations = new TreeMap<>();
        j.delegations().forEach(d -> delegations.put(d.key(), d));
        TreeMap<Long, PendingEpochEvent> epochEvents = new TreeMap<>();
        j.pendingEpochEvents().forEach(e -> epochEvents.put(e.id(), e));
        TreeMap<Long, PendingIntervalEvent> intervalEvents = new TreeMap<>();
        j.pendingIntervalEvents().forEach(e -> intervalEvents.put(e.id(), e));
        TreeMap<String, Unym> balances = new TreeMap<>();
        j.balances().forEach(b -> balances.put(b.account(), b.liquid()));
        MixnetLedger ledger = MixnetLedger.of(j.globals(), nodes, delegations, epochEvents, intervalEvents, balances);
        Map<Long, LedgerView.Registration> registry = new HashMap<>();
        j.registry().forEach(r -> registry.put(r.nodeId(), new LedgerView.Registration(r.host(), r.httpPort(), r.roles())));
        TreeMap<Long, String> digests = new TreeMap<>();
        j.publishedDigests().forEach(d -> digests.put(d.epoch(), d.digest()));
        return new LedgerView(ledger, j.ledgerVersion(), registry, digests, j.firstDigestMismatch());
    }
}
