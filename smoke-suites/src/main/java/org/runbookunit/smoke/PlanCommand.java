package org.runbookunit.smoke;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Print what every step would do in an environment; nothing is contacted, not even a connection. */
@Command(name = "plan", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Print what every step would do in the environment and contact nothing; exit 0, or 64 on a usage "
                + "or configuration error.")
class PlanCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunCommand run = new RunCommand();
        run.options = options;
        run.spec = spec;
        return run.execute(true);
    }
}
