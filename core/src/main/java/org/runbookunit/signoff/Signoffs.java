package org.runbookunit.signoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    /** Find the attestation of a manual step: a {@code runbook.attest.<id>} parameter wins over the file. */
    public Optional<Attestation> attestation(StepDefinition step, String now) {
        Optional<Attestation> fromParameter = attestationParameter.apply("runbook.attest." + step.id())
                .filter(value -> !value.isBlank()).map(value -> parse(value, now));
        return fromParameter.or(() -> Optional.ofNullable(attestations.get(step.id().toString())));
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
