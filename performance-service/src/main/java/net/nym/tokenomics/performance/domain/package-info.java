/**
 * performance-service's pure domain (reference: nym-api-behaviour.md Part B).
 *
 * <p>Purity contract: classes here import only {@code java.*} and {@code net.nym.tokenomics.eventlog.*}; they read
 * no clock, draw no randomness, do no I/O and look up no configuration. Time, limits and parameters arrive in the
 * commands. Each stream has a decider with {@code decide(command, state) → Decision} (events or one typed
 * rejection) and a total {@code evolve(state, event) → state} that only applies what the event carries:
 * <ul>
 *   <li>{@code version.ReleaseHistoryDecider}: {@code AppendRelease} → {@code ReleaseAppended}.</li>
 *   <li>{@code selfdescribed.SelfDescriptionDecider}: {@code RecordProbeResult} → {@code NodeDescribed} |
 *       {@code NodeUnreachable}.</li>
 *   <li>{@code monitoring.MonitorSubmissionDecider}: {@code SubmitMonitoringResults} →
 *       {@code MonitoringResultsRecorded}.</li>
 *   <li>{@code epoch.EpochPerformanceDecider}: {@code ComputeEpochPerformance} → {@code EpochPerformanceComputed}.</li>
 * </ul>
 * {@code rewardedset.RewardedSet} is selection-service's set as recorded; its {@code evolve} keeps the highest epoch's.
 * {@code performance.ArchitectureTest} enforces the contract on the compiled classes.
 */
package net.nym.tokenomics.performance.domain;
