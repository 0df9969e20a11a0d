package org.runbookunit.examples.airdemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestartWindowTests {

    @Test
    void isInactiveUntilARestartBegins() {
        RestartWindow window = new RestartWindow(new AtomicLong(42)::get);

        assertThat(window.active()).isFalse();
    }

    @Test
    void lastsExactlyTheDefaultThreeHundredMilliseconds() {
        AtomicLong now = new AtomicLong();
        RestartWindow window = new RestartWindow(now::get);

        window.begin();
        now.addAndGet(Duration.ofMillis(300).toNanos() - 1);
        boolean activeJustBeforeTheEnd = window.active();
        now.incrementAndGet();

        assertThat(activeJustBeforeTheEnd).isTrue();
        assertThat(window.active()).isFalse();
    }

    @Test
    void usesTheDurationSetBeforeTheRestartBegan() {
        AtomicLong now = new AtomicLong();
        RestartWindow window = new RestartWindow(now::get);
        window.setDuration(Duration.ofSeconds(2));

        window.begin();
        now.addAndGet(Duration.ofMillis(1_999).toNanos());

        assertThat(window.active()).isTrue();
    }

    @Test
    void zeroDurationNeverBecomesActive() {
        RestartWindow window = new RestartWindow(new AtomicLong()::get);
        window.setDuration(Duration.ZERO);

        window.begin();

        assertThat(window.active()).isFalse();
    }

    @Test
    void survivesTheNanoTimeCounterWrappingAround() {
        AtomicLong now = new AtomicLong(Long.MAX_VALUE - 10);
        RestartWindow window = new RestartWindow(now::get);

        window.begin();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        boolean activeAfterTheWrap = window.active();
        now.addAndGet(Duration.ofMillis(200).toNanos());

        assertThat(activeAfterTheWrap).isTrue();
        assertThat(window.active()).isFalse();
    }
}
