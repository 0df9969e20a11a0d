package org.runbookunit.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runbookunit.Outcome;
import org.runbookunit.Verdict;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.internal.Texts;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.GateDecision;

/**
 * Decide GO, NO-GO or HOLD from the results of a run.
 *
 * <p>NO-GO when a step FAILED (only CRITICAL steps fail; others are WARNED), when no step ran at all, when the pass
 * rate (PASSED ÷ steps that ran) is below {@code runbook.gate.min-pass-rate}, or for a reason found outside the steps,
 * such as a secret leaked into a report file or an expired waiver. Otherwise HOLD while manual steps are PENDING.
 */
public final class Gate {

    private static final int REASON_LINES = 8;

    private final double minPassRate;

    /** Create a gate; a minimum pass rate of 0 turns that rule off. */
    public Gate(double minPassRate) {
        this.minPassRate = minPassRate;
    }

    /** Evaluate the results of a run. */
    public GateDecision evaluate(List<StepResult> results) {
        return evaluate(results, List.of(), List.of());
    }

    /**
     * Evaluate the results of a run.
     *
     * @param otherReasons NO-GO reasons found outside the steps (a leaked secret, an expired waiver)
     * @param otherWarnings warnings found outside the steps (a waiver that matches no step)
     */
    public GateDecision evaluate(List<StepResult> results, List<String> otherReasons, List<String> otherWarnings) {
        List<String> reasons = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int passed = 0;
        int ran = 0;
        for (StepResult result : results) {
            passed += result.outcome() == Outcome.PASSED ? 1 : 0;
            ran += result.outcome().ran() ? 1 : 0;
            switch (result.outcome()) {
                case FAILED -> reasons.add(describe(result));
                case WARNED, WAIVED -> warnings.add(describe(result));
                case PENDING -> pending.add(result.step().label() + " PENDING: " + Texts.firstLine(result.message()));
                default -> { }
            }
        }
        if (ran == 0 && pending.isEmpty()) {
            reasons.add("no step ran: nothing was validated");
        } else if (ran > 0 && minPassRate > 0 && (double) passed / ran < minPassRate) {
            reasons.add(String.format(Locale.ROOT, "pass rate %.0f%% (%d of %d steps that ran) is below %s [%s]",
                    100.0 * passed / ran, passed, ran, ConfigKeys.GATE_MIN_PASS_RATE, minPassRate));
        }
        reasons.addAll(otherReasons);
        warnings.addAll(otherWarnings);
        Verdict verdict = !reasons.isEmpty() ? Verdict.NO_GO : pending.isEmpty() ? Verdict.GO : Verdict.HOLD;
        if (verdict == Verdict.HOLD) {
            reasons.addAll(pending);
        } else if (verdict == Verdict.NO_GO) {
            warnings.addAll(0, pending);
        }
        return new GateDecision(verdict, reasons, warnings, passed, ran);
    }

    private static String describe(StepResult result) {
        String[] lines = result.message().split("\n");
        StringBuilder text = new StringBuilder(result.step().label()).append(' ').append(result.outcome());
        if (result.outcome() == Outcome.WARNED) {
            text.append(" (").append(result.step().severity()).append(')');
        }
        text.append(": ").append(Texts.firstLine(result.message()));
        for (int line = 1; line < Math.min(lines.length, REASON_LINES); line++) {
            text.append('\n').append(lines[line]);
        }
        return text.toString();
    }
}
