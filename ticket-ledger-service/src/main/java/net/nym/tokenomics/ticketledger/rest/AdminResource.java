package net.nym.tokenomics.ticketledger.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import net.nym.tokenomics.ticketledger.application.SerialExpiryJob;

import java.time.LocalDate;

/** Operator actions (JWT with the "admin" role). */
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final SerialExpiryJob expiry;
    private final LedgerWriter writer;

    public AdminResource(SerialExpiryJob expiry, LedgerWriter writer) {
        this.expiry = expiry;
        this.writer = writer;
    }

    public record ReadModelRebuilt(long events) {
    }

    /** Drops the closed epochs' usage rows and writes them again from the whole log, in one transaction. */
    @POST
    @Path("/read-models/rebuild")
    @RolesAllowed("admin")
    public ReadModelRebuilt rebuildReadModels() {
        return new ReadModelRebuilt(writer.rebuildUsage());
    }

    public record ExpiryResponse(boolean ran, int serialsRemoved, LocalDate cutoff, LocalDate spendDateFloor) {
    }

    /** Runs the cleaner now (it also runs on its schedule); recorded in the log like a scheduled run. */
    @POST
    @Path("/serial-expiry")
    @RolesAllowed("admin")
    public ExpiryResponse expireNow() {
        return expiry.run().map(e -> new ExpiryResponse(true, e.count(), e.cutoff(), e.spendDateFloor()))
                .orElseGet(() -> new ExpiryResponse(false, 0, null, null));
    }

    /**
     * Rebuilds what is derived from the log: a fresh fold replaces the in-memory state and {@code redeemed_serial}
     * is rewritten from it, in one transaction under the writer lock. Answers the digests before and after, so an
     * operator sees whether anything had drifted.
     */
    @POST
    @Path("/rebuild-from-log")
    @RolesAllowed("admin")
    public LedgerWriter.Rebuilt rebuildFromLog() {
        return writer.rebuildFromLog();
    }
}
