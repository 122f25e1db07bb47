package net.nym.tokenomics.eventlog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.messaging.ParkedRecords;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;

import java.util.List;

/**
 * The operator's view of the input records a service parked (every service has it, role {@code admin}): the list,
 * read from the service's dead-letter topics, and the replay of one after its cause is fixed, through the same inbox
 * path as the channel (idempotent by event id: a second replay applies nothing). ADR 0010.
 */
@Path("/v1/admin/parked-records")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedRecordsResource {

    private final InboxChannels channels;

    public ParkedRecordsResource(InboxChannels channels) {
        this.channels = channels;
    }

    @GET
    public List<ParkedRecords.Parked> list() {
        return channels.parked();
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    public InboxChannels.Replay replay(@PathParam("topic") String topic, @PathParam("partition") int partition,
                                       @PathParam("offset") long offset) {
        return channels.replay(topic, partition, offset).orElseThrow(() -> RejectedException.of(ErrorKind.NOT_FOUND,
                "parked_record_not_found", "offset", "no parked record at " + topic + "-" + partition + "@" + offset));
    }
}
