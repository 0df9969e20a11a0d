package org.runbookunit.model;

import java.util.List;
import org.runbookunit.Verdict;

/**
 * Give the verdict of a run with every reason for it.
 *
 * @param verdict GO or NO-GO
 * @param reasons why the verdict is not GO; empty for GO
 * @param warnings WARNED steps, listed under the verdict without stopping a GO
 * @param passed how many steps PASSED
 * @param ran how many steps ran (PASSED, WARNED or FAILED)
 */
public record GateDecision(Verdict verdict, List<String> reasons, List<String> warnings, int passed, int ran) {

    /** Freeze the lists. */
    public GateDecision {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    /** Return the decision for a run that did not finish: INCOMPLETE, with why first and every earlier reason after. */
    public GateDecision incomplete(List<String> why) {
        List<String> all = new java.util.ArrayList<>(why);
        all.addAll(reasons);
        return new GateDecision(Verdict.INCOMPLETE, all, warnings, passed, ran);
    }

    /** Return PASSED ÷ steps that ran, or 1 when nothing ran. */
    public double passRate() {
        return ran == 0 ? 1 : (double) passed / ran;
    }
}
