package net.nym.tokenomics.ticketledger.rest;

import jakarta.ws.rs.core.Response;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps refusals to their status and JSON body; a ledger/index disagreement is a real fault (500), logged. */
public class ApiExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response indexMismatch(LedgerWriter.IndexMismatchException e) {
        LOG.errorf("ticket ledger and SQL index disagree, batch refused: %s", e.getMessage());
        return Response.status(500).type("application/json")
                .entity(new ErrorBody("index_mismatch", null, "the ledger state and its index disagree; nothing was recorded"))
                .build();
    }
}
