package org.runbookunit.internal.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.runbookunit.Outcome;
import org.runbookunit.model.GateDecision;
import org.runbookunit.internal.Texts;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.secrets.Secrets;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.RunbookResult;

/** Print one line per finished step, then the verdict and the report's path. */
public final class ConsoleProgress {

    /** Enough lines for an AssertJ message: "expected … but was …" with both values, then the evidence hint. */
    private static final int MESSAGE_LINES = 12;

    private final PrintStream out;
    private final Secrets secrets;
    private String lastPhase = "";

    /** Print to the given stream, usually {@code System.out}. */
    public ConsoleProgress(PrintStream out) {
        this(out, Secrets.none());
    }

    /** Print to the given stream, replacing every secret value with {@code ***}. */
    public ConsoleProgress(PrintStream out, Secrets secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    private void println(String line) {
        out.println(secrets.redact(line));
    }

    private void println() {
        out.println();
    }

    /** Print the runbook's header line. */
    public synchronized void started(RunbookPlan plan, String environment) {
        println();
        println("▶ Runbook: " + plan.title() + "  [environment: " + environment + ", " + plan.steps().size() + " steps]");
    }

    /** Print a finished step's line, and the lines of why it did not pass. */
    public synchronized void stepFinished(StepResult result, String budgetNote) {
        if (!result.step().phase().isEmpty() && !result.step().phase().equals(lastPhase)) {
            lastPhase = result.step().phase();
            println("  Phase " + result.step().id().phase() + ": " + lastPhase);
        }
        println("    " + result.outcome().symbol() + " " + result.step().label() + "  (" + human(result.duration())
                + (budgetNote.isEmpty() ? "" : "; " + budgetNote) + ")");
        if (result.outcome() != Outcome.PASSED && !result.message().isEmpty()) {
            result.message().lines().filter(line -> !line.isBlank()).limit(MESSAGE_LINES)
                    .forEach(line -> println("        ↳ " + Texts.snippet(line.strip(), 200)));
        }
    }

    /** Print the verdict, its reasons and warnings, and where the report is. */
    public synchronized void finished(RunbookResult result, String reportPath) {
        GateDecision decision = result.decision();
        println("  Verdict: " + decision.verdict().label() + "  (" + decision.passed() + " of " + decision.ran()
                + " steps that ran passed, " + human(result.duration()) + ")");
        if (result.rollback().state() != org.runbookunit.model.Rollback.State.NONE) {
            println("  " + result.rollback().describe());
        }
        decision.reasons().forEach(reason -> println("    ✘ " + Texts.firstLine(reason)));
        decision.warnings().forEach(warning -> println("    ⚠ " + Texts.firstLine(warning)));
        println("  Report: " + reportPath);
        println();
    }

    /** Render a duration the way the console does: {@code 84 ms}, {@code 2.5 s}, {@code 3 m 05 s}. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d m %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
