package org.runbookunit.examples;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.runbookunit.examples.airdemand.AirDemandService;

/**
 * Start the sample air-demand service on 127.0.0.1:8123 for a test run against the {@code local} environment, and
 * stop it when the run ends. Runs against other environments leave the machine alone.
 *
 * <p>Set {@code -Dairdemand.fault=database-down} (or another of {@link SampleFaults}) to rehearse a failing deployment.
 * Set {@code -Dairdemand.sample=off} when the selected tests do not use the sample (the seed 002, 003 and 004 runbooks
 * start their own systems), so that a second build on the same machine does not share its port.
 */
public class SampleServiceSession implements LauncherSessionListener {

    /** The admin token of a local rehearsal, as written in runbook.yaml: not a secret, it guards a loopback sample. */
    static final String LOCAL_ADMIN_TOKEN = "local-rehearsal-token";

    /** The dashboard password of a local rehearsal, as written in runbook.yaml. */
    static final String LOCAL_DASHBOARD_PASSWORD = "local-rehearsal-password";

    private AirDemandService service;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"local".equals(selectedEnvironment()) || "off".equals(System.getProperty("airdemand.sample"))) {
            return;
        }
        String fault = System.getProperty("airdemand.fault", "");
        try {
            service = AirDemandService.start(AirDemandService.DEFAULT_PORT, SampleFaults.roleStore(fault), adminToken(),
                    dashboardPassword());
        } catch (UncheckedIOException busy) {
            if (!(busy.getCause() instanceof BindException)) {
                throw busy;
            }
            System.out.println("[examples] 127.0.0.1:" + AirDemandService.DEFAULT_PORT
                    + " is in use: the runbooks check whatever answers there");
            return;
        }
        SampleFaults.inject(service, fault);
        System.out.println("[examples] sample air-demand service started on " + service.baseUri()
                + (fault.isEmpty() ? "" : " with fault [" + fault + "]"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (service != null) {
            service.close();
        }
    }

    /** Use the admin token the local environment of runbook.yaml falls back to, unless one is exported. */
    static String adminToken() {
        String exported = System.getenv(AirDemandService.ADMIN_TOKEN_ENV);
        return exported == null || exported.isBlank() ? LOCAL_ADMIN_TOKEN : exported;
    }

    /** Use the dashboard password the local environment of runbook.yaml falls back to, unless one is exported. */
    static String dashboardPassword() {
        String exported = System.getenv(AirDemandService.DASHBOARD_PASSWORD_ENV);
        return exported == null || exported.isBlank() ? LOCAL_DASHBOARD_PASSWORD : exported;
    }

    private static String selectedEnvironment() {
        return Optional.ofNullable(System.getProperty("runbook.env")).or(() -> Optional.ofNullable(System.getenv("RUNBOOK_ENV")))
                .orElse("local");
    }
}
