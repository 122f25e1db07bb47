package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;

import java.util.List;

/**
 * A batch's tickets as far as they can be understood without the ledger state: each serial parsed (or why not), its
 * bytes, and the tickets digest that is both the signed commitment and the idempotency fingerprint.
 *
 * <p>It is a pure function of the submitted list, so it is computed on the request thread, in parallel with other
 * requests, and the ledger's single writer only looks results up. Built once per request: the arrays are never
 * exposed, so instances are effectively immutable.
 */
public final class ParsedTickets {

    private final byte[] ticketsDigest;
    private final String fingerprint;
    private final TicketSerial[] serials;
    private final String[] malformed;
    private final byte[][] bytes;
    private final String[] notBase58;

    private ParsedTickets(byte[] ticketsDigest, TicketSerial[] serials, String[] malformed, byte[][] bytes,
                          String[] notBase58) {
        this.ticketsDigest = ticketsDigest;
        this.fingerprint = Base58.encode(ticketsDigest);
        this.serials = serials;
        this.malformed = malformed;
        this.bytes = bytes;
        this.notBase58 = notBase58;
    }

    public static ParsedTickets of(List<SubmittedTicket> tickets) {
        return of(tickets, BatchSigningPayload.ticketsDigest(tickets));
    }

    /**
     * With the tickets digest already computed (the signature check needs it first); it must be
     * {@link BatchSigningPayload#ticketsDigest} of the same list.
     */
    public static ParsedTickets of(List<SubmittedTicket> tickets, byte[] ticketsDigest) {
        if (ticketsDigest.length != BatchDigest.DIGEST_BYTES) {
            throw new IllegalArgumentException("a tickets digest is " + BatchDigest.DIGEST_BYTES + " bytes");
        }
        int n = tickets.size();
        TicketSerial[] serials = new TicketSerial[n];
        String[] malformed = new String[n];
        byte[][] bytes = new byte[n][];
        String[] notBase58 = new String[n];
        for (int i = 0; i < n; i++) {
            String text = tickets.get(i).serial();
            try {
                // The edge admits serials of up to MAX_TEXT_LENGTH characters, and a text never decodes to more bytes
                // than it has characters: every such serial keeps its bytes for the digest, a longer one has none.
                bytes[i] = Base58.decode(text, TicketSerial.MAX_TEXT_LENGTH);
            } catch (IllegalArgumentException e) {
                notBase58[i] = e.getMessage();
            }
            try {
                serials[i] = TicketSerial.parse(text);
            } catch (IllegalArgumentException e) {
                malformed[i] = e.getMessage();
            }
        }
        return new ParsedTickets(ticketsDigest.clone(), serials, malformed, bytes, notBase58);
    }

    public int size() {
        return serials.length;
    }

    /** {@link BatchSigningPayload#ticketsDigest} of the list. */
    public byte[] ticketsDigest() {
        return ticketsDigest.clone();
    }

    /** Base58 of the tickets digest: what an idempotent resubmission must match. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The parsed serial at {@code position}, or null when it is malformed (see {@link #malformedReason}). */
    public TicketSerial serial(int position) {
        return serials[position];
    }

    public String malformedReason(int position) {
        return malformed[position];
    }

    /** The Base58 decoding of the serial at {@code position} (whatever its length), or null if it is not Base58. */
    public byte[] serialBytes(int position) {
        return bytes[position];
    }

    public String notBase58Reason(int position) {
        return notBase58[position];
    }
}
