package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.command.SnapshotCodec;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochPerformanceComputed;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.StakeSnapshotTaken;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.clock.EpochPosition;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.Shortfall;
import net.nym.tokenomics.selection.persistence.ProofJson;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The snapshot format of {@link SelectionView} (docs/adr/0011): the clock state, the last ended epoch, the recorded
 * inputs (registry, the stake snapshots and performance not forgotten yet), the summary of the last selected set and the
 * number of sets selected (version 1 held every set; they are a read model now, ADR 0012), as
 * canonical JSON (event-log's {@link Json}: sorted properties, decimals as strings). Every collection is written in
 * its key order (node id, epoch), so the same view always gives the same bytes. Records of plain values stand
 * between the view and the JSON, so a change to a domain type cannot change the format unnoticed: change
 * {@link #FORMAT} with the records.
 */
final class SelectionViewCodec implements SnapshotCodec<SelectionView> {

    static final String FORMAT = "selection-view/2";

    record ViewJson(long events, ClockJson clock, EpochClockEvent.EpochEnded lastEnded, List<RegistrationJson> registry,
                    List<StakeSnapshotTaken> snapshots, List<EpochPerformanceComputed> performance,
                    SelectedJson lastSelected, long selections) {
    }

    /** {@code kind}: uninitialized, running (at {@code position}) or awaiting (the rewarded set of {@code position}). */
    record ClockJson(String kind, String epochLength, int epochsInInterval, ClockMode mode, EpochPosition position,
                     String lastDigest, List<NodeLayer> lastLayers) {
    }

    record NodeLayer(long nodeId, Layer layer) {
    }

    record RegistrationJson(long nodeId, String owner, boolean mixnode, boolean entryGateway, boolean exitGateway,
                            long bondedInEpoch, boolean unbonded) {
    }

    record SelectedJson(long epochId, ProofJson.Lists set, String seed, String proofDigest, int shortEntryGateways,
                        int shortExitGateways, int shortMixnodes, int shortStandby, int candidates) {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public byte[] encode(SelectionView v) {
        SelectionInputs in = v.inputs;
        List<RegistrationJson> registry = in.registry().values().stream().map(r -> new RegistrationJson(r.nodeId().value(),
                r.owner(), r.roles().mixnode(), r.roles().entryGateway(), r.roles().exitGateway(), r.bondedInEpoch(),
                r.unbonded())).toList();
        SelectedSet s = v.lastSelected;
        SelectedJson last = s == null ? null : new SelectedJson(s.epochId(), ProofJson.Lists.of(s.set()), s.seed(),
                s.proofDigest(), s.shortfall().entryGateways(), s.shortfall().exitGateways(), s.shortfall().mixnodes(),
                s.shortfall().standby(), s.candidates());
        return Json.writeBytes(new ViewJson(v.events, clock(v.clock), v.lastEnded, registry,
                List.copyOf(in.snapshots().values()), List.copyOf(in.performance().values()), last, v.selections));
    }

    @Override
    public SelectionView decode(byte[] bytes) {
        ViewJson j;
        try {
            j = Json.read(bytes, ViewJson.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + FORMAT + " snapshot: " + e.getMessage(), e);
        }
        SelectionView v = new SelectionView();
        v.events = j.events();
        v.clock = clock(j.clock());
        v.lastEnded = j.lastEnded();
        j.registry().forEach(r -> v.inputs.restore(new SelectionInputs.Registration(NodeId.of(r.nodeId()), r.owner(),
                new DeclaredRoles(r.mixnode(), r.entryGateway(), r.exitGateway()), r.bondedInEpoch(), r.unbonded())));
        j.snapshots().forEach(v.inputs::applySnapshot);
        j.performance().forEach(v.inputs::applyPerformance);
        SelectedJson s = j.lastSelected();
        v.lastSelected = s == null ? null : new SelectedSet(s.epochId(), s.set().toDomain(), s.seed(), s.proofDigest(),
                new Shortfall(s.shortEntryGateways(), s.shortExitGateways(), s.shortMixnodes(), s.shortStandby()),
                s.candidates());
        v.selections = j.selections();
        return v;
    }

    private static ClockJson clock(EpochClockState state) {
        return switch (state) {
            case EpochClockState.Uninitialized u -> new ClockJson("uninitialized", null, 0, null, null, null, null);
            case EpochClockState.Running r -> clock("running", r.config(), r.current(), r.last());
            case EpochClockState.AwaitingRewardedSet a -> clock("awaiting", a.config(), a.next(), a.selected());
        };
    }

    private static ClockJson clock(String kind, ClockConfig config, EpochPosition position,
                                   EpochClockState.LastSelection last) {
        List<NodeLayer> layers = last.layers().entrySet().stream()
                .map(e -> new NodeLayer(e.getKey().value(), e.getValue())).toList();
        return new ClockJson(kind, config.epochLength().toString(), config.epochsInInterval(), config.mode(), position,
                last.digest().hex(), layers);
    }

    private static EpochClockState clock(ClockJson j) {
        if (j.kind().equals("uninitialized")) {
            return new EpochClockState.Uninitialized();
        }
        ClockConfig config = new ClockConfig(Duration.parse(j.epochLength()), j.epochsInInterval(), j.mode());
        SortedMap<NodeId, Layer> layers = new TreeMap<>();
        j.lastLayers().forEach(l -> layers.put(NodeId.of(l.nodeId()), l.layer()));
        var last = new EpochClockState.LastSelection(new Digest(j.lastDigest()), layers);
        return switch (j.kind()) {
            case "running" -> new EpochClockState.Running(config, j.position(), last);
            case "awaiting" -> new EpochClockState.AwaitingRewardedSet(config, j.position(), last);
            default -> throw new IllegalArgumentException("clock state '" + j.kind() + "' is not one of " + FORMAT + "'s");
        };
    }
}
