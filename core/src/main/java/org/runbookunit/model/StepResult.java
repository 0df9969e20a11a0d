package org.runbookunit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.runbookunit.Outcome;
import org.runbookunit.evidence.EvidenceItem;

/**
 * Record what happened to one step.
 *
 * @param step the step
 * @param outcome what happened
 * @param startedAt when it started (or was skipped)
 * @param duration how long it ran, zero when it did not run
 * @param message why it failed, warned, was blocked or skipped; empty when it passed
 * @param evidence the files it saved
 * @param attestation who confirmed a manual step
 * @param waiver the waiver that turned a failure into WAIVED, or the expired one that could not
 */
public record StepResult(StepDefinition step, Outcome outcome, Instant startedAt, Duration duration, String message,
        List<EvidenceItem> evidence, Optional<Attestation> attestation, Optional<Waiver> waiver) {

    /** Freeze the evidence list. */
    public StepResult {
        evidence = List.copyOf(evidence);
        message = message == null ? "" : message;
    }

    /** Record a result without attestation or waiver. */
    public StepResult(StepDefinition step, Outcome outcome, Instant startedAt, Duration duration, String message,
            List<EvidenceItem> evidence) {
        this(step, outcome, startedAt, duration, message, evidence, Optional.empty(), Optional.empty());
    }

    /** Return a copy with another outcome, message, attestation and waiver. */
    public StepResult with(Outcome newOutcome, String newMessage, Optional<Attestation> newAttestation, Optional<Waiver> newWaiver) {
        return new StepResult(step, newOutcome, startedAt, duration, newMessage, evidence, newAttestation, newWaiver);
    }
}
