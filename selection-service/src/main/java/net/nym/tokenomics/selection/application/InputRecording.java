package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * How a consumed input is recorded in this service's log, given the state: as its {@code selection.*Recorded} event,
 * as a {@code selection.InputRejected} with the reason (an input that does not decode or cannot be used), or not at
 * all (a duplicate stake snapshot or performance of an epoch, a late input, an unusable unbonding).
 */
final class InputRecording {

    /** The service's log category, as before this was split out of it. */
    private static final Logger LOG = Logger.getLogger(SelectionService.class);

    private InputRecording() {
    }

    /** The event recording {@code input} (caused by it, for {@code consumer}), or null when nothing is recorded. */
    static Decision.Pending recordOf(SelectionView view, StoredEvent input, String consumer) {
        Decision.Pending p = uncaused(view, input);
        return p == null ? null : new Decision.Pending(p.event().causedBy(consumer, input.eventId()), p.decoded());
    }

    private static Decision.Pending uncaused(SelectionView view, StoredEvent input) {
        UUID id = UUID.randomUUID();
        Object rec;
        try {
            rec = SelectionEvents.decodeIntegration(input);
        } catch (EventDecodingException e) {
            LOG.warnf("input %s rejected: %s", input.describe(), e.getMessage());
            return rejected(id, input, e.getMessage());
        }
        return switch (rec) {
            case IntegrationEvents.StakeSnapshotTaken s -> {
                if (view.inputs.hasSnapshot(s.epochId()) || alreadySelected(view, s.epochId() + 1)) {
                    LOG.infof("stake snapshot of epoch %d already recorded or used; %s ignored", s.epochId(), input.eventId());
                    yield null;
                }
                String reason = SelectionInputs.invalidSnapshotReason(s);
                if (reason != null) {
                    LOG.warnf("stake snapshot of epoch %d rejected: %s", s.epochId(), reason);
                    yield rejected(id, input, reason);
                }
                LOG.infof("stake snapshot of epoch %d recorded: %d nodes", s.epochId(), s.nodes().size());
                yield recorded(id, input, s);
            }
            case IntegrationEvents.EpochPerformanceComputed p -> {
                if (view.inputs.hasPerformance(p.epochId()) || alreadySelected(view, p.epochId() + 1)) {
                    LOG.infof("performance of epoch %d already recorded or used; %s ignored", p.epochId(), input.eventId());
                    yield null;
                }
                String reason = SelectionInputs.invalidPerformanceReason(p);
                if (reason != null) {
                    LOG.warnf("performance of epoch %d rejected: %s", p.epochId(), reason);
                    yield rejected(id, input, reason);
                }
                LOG.infof("performance of epoch %d recorded: %d nodes", p.epochId(), p.nodes().size());
                yield recorded(id, input, p);
            }
            case IntegrationEvents.NodeBonded b -> {
                if (b.owner() == null || b.nodeId() < 0 || b.nodeId() > NodeId.MAX) {
                    yield rejected(id, input, "node_id/owner: a u32 node id and an owner are required");
                }
                yield recorded(id, input, b);
            }
            case IntegrationEvents.NodeUnbonded u -> u.nodeId() < 0 || u.nodeId() > NodeId.MAX ? null
                    : recorded(id, input, u);
            default -> null;
        };
    }

    private static Decision.Pending recorded(UUID id, StoredEvent input, Object decoded) {
        return new Decision.Pending(SelectionEvents.recordInput(id, input, decoded), decoded);
    }

    private static Decision.Pending rejected(UUID id, StoredEvent input, String reason) {
        SelectionEvents.InputRejected r = new SelectionEvents.InputRejected(input.eventType(), input.eventId().toString(), reason);
        return new Decision.Pending(SelectionEvents.encodeRejected(id, r), r);
    }

    /** A published set is never recomputed: inputs for an epoch whose successor is selected are late and ignored. */
    private static boolean alreadySelected(SelectionView view, long epochId) {
        return view.lastSelected != null && epochId <= view.lastSelected.epochId();
    }
}
