package net.nym.tokenomics.simulator.api;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which service answers a path — the same table as the local API gateway (deploy/local/gateway/nginx.conf.template)
 * and the Kubernetes HTTPRoutes — for running the simulator straight against the services, without a gateway.
 */
public final class Routes {

    private static final Pattern SELECTION = Pattern.compile(
            "^/v1/(nym-nodes/rewarded-set|epochs/current|epochs/[0-9]+/(rewarded-set|selection-proof)|admin/epochs/.*)$");
    private static final Pattern PERFORMANCE = Pattern.compile(
            "^/v1/(status/.*|nym-nodes/(annotation|performance|performance-history)/.*|admin/(releases|probe|replay-check).*)$");
    private static final Pattern TICKET_LEDGER = Pattern.compile(
            "^/v1/(ticket-batches.*|tickets/.*|gateways/[0-9]+(/.*)?|epochs/[0-9]+/usage|admin/serial-expiry)$");

    private final Map<String, String> baseByService;

    /** @param baseByService base URLs keyed "rewards", "performance", "selection", "ticket-ledger" */
    public Routes(Map<String, String> baseByService) {
        this.baseByService = Map.copyOf(baseByService);
    }

    public String baseFor(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (SELECTION.matcher(p).matches()) {
            return baseByService.get("selection");
        }
        if (PERFORMANCE.matcher(p).matches()) {
            return baseByService.get("performance");
        }
        if (TICKET_LEDGER.matcher(p).matches()) {
            return baseByService.get("ticket-ledger");
        }
        return baseByService.get("rewards");
    }
}
