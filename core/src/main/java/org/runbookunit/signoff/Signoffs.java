package org.runbookunit.signoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.internal.Texts;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.Attestation;
import org.runbookunit.model.Waiver;

/** Hold the attestations of manual steps and the waivers of known failures that apply to one run. */
public final class Signoffs {

    private final Map<String, Attestation> attestations;
    private final List<Waiver> waivers;
    private final Function<String, Optional<String>> attestationParameter;

    /**
     * Create the sign-offs of a run.
     *
     * @param attestations attestations from the {@code runbook.attestations} file, by step id
     * @param waivers waivers from the {@code runbook.waivers} file
     * @param attestationParameter reads {@code runbook.attest.<step-id>} ({@code "Name"} or {@code "Name: note"})
     */
    public Signoffs(Map<String, Attestation> attestations, List<Waiver> waivers,
            Function<String, Optional<String>> attestationParameter) {
        this.attestations = Map.copyOf(attestations);
        this.waivers = List.copyOf(waivers);
        this.attestationParameter = attestationParameter;
    }

    /** Create sign-offs with no attestation and no waiver. */
    public static Signoffs none() {
        return new Signoffs(Map.of(), List.of(), key -> Optional.empty());
    }

    /**
     * Find the attestation of a manual step: a {@code runbook.attest.<id>} parameter wins over the file. A step with
     * approvers is attested only when each of them attested ({@code runbook.attest.<id>.<approver-slug>}, or the key
     * {@code "<id>.<approver-slug>"} in the file); the result names them all.
     */
    public Optional<Attestation> attestation(StepDefinition step, String now) {
        if (step.approvers().isEmpty()) {
            return single(step.id().toString(), now);
        }
        if (!missingApprovers(step, now).isEmpty()) {
            return Optional.empty();
        }
        List<String> by = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String at = "";
        for (String approver : step.approvers()) {
            Attestation each = single(approverKey(step, approver), now).orElseThrow();
            by.add(each.by() + " (" + approver + ")");
            if (!each.note().isEmpty()) {
                notes.add(approver + ": " + each.note());
            }
            at = each.at().compareTo(at) > 0 ? each.at() : at;
        }
        return Optional.of(new Attestation(String.join(", ", by), at, String.join("; ", notes)));
    }

    /** Return the approvers of a manual step who have not attested it yet, in the order the step names them. */
    public List<String> missingApprovers(StepDefinition step, String now) {
        return step.approvers().stream().filter(approver -> single(approverKey(step, approver), now).isEmpty()).toList();
    }

    /** Return the id one approver attests a step under: {@code 9.1.tech-lead} for "Tech Lead" on step 9.1. */
    public static String approverKey(StepDefinition step, String approver) {
        return step.id() + "." + Texts.slug(approver);
    }

    private Optional<Attestation> single(String key, String now) {
        Optional<Attestation> fromParameter = attestationParameter.apply(ConfigKeys.ATTEST_PREFIX + key)
                .filter(value -> !value.isBlank()).map(value -> parse(value, now));
        return fromParameter.or(() -> Optional.ofNullable(attestations.get(key)));
    }

    /** Find the waiver naming a step, if any, valid or not. */
    public Optional<Waiver> waiver(StepDefinition step) {
        return waivers.stream().filter(waiver -> waiver.step().equals(step.id().toString())).findFirst();
    }

    /**
     * Describe waivers that name no step of the plan: they are reported, never silently ignored. (An attestation file
     * may serve several runbooks of one change, so attestations for other steps are not reported.)
     */
    public List<String> unmatched(RunbookPlan plan) {
        Set<String> ids = Set.copyOf(plan.steps().stream().map(step -> step.id().toString()).toList());
        List<String> unmatched = new ArrayList<>();
        waivers.stream().filter(waiver -> !ids.contains(waiver.step())).forEach(waiver -> unmatched.add("waiver for ["
                + waiver.step() + "] (owner " + waiver.owner() + ") matches no step of this runbook"));
        return unmatched;
    }

    private static Attestation parse(String value, String now) {
        int colon = value.indexOf(':');
        return colon < 0 ? new Attestation(value.trim(), now, "")
                : new Attestation(value.substring(0, colon).trim(), now, value.substring(colon + 1).trim());
    }
}
