package org.runbookunit.examples.airdemand;

/** Read the {@code --port N} command-line option of {@link AirDemandService#main(String[])}. */
final class PortArgument {

    private static final String OPTION = "--port";
    private static final String USAGE = "usage: AirDemandService [--port N] with N between 0 and 65535";

    private PortArgument() {
    }

    /** Return the port given after {@code --port}, or {@code defaultPort} when the option is absent. */
    static int parse(String[] args, int defaultPort) {
        if (args.length == 0) {
            return defaultPort;
        }
        if (args.length != 2 || !OPTION.equals(args[0])) {
            throw new IllegalArgumentException("unexpected arguments " + String.join(" ", args) + "; " + USAGE);
        }
        return portNumber(args[1]);
    }

    private static int portNumber(String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--port must be a number but was [" + text + "]; " + USAGE);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535 but was [" + port + "]; " + USAGE);
        }
        return port;
    }
}
