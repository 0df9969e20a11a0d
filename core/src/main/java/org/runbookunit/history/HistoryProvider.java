package org.runbookunit.history;

import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.ledger.RunLedger;
import org.runbookunit.internal.ledger.RunLedgers;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link History} over the configured run ledger, scoped to the step's runbook and environment. */
public final class HistoryProvider implements FacadeProvider<History> {

    @Override
    public Class<History> type() {
        return History.class;
    }

    @Override
    public History open(StepContext step) {
        RunLedger ledger = RunLedgers.open(step.settings(), step.secrets()).orElseThrow(() ->
                new RunbookConfigurationException("step " + step.step().label() + " reads History but "
                        + ConfigKeys.LEDGER + " is [off]; unset it or point it at a ledger"));
        return new History(ledger, step.clock(), step.runbookId(), step.environment().name(),
                step.step().id().toString(), step.evidence(), step.warnings());
    }
}
