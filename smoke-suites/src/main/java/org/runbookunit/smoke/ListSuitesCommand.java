package org.runbookunit.smoke;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** List the ready-made suites inside the jar. */
@Command(name = "list-suites", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "List the ready-made suites inside the jar (--suite builtin:NAME).")
class ListSuitesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Builtins.DESCRIPTIONS.forEach((name, description) -> System.out.printf("  builtin:%-12s %s%n", name, description));
        return ExitCodes.GO;
    }
}
