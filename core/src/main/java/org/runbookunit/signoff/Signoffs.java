package org.runbookunit.signoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.model.Attestation;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.Waiver;

/**
 * Hold the attestations of manual steps and the waivers of known failures that apply to one run. An attestation is
 * scoped to a runbook (its id and the step id) and counts only while it is younger than
 * {@code runbook.attestations.max-age}.
 */
public final class Signoffs {

    private final Map<String, Map<String, Attestation>> attestations;
    private final List<Waiver> waivers;
    private final Function<String, Optional<String>> attestationParameter;
    private final Duration maxAge;

    /**
     * Create the sign-offs of a run.
     *
     * @param attestations attestations from the {@code runbook.attestations} file, by runbook id, then step id
     * @param waivers waivers from the {@code runbook.waivers} file
     * @param attestationParameter reads {@code runbook.attest.<runbook-id>.<step-id>} ({@code "Name"} or
     *         {@code "Name: note"})
     * @param maxAge how old an attestation may be and still count
     */
    public Signoffs(Map<String, Map<String, Attestation>> attestations, List<Waiver> waivers,
            Function<String, Optional<String>> attestationParameter, Duration maxAge) {
        this.attestations = Map.copyOf(attestations);
        this.waivers = List.copyOf(waivers);
        this.attestationParameter = attestationParameter;
        this.maxAge = maxAge;
    }

    /** Create sign-offs with no attestation and no waiver. */
    public static Signoffs none() {
        return new Signoffs(Map.of(), List.of(), key -> Optional.empty(), Duration.ofDays(7));
    }

    /** Return the configuration parameter that attests a step of a runbook. */
    public static String parameter(String runbookId, StepDefinition step) {
        return ConfigKeys.ATTEST_PREFIX + runbookId + "." + step.id();
    }

    /**
     * Find the valid attestation of a manual step of a runbook: a {@code runbook.attest.<runbook-id>.<step-id>}
     * parameter (given now) wins over the file; one older than the maximum age does not count.
     */
    public Optional<Attestation> attestation(String runbookId, StepDefinition step, Instant now) {
        Optional<Attestation> fromParameter = attestationParameter.apply(parameter(runbookId, step))
                .filter(value -> !value.isBlank()).map(value -> parse(value, now.toString()));
        return fromParameter.or(() -> filed(runbookId, step).filter(attestation -> !expired(attestation, now)));
    }

    /** Describe an attestation of the file that is too old to count, if the step has one. */
    public Optional<String> expiredAttestation(String runbookId, StepDefinition step, Instant now) {
        return filed(runbookId, step).filter(attestation -> expired(attestation, now)).map(attestation -> "attestation "
                + "of " + runbookId + " " + step.id() + " (by " + attestation.by() + " at " + attestation.at()
                + ") is older than " + Durations.format(maxAge) + " (" + ConfigKeys.ATTESTATIONS_MAX_AGE
                + ") and does not count; attest again");
    }

    private Optional<Attestation> filed(String runbookId, StepDefinition step) {
        return Optional.ofNullable(attestations.getOrDefault(runbookId, Map.of()).get(step.id().toString()));
    }

    private boolean expired(Attestation attestation, Instant now) {
        return attestation.time().map(at -> at.plus(maxAge).isBefore(now)).orElse(true);
    }

    /** Find the waiver naming a step, if any, valid or not. */
    public Optional<Waiver> waiver(StepDefinition step) {
        return waivers.stream().filter(waiver -> waiver.step().equals(step.id().toString())).findFirst();
    }

    /**
     * Describe sign-offs that match nothing in the plan: waivers naming no step, and attestations of this runbook that
     * name no manual step of it (attestations of other runbooks are theirs: one file may serve a whole change).
     */
    public List<String> unmatched(RunbookPlan plan, Instant now) {
        Set<String> ids = Set.copyOf(plan.steps().stream().map(step -> step.id().toString()).toList());
        Set<String> manual = Set.copyOf(plan.steps().stream().filter(StepDefinition::isManual)
                .map(step -> step.id().toString()).toList());
        List<String> unmatched = new ArrayList<>();
        waivers.stream().filter(waiver -> !ids.contains(waiver.step())).forEach(waiver -> unmatched.add("waiver for ["
                + waiver.step() + "] (owner " + waiver.owner() + ") matches no step of this runbook"));
        attestations.getOrDefault(plan.id(), Map.of()).forEach((step, attestation) -> {
            if (!manual.contains(step)) {
                unmatched.add("attestation of " + plan.id() + " [" + step + "] (by " + attestation.by()
                        + ") matches no manual step of this runbook");
            }
        });
        plan.steps().stream().filter(StepDefinition::isManual)
                .forEach(step -> expiredAttestation(plan.id(), step, now).ifPresent(unmatched::add));
        return unmatched;
    }

    private static Attestation parse(String value, String now) {
        int colon = value.indexOf(':');
        return colon < 0 ? new Attestation(value.trim(), now, "")
                : new Attestation(value.substring(0, colon).trim(), now, value.substring(colon + 1).trim());
    }
}
