package org.runbookunit.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.runbookunit.config.Durations;

/**
 * Check one log: lines that must not be there ({@link #expectNo}, minus {@link #allow}ed ones) or a line that must
 * appear ({@link #expectLine}), since a time. An immutable value: {@code since}, {@code allow} and {@code fromOffset}
 * copy. Patterns are Java regular expressions found anywhere in a line.
 *
 * <pre>{@code
 * logs.journal("app", "air-demand-api").sinceRunStart().allow("ERROR .*retrying").expectNo("ERROR|CRITICAL");
 * logs.file("app", "/var/log/air-demand/api.log").since(Duration.ofMinutes(5))
 *     .expectLine("Application startup complete", Duration.ofSeconds(30));
 * }</pre>
 */
public final class LogQuery {

    private static final Duration POLL = Duration.ofMillis(500);

    private final LogSource source;
    private final LogScan scan;
    private final Optional<Instant> since;
    private final String sinceLabel;
    private final List<Pattern> allowed;

    LogQuery(LogSource source, LogScan scan, Optional<Instant> since, String sinceLabel, List<Pattern> allowed) {
        this.source = source;
        this.scan = scan;
        this.since = since;
        this.sinceLabel = sinceLabel;
        this.allowed = List.copyOf(allowed);
    }

    /** Look only at lines written in the last {@code period} (by the runner's clock). */
    public LogQuery since(Duration period) {
        Instant from = Instant.now().minus(period);
        return new LogQuery(source, scan, Optional.of(from), "the last " + Durations.format(period), allowed);
    }

    /** Look only at lines written at or after {@code instant}. */
    public LogQuery since(Instant instant) {
        return new LogQuery(source, scan, Optional.of(instant), instant.toString(), allowed);
    }

    /** Look only at lines written since this run of the runbook started. */
    public LogQuery sinceRunStart() {
        return new LogQuery(source, scan, Optional.of(scan.runStart()), "the run started (" + scan.runStart() + ")",
                allowed);
    }

    /** Read a log file from this byte offset, e.g. one taken with {@link #endOffset()} before a restart. */
    public LogQuery fromOffset(long offset) {
        return new LogQuery(source.fromOffset(offset), scan, since, sinceLabel, allowed);
    }

    /** Return the size of a log file now: the offset a later {@link #fromOffset} read starts at. */
    public long endOffset() {
        return source.endOffset();
    }

    /** Let lines matching {@code regex} pass {@link #expectNo}: known, harmless errors. */
    public LogQuery allow(String regex) {
        List<Pattern> more = new ArrayList<>(allowed);
        more.add(Pattern.compile(regex));
        return new LogQuery(source, scan, since, sinceLabel, more);
    }

    /** Return the lines, oldest first. */
    public List<LogLine> lines() {
        return source.read(since);
    }

    /** Return how many lines match {@code regex}. */
    public long count(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines().stream().filter(line -> pattern.matcher(line.text()).find()).count();
    }

    /** Expect no line matching {@code regex} that no {@link #allow} pattern matches; matching lines become evidence. */
    public LogQuery expectNo(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<LogLine> lines = lines();
        List<LogLine> matching = lines.stream().filter(line -> pattern.matcher(line.text()).find()).toList();
        List<LogLine> failing = matching.stream().filter(line -> allowed.stream()
                .noneMatch(allow -> allow.matcher(line.text()).find())).toList();
        String evidence = scan.record(source.describe() + " no " + regex, header(regex, lines.size())
                + "matching: " + matching.size() + ", allowed: " + (matching.size() - failing.size()) + ", failing: "
                + failing.size() + "\n", failing);
        if (!failing.isEmpty()) {
            throw scan.failure(failing.size() + " line(s) of the " + source.describe() + " since " + sinceLabel
                    + " match [" + regex + "]" + allowedNote(matching.size() - failing.size()) + "; first: "
                    + failing.get(0) + (failing.size() > 1 ? "; last: " + failing.get(failing.size() - 1) : "")
                    + "\n  evidence: " + evidence);
        }
        return this;
    }

    /** Wait up to {@code within} for a line matching {@code regex}; return it, or fail with what was read. */
    public LogLine expectLine(String regex, Duration within) {
        Pattern pattern = Pattern.compile(regex);
        AtomicReference<List<LogLine>> last = new AtomicReference<>(List.of());
        try {
            LogLine found = Awaitility.await("line [" + regex + "] in the " + source.describe()).atMost(within)
                    .pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                        last.set(lines());
                        return last.get().stream().filter(line -> pattern.matcher(line.text()).find()).findFirst();
                    }, Optional::isPresent).orElseThrow();
            scan.record(source.describe() + " line " + regex, header(regex, last.get().size()) + "found\n",
                    List.of(found));
            return found;
        } catch (ConditionTimeoutException timeout) {
            List<LogLine> read = last.get();
            String evidence = scan.record(source.describe() + " line " + regex, header(regex, read.size())
                    + "not found within " + Durations.format(within) + "; last lines read:\n", tail(read));
            throw scan.failure("no line of the " + source.describe() + " since " + sinceLabel + " matched [" + regex
                    + "] within " + Durations.format(within) + " (" + read.size() + " lines read"
                    + (read.isEmpty() ? "" : "; last: " + read.get(read.size() - 1)) + ")\n  evidence: " + evidence);
        }
    }

    private String header(String regex, int scanned) {
        return "source: " + source.describe() + "\nsince: " + since.map(from -> sinceLabel).orElse("the beginning")
                + "\npattern: " + regex + "\nallowed: " + allowed + "\nlines scanned: " + scanned + "\n";
    }

    private String allowedNote(int allowedCount) {
        return allowedCount == 0 ? "" : " (" + allowedCount + " more allowed by " + allowed + ")";
    }

    private static List<LogLine> tail(List<LogLine> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }
}
