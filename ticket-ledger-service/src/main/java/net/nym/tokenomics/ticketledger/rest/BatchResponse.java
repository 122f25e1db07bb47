package net.nym.tokenomics.ticketledger.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The judgement of a batch: one outcome per submitted ticket, in submission order, and the counts. */
public record BatchResponse(String batchId, GatewayRef gateway, long epoch, Instant submittedAt, Instant recordedAt,
                            Counts counts, List<TicketResult> tickets, String acceptedDigest, Decimal acceptedValue,
                            Decimal ticketValue) {

    public record GatewayRef(long nodeId, String identity) {
    }

    public record Counts(int submitted, int accepted, int replayed, int doubleSpend, int invalid) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketResult(int position, String serial, String ticketType, LocalDate spendDate, String outcome,
                               String reason, String detail, GatewayRef firstGateway, Long firstEpoch,
                               Instant firstSeenAt, String firstBatchId) {
    }

    public static BatchResponse of(LedgerEvent.TicketBatchRedeemed e) {
        GatewayRef self = new GatewayRef(e.gatewayNodeId(), e.gateway().base58());
        List<TicketResult> tickets = e.outcomes().stream().map(o -> switch (o) {
            case TicketOutcome.Accepted a -> new TicketResult(a.position(), a.serial().base58(), a.type().jsonName(),
                    a.spendDate(), "accepted", null, null, null, null, null, null);
            case TicketOutcome.Replayed r -> new TicketResult(r.position(), r.serial().base58(), r.type().jsonName(),
                    r.spendDate(), "replayed", null, "this gateway redeemed the serial before", self, r.firstEpoch(),
                    r.firstSeenAt(), r.firstBatchId());
            case TicketOutcome.DoubleSpend d -> new TicketResult(d.position(), d.serial().base58(), d.type().jsonName(),
                    d.spendDate(), "double_spend", null, "gateway node " + d.firstGatewayNodeId()
                    + " redeemed this serial first; this attempt by gateway node " + d.gatewayNodeId() + " is recorded",
                    new GatewayRef(d.firstGatewayNodeId(), d.firstGateway().base58()), d.firstEpoch(), d.firstSeenAt(), null);
            case TicketOutcome.Invalid v -> new TicketResult(v.position(), v.serial(), v.type(), v.spendDate(), "invalid",
                    v.reason().name().toLowerCase(java.util.Locale.ROOT), v.detail(), null, null, null, null);
        }).toList();
        return new BatchResponse(e.batchId(), self, e.epoch(), e.submittedAt(), e.recordedAt(),
                new Counts(e.counts().submitted(), e.counts().accepted(), e.counts().replayed(), e.counts().doubleSpends(),
                        e.counts().invalid()),
                tickets, e.acceptedDigest(), e.acceptedValue(), e.ticketValue());
    }
}
