package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import org.runbookunit.smoke.spi.SmokeCheck;
import org.runbookunit.spi.StepContext;
import org.runbookunit.windows.Poll;
import org.runbookunit.windows.Windows;

/**
 * Run another check over time through {@link Windows}: {@code eventually} until it passes, {@code sustained} for as
 * long as it must keep passing; the window's timeline is evidence.
 *
 * <pre>{@code
 * - eventually: { within: 5m, every: 5s, check: { http: { endpoint: api, path: /health/ready, status: 200 } } }
 * - sustained: { for: 30m, every: 1m, check: { http: { endpoint: api, path: /health, status: 200 } } }
 * }</pre>
 */
public abstract class WindowCheck implements SmokeCheck {

    @JsonProperty("every")
    String every;
    @JsonProperty("check")
    @JsonDeserialize(using = NestedCheckDeserializer.class)
    SmokeCheck check;

    abstract String kind();

    abstract String length();

    abstract String lengthKey();

    @Override
    public void validate() {
        Checks.duration(Checks.required(length(), lengthKey(), "5m"), lengthKey());
        if (every != null) {
            Checks.duration(every, "every");
        }
        if (check == null) {
            throw new IllegalArgumentException("[check] is missing: the check to repeat, e.g. check: { http: { endpoint: "
                    + "api, path: /health, status: 200 } }");
        }
        check.validate();
    }

    @Override
    public String describe() {
        return kind() + " " + length() + ": " + (check == null ? "?" : check.describe());
    }

    Duration lengthValue() {
        return Checks.duration(length(), lengthKey());
    }

    Duration everyValue(Duration fallback) {
        return every == null ? fallback : Checks.duration(every, "every");
    }

    void sample(StepContext context) {
        try {
            check.run(context);
        } catch (RuntimeException | AssertionError failure) {
            throw failure;
        } catch (Exception checked) {
            throw new SmokeExpectationError(check.describe() + ": " + checked);
        }
    }

    /** Repeat the check until it passes, failing after {@code within}. */
    public static final class Eventually extends WindowCheck {
        @JsonProperty("within")
        String within;

        @Override
        String kind() {
            return "eventually within";
        }

        @Override
        String length() {
            return within;
        }

        @Override
        String lengthKey() {
            return "within";
        }

        @Override
        public void run(StepContext context) {
            context.facade(Windows.class).eventually(check.describe(), lengthValue(),
                    Poll.every(everyValue(Duration.ofSeconds(1))), () -> sample(context));
        }
    }

    /** Require the check to pass at every sample for {@code for}. */
    public static final class Sustained extends WindowCheck {
        @JsonProperty("for")
        String duration;

        @Override
        String kind() {
            return "sustained for";
        }

        @Override
        String length() {
            return duration;
        }

        @Override
        String lengthKey() {
            return "for";
        }

        @Override
        public void run(StepContext context) {
            context.facade(Windows.class).sustain(check.describe(), lengthValue(), everyValue(Duration.ofMinutes(1)),
                    () -> sample(context));
        }
    }
}
