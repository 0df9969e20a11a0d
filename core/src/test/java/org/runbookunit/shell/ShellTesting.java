package org.runbookunit.shell;

import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/** Let tests of other facades build a real {@link Shell} (as ShellProvider would) and close its sessions after. */
public final class ShellTesting implements AutoCloseable {

    private final Connections connections = new Connections();

    /** Return a writable Shell with the default deadline and cap. */
    public Shell shell(RunbookEnvironment environment, Evidence evidence) {
        return new Shell(environment, connections, ShellOptions.defaults(), evidence, true);
    }

    @Override
    public void close() {
        connections.close();
    }
}
