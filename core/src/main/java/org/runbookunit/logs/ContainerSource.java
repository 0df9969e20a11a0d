package org.runbookunit.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Read a container's output (stdout and stderr) through Testcontainers' Docker client, with Docker's own timestamps,
 * from {@code since} when given. Loaded only when a step reads a container's logs, so runbooks without Docker need no
 * Testcontainers on the class path.
 */
final class ContainerSource implements LogSource {

    private final String container;
    private final Duration timeout;
    private final int cap;

    ContainerSource(String container, Duration timeout, int cap) {
        this.container = container;
        this.timeout = timeout;
        this.cap = cap;
    }

    @Override
    public String describe() {
        return "logs of container [" + container + "]";
    }

    @Override
    public List<LogLine> read(Optional<Instant> since) {
        DockerClient docker = DockerClientFactory.instance().client();
        LogContainerCmd command = docker.logContainerCmd(container).withStdOut(true).withStdErr(true)
                .withTimestamps(true);
        since.ifPresent(from -> command.withSince((int) from.getEpochSecond()));
        List<LogLine> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        long[] received = {0};
        try (ResultCallback.Adapter<Frame> callback = command.exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                received[0] += frame.getPayload().length;
                if (received[0] <= cap) {
                    collect(new String(frame.getPayload(), StandardCharsets.UTF_8), pending, lines);
                }
            }
        })) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LogsExpectationError("the " + describe() + " did not arrive within " + timeout.toSeconds()
                        + " s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LogsExpectationError("interrupted while reading the " + describe());
        } catch (java.io.IOException closing) {
            // the stream is complete
        } catch (RuntimeException noContainer) {
            throw new LogsExpectationError("cannot read the " + describe() + ": " + noContainer.getMessage());
        }
        if (received[0] > cap) {
            throw new LogsExpectationError("the " + describe() + " has " + received[0] + " bytes to scan, more than "
                    + "the " + cap + " read; scan a shorter part with since(…)");
        }
        if (pending.length() > 0) {
            lines.add(line(pending.toString()));
        }
        return since.map(from -> lines.stream().filter(line -> line.notBefore(from)).toList()).orElse(lines);
    }

    private static void collect(String payload, StringBuilder pending, List<LogLine> lines) {
        pending.append(payload);
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            lines.add(line(pending.substring(0, newline)));
            pending.delete(0, newline + 1);
        }
    }

    /** Split Docker's {@code 2025-12-19T12:24:00.123456789Z message} into time and text. */
    private static LogLine line(String raw) {
        int space = raw.indexOf(' ');
        if (space > 0) {
            try {
                return new LogLine(Optional.of(OffsetDateTime.parse(raw.substring(0, space)).toInstant()),
                        raw.substring(space + 1));
            } catch (DateTimeParseException notATime) {
                // a line without Docker's timestamp
            }
        }
        return new LogLine(Optional.empty(), raw);
    }
}
