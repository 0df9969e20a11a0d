package org.runbookunit.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.secrets.Secrets;
import org.runbookunit.testing.SeededSecret;

/** Runbooks that start, print and end at once share the console's redaction, and the last one puts the console back. */
class RedactedConsoleTests {

    private static final String SECOND_SECRET = "other-run-token-81234";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(captured, true, StandardCharsets.UTF_8);
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void captureTheConsole() {
        realOut = System.out;
        realErr = System.err;
        System.setOut(console);
        System.setErr(console);
    }

    @AfterEach
    void restoreTheConsole() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void aRunEndingWhileAnotherRunsThreadIsMidSecretLeavesThatLineRedacted() throws Exception {
        RedactedConsole first = RedactedConsole.install(secrets(SeededSecret.VALUE));
        RedactedConsole second = RedactedConsole.install(secrets(SECOND_SECRET));
        String half = SECOND_SECRET.substring(0, 9);
        ExecutorService stepThread = Executors.newSingleThreadExecutor();
        try {
            stepThread.submit(() -> System.out.print("second token " + half)).get(5, TimeUnit.SECONDS);
            first.close();
            stepThread.submit(() -> System.out.println(SECOND_SECRET.substring(9) + " and " + SeededSecret.VALUE))
                    .get(5, TimeUnit.SECONDS);
            assertThat(System.out).as("the second run still prints through the redaction").isNotSameAs(console);
        } finally {
            stepThread.shutdownNow();
            second.close();
        }

        assertThat(System.out).isSameAs(console);
        assertThat(System.err).isSameAs(console);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("second token *** and ***" + System.lineSeparator());
    }

    @Test
    void manyRunsStartingPrintingAndEndingAtOnceNeverPrintASecretAndPutTheConsoleBack() throws Exception {
        int runs = 4;
        int rounds = 40;
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier together = new CyclicBarrier(runs);
                List<Future<?>> printing = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    String secret = run % 2 == 0 ? SeededSecret.VALUE : SECOND_SECRET;
                    int delay = run;
                    printing.add(threads.submit(() -> {
                        together.await(5, TimeUnit.SECONDS);
                        try (RedactedConsole redaction = RedactedConsole.install(secrets(secret))) {
                            for (int line = 0; line < 3 + delay * 2; line++) {
                                printCharacterByCharacter("token ", secret);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> run : printing) {
                    run.get(30, TimeUnit.SECONDS);
                }
                assertThat(System.out).as("after round %d", round).isSameAs(console);
                assertThat(System.err).as("after round %d", round).isSameAs(console);
            }
        } finally {
            threads.shutdownNow();
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        SeededSecret.assertAbsent("the console", output);
        assertThat(output).doesNotContain(SECOND_SECRET.substring(0, 9));
        assertThat(output.lines()).hasSize(rounds * (3 + 5 + 7 + 9)).allMatch(line -> line.equals("token ***"));
    }

    @Test
    void logRecordsAreRedactedForEveryRunGoingOnAndTheHandlersOwnFilterComesBackAtTheEnd() {
        List<String> logged = new ArrayList<>();
        Filter own = record -> true;
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    logged.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setFilter(own);
        Logger logger = Logger.getLogger("org.runbookunit.test.redacted-console");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            RedactedConsole first = RedactedConsole.install(secrets(SeededSecret.VALUE));
            RedactedConsole second = RedactedConsole.install(secrets(SECOND_SECRET));
            first.close();
            logger.log(Level.WARNING, "tokens {0} and {1}", new Object[] {SeededSecret.VALUE, SECOND_SECRET});
            assertThat(handler.getFilter()).isNotSameAs(own);
            second.close();

            assertThat(handler.getFilter()).isSameAs(own);
            assertThat(logged).containsExactly("tokens *** and ***");
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static void printCharacterByCharacter(String prefix, String secret) {
        System.out.print(prefix);
        for (char c : secret.toCharArray()) {
            System.out.print(c);
            Thread.yield();
        }
        System.out.println();
    }

    private static Secrets secrets(String value) {
        Secrets secrets = Secrets.none();
        secrets.add("${TOKEN}", value);
        return secrets;
    }
}
