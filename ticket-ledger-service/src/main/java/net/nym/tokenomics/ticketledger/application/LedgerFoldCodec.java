package net.nym.tokenomics.ticketledger.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.nym.tokenomics.eventlog.command.SnapshotCodec;
import net.nym.tokenomics.ticketledger.domain.ledger.DoubleSpendAttempt;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayRegistration;
import net.nym.tokenomics.ticketledger.domain.ledger.IdempotencyRef;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.SpentTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;
import net.nym.tokenomics.ticketledger.persistence.CompactBatch;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The snapshot format of {@link LedgerFold} (docs/adr/0011): the fold's version, its close-digest chain (the last
 * digest, the digests of closes not yet followed by their published record, the first mismatch) and every part of
 * the {@link LedgerState} ({@link LedgerState.Parts}): the double-spend index with its by-spend-date index, double-spend
 * attempts, the open epochs' usage, the idempotency records (each with its batch in the log's compact form, since a
 * resubmission is answered with it) and their by-date index, the gateway registry both ways, the last closed epoch and
 * the expiry dates. Canonical JSON with the ledger's own value encodings ({@link LedgerEventCodec#mapper()}: Base58
 * serials and keys, decimals as strings); maps are written in key order and lists in the state's order, so the same
 * fold always gives the same bytes.
 *
 * <p>The index of spent serials is the bulk of it and is not bounded by epochs: it holds every serial of the last
 * {@code spend-window + ticketbook-validity} days (14), until expiry forgets them. Plain records stand between the
 * state and the JSON where the state's own types are not in the log already; change {@link #FORMAT} with them.
 */
final class LedgerFoldCodec implements SnapshotCodec<LedgerFold> {

    static final String FORMAT = "ticket-ledger-fold/1";

    record FoldJson(long version, String lastCloseDigest, String firstDigestMismatch,
                    List<CloseDigestJson> unpublishedCloseDigests, List<SpentJson> spent,
                    List<AttemptsJson> doubleSpendAttempts, List<DateSerialsJson> serialsBySpendDate,
                    List<EpochUsageJson> usageByEpoch, List<IdempotencyJson> idempotency,
                    List<DateKeysJson> idempotencyByDate, List<RegistrationJson> gateways,
                    List<IdentityJson> nodeByIdentity, Long lastClosedEpoch, LocalDate expiredBefore,
                    LocalDate spendDateFloor) {
    }

    record CloseDigestJson(long epoch, String digest) {
    }

    record SpentJson(TicketSerial serial, long gatewayNodeId, GatewayIdentity gateway, long epoch, TicketType type,
                     LocalDate spendDate, Instant firstSeenAt, String batchId) {
    }

    record AttemptJson(long gatewayNodeId, GatewayIdentity gateway, long epoch, Instant at, String batchId) {
    }

    record AttemptsJson(TicketSerial serial, List<AttemptJson> attempts) {
    }

    record DateSerialsJson(LocalDate date, List<TicketSerial> serials) {
    }

    record EpochUsageJson(long epoch, List<GatewayEpochUsage> gateways) {
    }

    record IdempotencyJson(GatewayIdentity gateway, String key, String bodyFingerprint, LocalDate recordedOn,
                           CompactBatch batch) {
    }

    record KeyJson(GatewayIdentity gateway, String key) {
    }

    record DateKeysJson(LocalDate date, List<KeyJson> keys) {
    }

    record RegistrationJson(long nodeId, GatewayIdentity identity, boolean bonded) {
    }

    record IdentityJson(GatewayIdentity identity, long nodeId) {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public byte[] encode(LedgerFold fold) {
        LedgerState.Parts p = fold.state().parts();
        FoldJson json = new FoldJson(fold.version(), fold.lastCloseDigest(), fold.firstDigestMismatch(),
                fold.unpublishedCloseDigests().entrySet().stream()
                        .map(e -> new CloseDigestJson(e.getKey(), e.getValue())).toList(),
                p.spent().entrySet().stream().map(e -> spent(e.getKey(), e.getValue())).toList(),
                p.doubleSpendAttempts().entrySet().stream().map(e -> new AttemptsJson(e.getKey(),
                        e.getValue().stream().map(a -> new AttemptJson(a.gatewayNodeId(), a.gateway(), a.epoch(), a.at(),
                                a.batchId())).toList())).toList(),
                p.serialsBySpendDate().entrySet().stream()
                        .map(e -> new DateSerialsJson(e.getKey(), e.getValue())).toList(),
                p.usageByEpoch().entrySet().stream()
                        .map(e -> new EpochUsageJson(e.getKey(), List.copyOf(e.getValue().values()))).toList(),
                p.idempotency().entrySet().stream().map(e -> new IdempotencyJson(e.getKey().gateway(), e.getKey().key(),
                        e.getValue().bodyFingerprint(), e.getValue().recordedOn(), CompactBatch.of(e.getValue().event())))
                        .toList(),
                p.idempotencyByDate().entrySet().stream().map(e -> new DateKeysJson(e.getKey(),
                        e.getValue().stream().map(r -> new KeyJson(r.gateway(), r.key())).toList())).toList(),
                p.gateways().values().stream().map(g -> new RegistrationJson(g.nodeId(), g.identity(), g.bonded())).toList(),
                p.nodeByIdentity().entrySet().stream().map(e -> new IdentityJson(e.getKey(), e.getValue())).toList(),
                p.lastClosedEpoch().isPresent() ? p.lastClosedEpoch().getAsLong() : null,
                p.expiredBefore().orElse(null), p.spendDateFloor().orElse(null));
        try {
            return LedgerEventCodec.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the ledger fold at v" + fold.version() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public LedgerFold decode(byte[] bytes) {
        FoldJson j;
        try {
            j = LedgerEventCodec.mapper().readValue(bytes, FoldJson.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + FORMAT + " snapshot: " + e.getMessage(), e);
        }
        TreeMap<TicketSerial, SpentTicket> spent = new TreeMap<>();
        j.spent().forEach(s -> spent.put(s.serial(), new SpentTicket(s.gatewayNodeId(), s.gateway(), s.epoch(), s.type(),
                s.spendDate(), s.firstSeenAt(), s.batchId())));
        TreeMap<TicketSerial, List<DoubleSpendAttempt>> attempts = new TreeMap<>();
        j.doubleSpendAttempts().forEach(a -> attempts.put(a.serial(), a.attempts().stream()
                .map(x -> new DoubleSpendAttempt(x.gatewayNodeId(), x.gateway(), x.epoch(), x.at(), x.batchId())).toList()));
        TreeMap<LocalDate, List<TicketSerial>> bySpendDate = new TreeMap<>();
        j.serialsBySpendDate().forEach(d -> bySpendDate.put(d.date(), d.serials()));
        TreeMap<Long, SortedMap<Long, GatewayEpochUsage>> usage = new TreeMap<>();
        j.usageByEpoch().forEach(u -> {
            TreeMap<Long, GatewayEpochUsage> byGateway = new TreeMap<>();
            u.gateways().forEach(g -> byGateway.put(g.gatewayNodeId(), g));
            usage.put(u.epoch(), byGateway);
        });
        TreeMap<IdempotencyRef, LedgerState.IdempotencyRecord> idempotency = new TreeMap<>();
        j.idempotency().forEach(i -> idempotency.put(new IdempotencyRef(i.gateway(), i.key()),
                new LedgerState.IdempotencyRecord(i.bodyFingerprint(), i.recordedOn(), i.batch().expand())));
        TreeMap<LocalDate, List<IdempotencyRef>> keysByDate = new TreeMap<>();
        j.idempotencyByDate().forEach(d -> keysByDate.put(d.date(),
                d.keys().stream().map(k -> new IdempotencyRef(k.gateway(), k.key())).toList()));
        TreeMap<Long, GatewayRegistration> gateways = new TreeMap<>();
        j.gateways().forEach(g -> gateways.put(g.nodeId(), new GatewayRegistration(g.nodeId(), g.identity(), g.bonded())));
        TreeMap<GatewayIdentity, Long> nodeByIdentity = new TreeMap<>();
        j.nodeByIdentity().forEach(i -> nodeByIdentity.put(i.identity(), i.nodeId()));
        LedgerState state = LedgerState.of(new LedgerState.Parts(spent, attempts, bySpendDate, usage, idempotency,
                keysByDate, gateways, nodeByIdentity,
                j.lastClosedEpoch() == null ? OptionalLong.empty() : OptionalLong.of(j.lastClosedEpoch()),
                Optional.ofNullable(j.expiredBefore()), Optional.ofNullable(j.spendDateFloor())));
        TreeMap<Long, String> unpublished = new TreeMap<>();
        j.unpublishedCloseDigests().forEach(d -> unpublished.put(d.epoch(), d.digest()));
        return new LedgerFold(state, unpublished, j.lastCloseDigest(), j.firstDigestMismatch(), j.version());
    }

    private static SpentJson spent(TicketSerial serial, SpentTicket t) {
        return new SpentJson(serial, t.gatewayNodeId(), t.gateway(), t.epoch(), t.type(), t.spendDate(), t.firstSeenAt(),
                t.batchId());
    }
}
