package net.nym.tokenomics.ticketledger.rest;

import java.util.List;

/**
 * Body of {@code POST /v1/ticket-batches}. Fields stay text here so that each one's syntax is checked at the edge with
 * an error naming it; see the README for the exact bytes the signature covers.
 */
public record TicketBatchRequest(String gateway, String idempotencyKey, List<Ticket> tickets, String digest,
                                 String submittedAt, String signature) {

    public record Ticket(String serial, String ticketType, String spendDate) {
    }
}
