package org.runbookunit.examples.airdemand;

import java.util.List;
import java.util.Objects;

/**
 * Hold the settings the real service reads from its {@code .env} file.
 *
 * @param appName the display name ({@code APP_NAME})
 * @param environment where the service runs, such as {@code staging} ({@code ENVIRONMENT})
 * @param scrapeHours the UTC hours the scheduler scrapes roles ({@code SCRAPE_HOURS})
 * @param digestHour the UTC hour the scheduler sends the digest ({@code DIGEST_HOUR})
 * @param allowedOrigins the browser origins CORS lets call the API ({@code app/core/config.py}'s allowed_origins)
 */
record ServiceConfig(String appName, String environment, List<Integer> scrapeHours, int digestHour,
        List<String> allowedOrigins) {

    static final String APP_NAME = "app_name";
    static final String ENVIRONMENT = "environment";
    static final String SCRAPE_HOURS = "scrape_hours";
    static final String DIGEST_HOUR = "digest_hour";
    static final String ALLOWED_ORIGINS = "allowed_origins";

    /**
     * Hold the staging settings the runbook starts from: CORS still lets the old production dashboard in, as seed 001
     * found {@code app/core/config.py} before the cutover.
     */
    static final ServiceConfig STAGING = new ServiceConfig("Air Demand Staging", "staging", List.of(3, 15), 4,
            List.of("http://localhost:3000", "http://old-prod.airdemand.example:3000"));

    ServiceConfig {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(environment, "environment");
        scrapeHours = List.copyOf(scrapeHours);
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
