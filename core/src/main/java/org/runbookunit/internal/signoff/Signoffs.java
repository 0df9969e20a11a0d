package org.runbookunit.internal.signoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.internal.Texts;
import org.runbookunit.model.Attestation;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.Waiver;

/**
 * Hold the attestations of manual steps and the waivers of known failures that apply to one run. An attestation is
 * scoped to a runbook (its id, then the step id, or {@code <step-id>.<approver-slug>} for each approver of a step) and
 * counts only while it is younger than {@code runbook.attestations.max-age}.
 */
public final class Signoffs {

    private final Map<String, Map<String, Attestation>> attestations;
    private final List<Waiver> waivers;
    private final Function<String, Optional<String>> attestationParameter;
    private final Duration maxAge;

    /**
     * Create the sign-offs of a run.
     *
     * @param attestations attestations from the {@code runbook.attestations} file, by runbook id, then step key
     * @param waivers waivers from the {@code runbook.waivers} file
     * @param attestationParameter reads {@code runbook.attest.<runbook-id>.<step-key>} ({@code "Name"} or
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

    /** Return the configuration parameter that attests a step (or one approver of it) in a runbook. */
    public static String parameter(String runbookId, String stepKey) {
        return ConfigKeys.ATTEST_PREFIX + runbookId + "." + stepKey;
    }

    /** Return the configuration parameter that attests a step of a runbook. */
    public static String parameter(String runbookId, StepDefinition step) {
        return parameter(runbookId, step.id().toString());
    }

    /** Return the key one approver attests a step under: {@code 9.1.tech-lead} for "Tech Lead" on step 9.1. */
    public static String approverKey(StepDefinition step, String approver) {
        return step.id() + "." + Texts.slug(approver);
    }

    /**
     * Find the valid attestation of a manual step of a runbook: a parameter (given now) wins over the file; one older
     * than the maximum age does not count. A step with approvers is attested only when each of them attested; the
     * result names them all.
     */
    public Optional<Attestation> attestation(String runbookId, StepDefinition step, Instant now) {
        if (step.approvers().isEmpty()) {
            return single(runbookId, step.id().toString(), now);
        }
        if (!missingApprovers(runbookId, step, now).isEmpty()) {
            return Optional.empty();
        }
        List<String> by = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String at = "";
        for (String approver : step.approvers()) {
            Attestation each = single(runbookId, approverKey(step, approver), now).orElseThrow();
            by.add(each.by() + " (" + approver + ")");
            if (!each.note().isEmpty()) {
                notes.add(approver + ": " + each.note());
            }
            at = each.at().compareTo(at) > 0 ? each.at() : at;
        }
        return Optional.of(new Attestation(String.join(", ", by), at, String.join("; ", notes)));
    }

    /** Return the approvers of a manual step who have not validly attested it yet, in the order the step names them. */
    public List<String> missingApprovers(String runbookId, StepDefinition step, Instant now) {
        return step.approvers().stream().filter(approver -> single(runbookId, approverKey(step, approver), now).isEmpty())
                .toList();
    }

    private Optional<Attestation> single(String runbookId, String key, Instant now) {
        Optional<Attestation> fromParameter = attestationParameter.apply(parameter(runbookId, key))
                .filter(value -> !value.isBlank()).map(value -> parse(value, now.toString()));
        return fromParameter.or(() -> filed(runbookId, key).filter(attestation -> !expired(attestation, now)));
    }

    /** Describe the attestations of the file for a step (or its approvers) that are too old to count. */
    public Optional<String> expiredAttestation(String runbookId, StepDefinition step, Instant now) {
        List<String> keys = step.approvers().isEmpty() ? List.of(step.id().toString())
                : step.approvers().stream().map(approver -> approverKey(step, approver)).toList();
        List<String> expired = new ArrayList<>();
        for (String key : keys) {
            filed(runbookId, key).filter(attestation -> expired(attestation, now)).ifPresent(attestation -> expired.add(
                    "attestation of " + runbookId + " " + key + " (by " + attestation.by() + " at " + attestation.at()
                            + ") is older than " + Durations.format(maxAge) + " (" + ConfigKeys.ATTESTATIONS_MAX_AGE
                            + ") and does not count; attest again"));
        }
        return expired.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", expired));
    }

    private Optional<Attestation> filed(String runbookId, String key) {
        return Optional.ofNullable(attestations.getOrDefault(runbookId, Map.of()).get(key));
    }

    private boolean expired(Attestation attestation, Instant now) {
        return attestation.time().map(at -> at.plus(maxAge).isBefore(now)).orElse(true);
    }

    /** Find the waiver naming a step, if any, valid or not. */
    public Optional<Waiver> waiver(StepDefinition step) {
        return waivers.stream().filter(waiver -> waiver.step().equals(step.id().toString())).findFirst();
    }

    /**
     * Describe sign-offs that match nothing in the plan: waivers naming no step, attestations of this runbook that name
     * no manual step (or approver) of it, and expired ones. Attestations of other runbooks are theirs: one file may serve
     * a whole change.
     */
    public List<String> unmatched(RunbookPlan plan, Instant now) {
        Set<String> ids = Set.copyOf(plan.steps().stream().map(step -> step.id().toString()).toList());
        Set<String> manualKeys = new HashSet<>();
        plan.steps().stream().filter(StepDefinition::isManual).forEach(step -> {
            manualKeys.add(step.id().toString());
            step.approvers().forEach(approver -> manualKeys.add(approverKey(step, approver)));
        });
        List<String> unmatched = new ArrayList<>();
        waivers.stream().filter(waiver -> !ids.contains(waiver.step())).forEach(waiver -> unmatched.add("waiver for ["
                + waiver.step() + "] (owner " + waiver.owner() + ") matches no step of this runbook"));
        attestations.getOrDefault(plan.id(), Map.of()).forEach((key, attestation) -> {
            if (!manualKeys.contains(key)) {
                unmatched.add("attestation of " + plan.id() + " [" + key + "] (by " + attestation.by()
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
