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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The snapshot format of {@link LedgerFold} (docs/adr/0011): the fold's version, its close-digest chain (the last
 * digest, the digests of closes not yet followed by their published record, the first mismatch) and every part of
 * the {@link LedgerState} ({@link LedgerState.Parts}): the double-spend index and its by-spend-date index as one list
 * (per spend date, runs of one batch's serials as a space-separated string, about 70 bytes a serial), double-spend
 * attempts, the open epochs' usage, the idempotency records (fingerprint, day and instant: a resubmission's answer
 * is read from the log) and their by-date index, the gateway registry both ways, the last closed epoch and
 * the expiry dates. Canonical JSON with the ledger's own value encodings ({@link LedgerEventCodec#mapper()}: Base58
 * serials and keys, decimals as strings); maps are written in key order and lists in the state's order, so the same
 * fold always gives the same bytes.
 *
 * <p>The index of spent serials is the bulk of it and is not bounded by epochs: it holds every serial of the last
 * {@code spend-window + ticketbook-validity} days (14), until expiry forgets them, as the double-spend check needs. Plain records stand between the
 * state and the JSON where the state's own types are not in the log already; change {@link #FORMAT} with them.
 */
final class LedgerFoldCodec implements SnapshotCodec<LedgerFold> {

    /** 2: an idempotency record is its fingerprint, day and instant, no longer a copy of its batch (issue 14). */
    static final String FORMAT = "ticket-ledger-fold/2";

    record FoldJson(long version, String lastCloseDigest, String firstDigestMismatch,
                    List<CloseDigestJson> unpublishedCloseDigests, List<SpendDateJson> spentBySpendDate,
                    List<AttemptsJson> doubleSpendAttempts,
                    List<EpochUsageJson> usageByEpoch, List<IdempotencyJson> idempotency,
                    List<DateKeysJson> idempotencyByDate, List<RegistrationJson> gateways,
                    List<IdentityJson> nodeByIdentity, Long lastClosedEpoch, LocalDate expiredBefore,
                    LocalDate spendDateFloor) {
    }

    record CloseDigestJson(long epoch, String digest) {
    }

    /**
     * Consecutive serials of one spend date's list that one batch spent: the serials space-separated, in the list's
     * order, and their types as one {@link TicketType#code()} digit each.
     */
    record SpentRunJson(String batchId, long gatewayNodeId, GatewayIdentity gateway, long epoch, Instant firstSeenAt,
                        String serials, String types) {
    }

    /** The double-spend index entries of one spend date, in the order the by-date index lists them. */
    record SpendDateJson(LocalDate date, List<SpentRunJson> runs) {
    }

    record AttemptJson(long gatewayNodeId, GatewayIdentity gateway, long epoch, Instant at, String batchId) {
    }

    record AttemptsJson(TicketSerial serial, List<AttemptJson> attempts) {
    }

    record EpochUsageJson(long epoch, List<GatewayEpochUsage> gateways) {
    }

    record IdempotencyJson(GatewayIdentity gateway, String key, String bodyFingerprint, LocalDate recordedOn,
                           java.time.Instant recordedAt, long epoch) {
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
                spentBySpendDate(p),
                p.doubleSpendAttempts().entrySet().stream().map(e -> new AttemptsJson(e.getKey(),
                        e.getValue().stream().map(a -> new AttemptJson(a.gatewayNodeId(), a.gateway(), a.epoch(), a.at(),
                                a.batchId())).toList())).toList(),
                p.usageByEpoch().entrySet().stream()
                        .map(e -> new EpochUsageJson(e.getKey(), List.copyOf(e.getValue().values()))).toList(),
                p.idempotency().entrySet().stream().map(e -> new IdempotencyJson(e.getKey().gateway(), e.getKey().key(),
                        e.getValue().bodyFingerprint(), e.getValue().recordedOn(), e.getValue().recordedAt(), e.getValue().epoch()))
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
        TreeMap<LocalDate, List<TicketSerial>> bySpendDate = new TreeMap<>();
        spentBySpendDate(j.spentBySpendDate(), spent, bySpendDate);
        TreeMap<TicketSerial, List<DoubleSpendAttempt>> attempts = new TreeMap<>();
        j.doubleSpendAttempts().forEach(a -> attempts.put(a.serial(), a.attempts().stream()
                .map(x -> new DoubleSpendAttempt(x.gatewayNodeId(), x.gateway(), x.epoch(), x.at(), x.batchId())).toList()));
        TreeMap<Long, SortedMap<Long, GatewayEpochUsage>> usage = new TreeMap<>();
        j.usageByEpoch().forEach(u -> {
            TreeMap<Long, GatewayEpochUsage> byGateway = new TreeMap<>();
            u.gateways().forEach(g -> byGateway.put(g.gatewayNodeId(), g));
            usage.put(u.epoch(), byGateway);
        });
        TreeMap<IdempotencyRef, LedgerState.IdempotencyRecord> idempotency = new TreeMap<>();
        j.idempotency().forEach(i -> idempotency.put(new IdempotencyRef(i.gateway(), i.key()),
                new LedgerState.IdempotencyRecord(i.bodyFingerprint(), i.recordedOn(), i.recordedAt(), i.epoch())));
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

    /**
     * The double-spend index and its by-spend-date index in one: every serial once, under its spend date, in the
     * date's list order, with the batch that spent it. The two indexes always hold the same serials (an accepted
     * serial enters both, expiry removes it from both); a state where they differ is refused (not snapshotted).
     */
    private static List<SpendDateJson> spentBySpendDate(LedgerState.Parts p) {
        List<SpendDateJson> out = new ArrayList<>(p.serialsBySpendDate().size());
        long listed = 0;
        for (Map.Entry<LocalDate, List<TicketSerial>> date : p.serialsBySpendDate().entrySet()) {
            List<SpentRunJson> runs = new ArrayList<>();
            SpentTicket first = null;
            StringBuilder serials = new StringBuilder();
            StringBuilder types = new StringBuilder();
            for (TicketSerial serial : date.getValue()) {
                SpentTicket t = p.spent().get(serial);
                if (t == null || !t.spendDate().equals(date.getKey())) {
                    throw new IllegalStateException("serial " + serial.base58() + " is listed under spend date "
                            + date.getKey() + " but not indexed with it");
                }
                if (first != null && !sameBatch(first, t)) {
                    runs.add(run(first, serials, types));
                    serials.setLength(0);
                    types.setLength(0);
                }
                if (serials.isEmpty()) {
                    first = t;
                } else {
                    serials.append(' ');
                }
                serials.append(serial.base58());
                types.append((char) ('0' + t.type().code()));
                listed++;
            }
            if (!serials.isEmpty()) {
                runs.add(run(first, serials, types));
            }
            out.add(new SpendDateJson(date.getKey(), runs));
        }
        if (listed != p.spent().size()) {
            throw new IllegalStateException(p.spent().size() + " serials indexed but " + listed + " listed by spend date");
        }
        return out;
    }

    private static boolean sameBatch(SpentTicket a, SpentTicket b) {
        return a.batchId().equals(b.batchId()) && a.gatewayNodeId() == b.gatewayNodeId() && a.gateway().equals(b.gateway())
                && a.epoch() == b.epoch() && a.firstSeenAt().equals(b.firstSeenAt());
    }

    private static SpentRunJson run(SpentTicket first, StringBuilder serials, StringBuilder types) {
        return new SpentRunJson(first.batchId(), first.gatewayNodeId(), first.gateway(), first.epoch(), first.firstSeenAt(),
                serials.toString(), types.toString());
    }

    private static void spentBySpendDate(List<SpendDateJson> dates, Map<TicketSerial, SpentTicket> spent,
                                         Map<LocalDate, List<TicketSerial>> bySpendDate) {
        long listed = 0;
        for (SpendDateJson date : dates) {
            List<TicketSerial> list = new ArrayList<>();
            for (SpentRunJson run : date.runs()) {
                String[] serials = run.serials().split(" ");
                if (serials.length != run.types().length()) {
                    throw new IllegalArgumentException("a run of batch " + run.batchId() + " has " + serials.length
                            + " serials and " + run.types().length() + " types");
                }
                for (int i = 0; i < serials.length; i++) {
                    TicketSerial serial = new TicketSerial(serials[i]);
                    spent.put(serial, new SpentTicket(run.gatewayNodeId(), run.gateway(), run.epoch(),
                            type(run.types().charAt(i)), date.date(), run.firstSeenAt(), run.batchId()));
                    list.add(serial);
                }
                listed += serials.length;
            }
            bySpendDate.put(date.date(), list);
        }
        if (listed != spent.size()) {
            throw new IllegalArgumentException(listed + " serials listed but " + spent.size() + " distinct");
        }
    }

    private static TicketType type(char code) {
        for (TicketType t : TicketType.values()) {
            if (t.code() == code - '0') {
                return t;
            }
        }
        throw new IllegalArgumentException("no ticket type has code '" + code + "'");
    }
}
