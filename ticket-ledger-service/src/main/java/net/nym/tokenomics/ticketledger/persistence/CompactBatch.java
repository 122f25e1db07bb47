package net.nym.tokenomics.ticketledger.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.ticketledger.domain.ledger.BatchCounts;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ledger.TypeUsage;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema 2 of {@code TicketBatchRedeemed} in the log: the same record, except that accepted tickets — nearly all of a
 * batch — are not one JSON object each but runs by (type, spend date): the positions as ranges ({@code "0-41,43-499"})
 * and the serials as one space-separated string. A 500-ticket batch is then ~35 kB and a handful of JSON values instead
 * of ~90 kB and 5,000, which PostgreSQL parses into JSONB, compresses, reads back for the relay, and which Kafka
 * carries. Replayed, double-spent and invalid outcomes stay objects as in schema 1, since they carry more than a
 * serial. {@link #expand} gives back exactly the event that {@link #of} was given; the ledger's snapshots keep the
 * batches of their idempotency records in this form too.
 */
public record CompactBatch(String batchId, GatewayIdentity gateway, long gatewayNodeId, long epoch, Instant submittedAt,
                    Instant recordedAt, String bodyFingerprint, Unym depositPerTicketbook, Decimal ticketValue,
                    List<AcceptedRun> acceptedRuns, List<TicketOutcome> otherOutcomes, BatchCounts counts,
                    List<TypeUsage> accepted, Decimal acceptedValue, String acceptedDigest) {

    /** Accepted tickets of one type and spend date, in position order. */
    record AcceptedRun(TicketType type, LocalDate spendDate, String positions, String serials) {
    }

    private record RunKey(TicketType type, LocalDate spendDate) {
    }

    public static CompactBatch of(TicketBatchRedeemed e) {
        Map<RunKey, List<TicketOutcome.Accepted>> runs = new LinkedHashMap<>();
        List<TicketOutcome> others = new ArrayList<>();
        for (TicketOutcome o : e.outcomes()) {
            if (o instanceof TicketOutcome.Accepted a) {
                runs.computeIfAbsent(new RunKey(a.type(), a.spendDate()), k -> new ArrayList<>()).add(a);
            } else {
                others.add(o);
            }
        }
        List<AcceptedRun> accepted = new ArrayList<>(runs.size());
        runs.forEach((key, tickets) -> {
            StringBuilder positions = new StringBuilder();
            StringBuilder serials = new StringBuilder(tickets.size() * 67);
            int i = 0;
            while (i < tickets.size()) {
                int j = i;
                while (j + 1 < tickets.size() && tickets.get(j + 1).position() == tickets.get(j).position() + 1) {
                    j++;
                }
                positions.append(positions.isEmpty() ? "" : ",").append(tickets.get(i).position());
                if (j > i) {
                    positions.append('-').append(tickets.get(j).position());
                }
                i = j + 1;
            }
            for (TicketOutcome.Accepted a : tickets) {
                serials.append(serials.isEmpty() ? "" : " ").append(a.serial().base58());
            }
            accepted.add(new AcceptedRun(key.type(), key.spendDate(), positions.toString(), serials.toString()));
        });
        return new CompactBatch(e.batchId(), e.gateway(), e.gatewayNodeId(), e.epoch(), e.submittedAt(), e.recordedAt(),
                e.bodyFingerprint(), e.depositPerTicketbook(), e.ticketValue(), accepted, others, e.counts(),
                e.accepted(), e.acceptedValue(), e.acceptedDigest());
    }

    /** The event; refuses a payload whose positions are not each of 0..submitted-1 exactly once. */
    public TicketBatchRedeemed expand() {
        List<TicketOutcome> outcomes = new ArrayList<>(counts.submitted());
        outcomes.addAll(otherOutcomes);
        for (AcceptedRun run : acceptedRuns) {
            String[] serials = run.serials().split(" ");
            int k = 0;
            for (String range : run.positions().split(",")) {
                int dash = range.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
                for (int p = from; p <= to; p++) {
                    if (k >= serials.length) {
                        throw new IllegalArgumentException("run " + run.type() + "/" + run.spendDate()
                                + " has more positions than serials");
                    }
                    outcomes.add(new TicketOutcome.Accepted(p, new TicketSerial(serials[k++]), run.type(), run.spendDate()));
                }
            }
            if (k != serials.length) {
                throw new IllegalArgumentException("run " + run.type() + "/" + run.spendDate() + " has " + serials.length
                        + " serials for " + k + " positions");
            }
        }
        outcomes.sort(Comparator.comparingInt(TicketOutcome::position));
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).position() != i) {
                throw new IllegalArgumentException("outcome positions are not 0.." + (outcomes.size() - 1)
                        + " each once (at index " + i + ": " + outcomes.get(i).position() + ")");
            }
        }
        if (outcomes.size() != counts.submitted()) {
            throw new IllegalArgumentException(outcomes.size() + " outcomes for " + counts.submitted() + " submitted tickets");
        }
        return new TicketBatchRedeemed(batchId, gateway, gatewayNodeId, epoch, submittedAt, recordedAt, bodyFingerprint,
                depositPerTicketbook, ticketValue, outcomes, counts, accepted, acceptedValue, acceptedDigest);
    }
}
