package net.nym.tokenomics.ticketledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import net.nym.tokenomics.ticketledger.persistence.TicketUsageProjection;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** A row of {@code gateway_epoch_usage} (a gateway's usage in a closed epoch), read only ({@link TicketUsageProjection}). */
@Entity
@Table(name = "gateway_epoch_usage")
@IdClass(ClosedGatewayUsageRow.Key.class)
public class ClosedGatewayUsageRow extends PanacheEntityBase {

    /** The composite primary key (gateway, epoch). */
    public static class Key implements Serializable {
        public long gatewayNodeId;
        public long epochId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.gatewayNodeId == gatewayNodeId && k.epochId == epochId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(gatewayNodeId) * 31 + Long.hashCode(epochId);
        }
    }

    @Id
    public long gatewayNodeId;
    @Id
    public long epochId;
    public long tickets;
    public long bandwidthBytes;
    public BigDecimal value;
    public long doubleSpendsRejected;
    /** Usage by ticket type, JSON in the REST body's shape. */
    public String byType;

    private static final String OF_GATEWAY = "gatewayNodeId = ?1 and epochId between ?2 and ?3";

    /**
     * {@code count} of the gateway's rows with {@code from <= epoch <= to}, ascending by epoch, from the
     * {@code first}-th (0-based). The primary key {@code (gateway_node_id, epoch_id)} serves the range in epoch order.
     */
    public static Uni<List<ClosedGatewayUsageRow>> ofGateway(long gatewayNodeId, long from, long to, int first, int count) {
        return ClosedGatewayUsageRow.<ClosedGatewayUsageRow>find(OF_GATEWAY, Sort.by("epochId"), gatewayNodeId, from, to)
                .range(first, first + count - 1).list();
    }

    /** How many rows the gateway has with {@code from <= epoch <= to}. */
    public static Uni<Long> countOfGateway(long gatewayNodeId, long from, long to) {
        return count(OF_GATEWAY, gatewayNodeId, from, to);
    }

    /** The epoch's rows, ascending by gateway node id. */
    public static Uni<List<ClosedGatewayUsageRow>> ofEpoch(long epoch) {
        return list("epochId", Sort.by("gatewayNodeId"), epoch);
    }
}
