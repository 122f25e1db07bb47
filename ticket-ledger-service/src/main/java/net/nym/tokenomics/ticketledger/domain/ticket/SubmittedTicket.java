package net.nym.tokenomics.ticketledger.domain.ticket;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One ticket as a gateway submitted it. Serial and type stay raw text so that a malformed serial or an unknown type
 * becomes that ticket's INVALID outcome instead of failing the whole batch.
 */
public record SubmittedTicket(String serial, String type, LocalDate spendDate) {

    public SubmittedTicket {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spendDate, "spendDate");
    }
}
