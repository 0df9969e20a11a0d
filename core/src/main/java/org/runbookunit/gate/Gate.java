package org.runbookunit.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runbookunit.Outcome;
import org.runbookunit.Verdict;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.internal.Texts;
import org.runbookunit.run.StepResult;

/**
 * Decide GO or NO-GO from the results of a run.
 *
 * <p>NO-GO when a step FAILED (only CRITICAL steps fail; others are WARNED), when no step ran at all, when the pass
 * rate (PASSED ÷ steps that ran) is below {@code runbook.gate.min-pass-rate}, or for a reason found outside the steps,
 * such as a secret leaked into a report file.
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
        return evaluate(results, List.of());
    }

    /** Evaluate the results of a run, adding reasons found outside the steps (e.g. a leaked secret). */
    public GateDecision evaluate(List<StepResult> results, List<String> otherReasons) {
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int passed = 0;
        int ran = 0;
        for (StepResult result : results) {
            passed += result.outcome() == Outcome.PASSED ? 1 : 0;
            ran += result.outcome().ran() ? 1 : 0;
            if (result.outcome() == Outcome.FAILED) {
                reasons.add(describe(result));
            } else if (result.outcome() == Outcome.WARNED) {
                warnings.add(describe(result));
            }
        }
        if (ran == 0) {
            reasons.add("no step ran: nothing was validated");
        } else if (minPassRate > 0 && (double) passed / ran < minPassRate) {
            reasons.add(String.format(Locale.ROOT, "pass rate %.0f%% (%d of %d steps that ran) is below %s [%s]",
                    100.0 * passed / ran, passed, ran, ConfigKeys.GATE_MIN_PASS_RATE, minPassRate));
        }
        reasons.addAll(otherReasons);
        Verdict verdict = reasons.isEmpty() ? Verdict.GO : Verdict.NO_GO;
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
