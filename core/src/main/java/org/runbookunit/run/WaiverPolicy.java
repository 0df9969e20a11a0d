package org.runbookunit.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbookunit.Outcome;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.internal.signoff.Signoffs;
import org.runbookunit.model.Waiver;
import org.runbookunit.model.StepResult;

/** Turn a failure covered by a valid waiver into WAIVED; an expired waiver fails closed and becomes a NO-GO reason. */
final class WaiverPolicy {

    private final Signoffs signoffs;
    private final LocalDate today;
    private final List<String> expired = new ArrayList<>();

    WaiverPolicy(Signoffs signoffs, LocalDate today) {
        this.signoffs = signoffs;
        this.today = today;
    }

    Optional<Waiver> validWaiver(StepDefinition step) {
        return signoffs.waiver(step).filter(waiver -> waiver.validOn(today));
    }

    synchronized StepResult apply(StepResult result) {
        if (result.outcome() != Outcome.FAILED && result.outcome() != Outcome.WARNED) {
            return result;
        }
        Optional<Waiver> found = signoffs.waiver(result.step());
        if (found.isEmpty()) {
            return result;
        }
        Waiver waiver = found.get();
        if (waiver.validOn(today)) {
            return result.with(Outcome.WAIVED, waiver.describe() + "\n" + result.message(), result.attestation(), found);
        }
        String expiry = "waiver for [" + waiver.step() + "] (owner " + waiver.owner() + ") expired on " + waiver.expires();
        expired.add(expiry + ": the failure stands; renew the waiver or fix the step");
        return result.with(result.outcome(), expiry + "\n" + result.message(), result.attestation(), found);
    }

    synchronized List<String> expiredReasons() {
        return List.copyOf(expired);
    }
}
