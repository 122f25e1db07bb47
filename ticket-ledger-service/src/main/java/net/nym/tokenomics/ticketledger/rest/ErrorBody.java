package net.nym.tokenomics.ticketledger.rest;

/** Every 4xx body: a short error code, the request field at fault (null when none) and a sentence saying why. */
public record ErrorBody(String error, String field, String reason) {
}
