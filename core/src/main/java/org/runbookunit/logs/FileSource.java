package org.runbookunit.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.HostShell;

/**
 * Read a log file on a host through {@code Shell} ({@code wc -c} and {@code tail -c}): from a byte offset, or its last
 * {@code cap} bytes. A line without a leading time takes the time of the line before it (a stack trace's lines).
 * When the part needed (everything since the offset, or since the time) is larger than the cap, the read fails rather
 * than scanning part of it.
 */
final class FileSource implements LogSource {

    private final HostShell host;
    private final String path;
    private final OptionalLong offset;
    private final int cap;

    FileSource(HostShell host, String path, OptionalLong offset, int cap) {
        this.host = host.readOnly().outputCap(cap + 64);
        this.path = path;
        this.offset = offset;
        this.cap = cap;
    }

    @Override
    public String describe() {
        return "file [" + path + "] on host [" + host.settings().name() + "]"
                + (offset.isPresent() ? " from byte " + offset.getAsLong() : "");
    }

    @Override
    public LogSource fromOffset(long from) {
        if (from < 0) {
            throw new IllegalArgumentException("a log offset must be >= 0 but was [" + from + "]");
        }
        return new FileSource(host, path, OptionalLong.of(from), cap);
    }

    /** Return the file's size now: where a later read {@code fromOffset} starts. */
    @Override
    public long endOffset() {
        CommandResult result = host.run("wc -c < " + quote(path));
        if (result.exitCode() != 0) {
            throw cannotRead(result);
        }
        return Long.parseLong(result.output().strip());
    }

    @Override
    public List<LogLine> read(Optional<Instant> since) {
        String tail = offset.isPresent() ? "tail -c +" + (offset.getAsLong() + 1) : "tail -c " + cap;
        CommandResult result = host.run("wc -c < " + quote(path) + " && " + tail + " " + quote(path));
        if (result.exitCode() != 0) {
            throw cannotRead(result);
        }
        String output = result.output();
        int newline = output.indexOf('\n');
        long size = Long.parseLong(output.substring(0, newline).strip());
        long wanted = size - offset.orElse(0);
        List<LogLine> lines = lines(output.substring(newline + 1), wanted > cap && offset.isEmpty());
        if (wanted > cap && (offset.isPresent() || since.isEmpty() || startsAfter(lines, since.get()))) {
            throw new LogsExpectationError(describe() + " has " + wanted + " bytes to scan, more than the " + cap
                    + " read; scan a shorter part with since(…) or fromOffset(…)");
        }
        return since.map(from -> lines.stream().filter(line -> line.notBefore(from)).toList()).orElse(lines);
    }

    private static boolean startsAfter(List<LogLine> lines, Instant since) {
        return lines.isEmpty() || lines.get(0).time().map(first -> first.isAfter(since)).orElse(true);
    }

    private static List<LogLine> lines(String text, boolean firstIsPartial) {
        List<LogLine> lines = new ArrayList<>();
        Optional<Instant> last = Optional.empty();
        String[] raw = text.split("\n", -1);
        for (int index = firstIsPartial ? 1 : 0; index < raw.length; index++) {
            if (index == raw.length - 1 && raw[index].isEmpty()) {
                break;
            }
            Optional<Instant> time = LineTimes.of(raw[index]);
            last = time.isPresent() ? time : last;
            lines.add(new LogLine(last, raw[index]));
        }
        return lines;
    }

    private LogsExpectationError cannotRead(CommandResult result) {
        return new LogsExpectationError("cannot read " + describe() + ": exit code " + result.exitCode() + ", "
                + result.stderr().strip() + " (evidence " + result.evidencePath() + ")");
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
