package org.runbookunit.smoke;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runbookunit.Severity;
import org.runbookunit.config.Durations;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.model.StepRules;
import org.runbookunit.smoke.spi.SmokeCheck;

/** Turn a parsed suite file into a {@link Suite}, validating every step and check before anything runs. */
final class SuiteCompiler {

    private final String source;
    private final List<StepDefinition> steps = new ArrayList<>();
    private final Map<StepId, List<SmokeCheck>> checks = new LinkedHashMap<>();

    SuiteCompiler(String source) {
        this.source = source;
    }

    Suite compile(SuiteModel.File file) {
        if (file.title == null || file.title.isBlank()) {
            throw error("has no [suite] title; start the file with [suite: air-demand production smoke]");
        }
        boolean hasPhases = file.phases != null && !file.phases.isEmpty();
        boolean hasSteps = file.steps != null && !file.steps.isEmpty();
        if (hasPhases == hasSteps) {
            throw error(hasPhases ? "has both [phases] and [steps]; keep one: steps inside phases, or steps only"
                    : "has no [phases] and no [steps]; add phases: - name: Health, steps: [...]");
        }
        if (hasPhases) {
            for (int index = 0; index < file.phases.size(); index++) {
                phase(index + 1, file.phases.get(index));
            }
        } else {
            steps(0, "", file.steps, StepRules.ANYWHERE);
        }
        Optional<Duration> budget = Optional.ofNullable(file.budget).map(raw -> Durations.parse(source + ": budget", raw));
        String id = file.id == null || file.id.isBlank() ? slug(file.title) : file.id.trim();
        return new Suite(source, new RunbookPlan(id, file.title.trim(), steps, budget), checks);
    }

    private void phase(int order, SuiteModel.Phase phase) {
        if (phase == null || phase.name == null || phase.name.isBlank()) {
            throw error("phases[" + (order - 1) + "] has no [name]; write - name: Health");
        }
        if (phase.steps == null || phase.steps.isEmpty()) {
            throw error("phase [" + phase.name + "] has no [steps]");
        }
        steps(order, phase.name.trim(), phase.steps, rules(phase.onlyIn, phase.notIn, StepRules.ANYWHERE));
    }

    private void steps(int phase, String phaseName, List<SuiteModel.Step> specs, StepRules phaseRules) {
        for (int index = 0; index < specs.size(); index++) {
            SuiteModel.Step spec = specs.get(index);
            StepId id = phase == 0 ? StepId.of(index + 1) : StepId.of(phase, index + 1);
            if (spec == null || spec.title == null || spec.title.isBlank()) {
                throw error("step " + id + " has no [title]; write - title: API /health returns healthy");
            }
            String manual = spec.manual == null ? "" : spec.manual.trim();
            boolean hasChecks = spec.checks != null && !spec.checks.isEmpty();
            if (manual.isEmpty() == !hasChecks) {
                throw error("step " + id + " [" + spec.title + "] needs either [checks] or a [manual] instruction, "
                        + "not " + (hasChecks ? "both" : "neither"));
            }
            steps.add(new StepDefinition(id, spec.title.trim(), severity(id, spec.severity), phaseName,
                    rules(spec.onlyIn, spec.notIn, phaseRules), manual));
            checks.put(id, hasChecks ? validated(spec.checks) : List.of());
        }
    }

    private List<SmokeCheck> validated(List<SuiteModel.CheckEntry> entries) {
        List<SmokeCheck> valid = new ArrayList<>();
        for (SuiteModel.CheckEntry entry : entries) {
            try {
                entry.check.validate();
            } catch (IllegalArgumentException | RunbookConfigurationException bad) {
                throw new RunbookConfigurationException(source + " line " + entry.line + ": " + entry.kind + ": "
                        + bad.getMessage(), bad);
            }
            valid.add(entry.check);
        }
        return valid;
    }

    private Severity severity(StepId id, String raw) {
        if (raw == null || raw.isBlank()) {
            return Severity.CRITICAL;
        }
        try {
            return Severity.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw error("step " + id + " has severity [" + raw + "]; write one of " + List.of(Severity.values()));
        }
    }

    private static StepRules rules(List<String> onlyIn, List<String> notIn, StepRules outer) {
        Set<String> only = onlyIn == null ? outer.onlyIn() : Set.copyOf(onlyIn);
        Set<String> not = new java.util.HashSet<>(outer.notIn());
        if (notIn != null) {
            not.addAll(notIn);
        }
        return new StepRules(only, not, false);
    }

    private RunbookConfigurationException error(String what) {
        return new RunbookConfigurationException(source + " " + what);
    }

    /** Turn a title into a report folder name: {@code "Air-demand Smoke!" → "air-demand-smoke"}. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "suite" : slug;
    }
}
