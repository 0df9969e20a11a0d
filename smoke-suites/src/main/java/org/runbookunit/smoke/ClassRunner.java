package org.runbookunit.smoke;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.runbookunit.config.RunbookConfigurationException;

/**
 * Run compiled {@code @Runbook} classes through the JUnit Platform Launcher, as Surefire does, and turn what they
 * reported into an exit code: the adapter fails a runbook class with its verdict, so NO-GO and HOLD are read from there.
 */
final class ClassRunner {

    private final Map<String, String> parameters;
    private final Path reportsDir;

    ClassRunner(Map<String, String> parameters, Path reportsDir) {
        this.parameters = Map.copyOf(parameters);
        this.reportsDir = reportsDir;
    }

    /** Run the selected classes and packages with the given class loader as the context class loader. */
    int run(ClassLoader loader, List<String> classes, List<String> packages) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return execute(classes, packages);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private int execute(List<String> classes, List<String> packages) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        classes.forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
        packages.forEach(name -> selectors.add(DiscoverySelectors.selectPackage(name)));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameters(parameters).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Verdicts verdicts = new Verdicts();
        PrintWriter xmlErrors = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        launcher.execute(request, summary, verdicts, new LegacyXmlReportGeneratingListener(reportsDir, xmlErrors));
        if (summary.getSummary().getContainersFoundCount() <= 1 && summary.getSummary().getTestsFoundCount() == 0) {
            throw new RunbookConfigurationException("no test was found for " + (classes.isEmpty() ? "" : "--select-class "
                    + classes + " ") + (packages.isEmpty() ? "" : "--select-package " + packages + " ") + "on the class "
                    + "path; check the names and that --class-path lists the jar that holds them");
        }
        verdicts.configurationError().ifPresent(message -> {
            throw new RunbookConfigurationException(message);
        });
        System.out.println("  JUnit XML: " + reportsDir.toAbsolutePath());
        return verdicts.exitCode(summary.getSummary().getTotalFailureCount() > 0);
    }

    /** Read each runbook class's verdict from the error the adapter fails it with. */
    private static final class Verdicts implements TestExecutionListener {
        private int code = ExitCodes.GO;
        private String configurationError;

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            Optional<Throwable> failure = result.getThrowable();
            if (result.getStatus() != TestExecutionResult.Status.FAILED || failure.isEmpty()) {
                return;
            }
            Throwable cause = failure.get();
            String message = String.valueOf(cause.getMessage());
            if (cause.getClass().getSimpleName().equals("RunbookVerdictError")) {
                code = ExitCodes.worst(code, message.startsWith("HOLD") ? ExitCodes.HOLD : ExitCodes.NO_GO);
            } else if (cause instanceof RunbookConfigurationException && configurationError == null) {
                configurationError = identifier.getDisplayName() + ": " + message;
            } else if (identifier.isTest()) {
                code = ExitCodes.worst(code, ExitCodes.NO_GO);
            }
        }

        Optional<String> configurationError() {
            return Optional.ofNullable(configurationError);
        }

        int exitCode(boolean anyFailure) {
            return anyFailure && code == ExitCodes.GO ? ExitCodes.NO_GO : code;
        }
    }
}
