package net.nym.tokenomics.ticketledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import net.nym.tokenomics.ticketledger.persistence.TicketUsageProjection;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code epoch_usage} (a closed epoch's totals), read only (written by {@link TicketUsageProjection}). */
@Entity
@Table(name = "epoch_usage")
public class ClosedEpochRow extends PanacheEntityBase {

    @Id
    public long epochId;
    public Instant closedAt;
    public long totalTickets;
    public long totalBytes;
    public BigDecimal feeIncome;
    /** Usage by ticket type, JSON in the REST body's shape. */
    public String totals;
    public String stateDigest;

    /** The closed epoch's row, or null. */
    public static Uni<ClosedEpochRow> of(long epoch) {
        return findById(epoch);
    }
}
