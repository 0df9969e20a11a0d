package org.runbookunit.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.HostShell;

/**
 * Read a systemd unit's journal on a host through {@code Shell}: {@code journalctl -u UNIT -o json --since=@EPOCH}, one
 * JSON object per entry; {@code MESSAGE} is a string, or an array of bytes when it is not valid UTF-8, and
 * {@code __REALTIME_TIMESTAMP} is microseconds since the epoch.
 */
final class JournalSource implements LogSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostShell host;
    private final String unit;

    JournalSource(HostShell host, String unit, int cap) {
        this.host = host.readOnly().outputCap(cap);
        this.unit = unit;
    }

    @Override
    public String describe() {
        return "journal of [" + unit + "] on host [" + host.settings().name() + "]";
    }

    /** Return the command line that reads the journal. */
    static String command(String unit, Optional<Instant> since) {
        return "journalctl -u '" + unit.replace("'", "'\\''") + "' -o json -q --no-pager"
                + since.map(from -> " --since=@" + from.getEpochSecond()).orElse("");
    }

    @Override
    public List<LogLine> read(Optional<Instant> since) {
        CommandResult result = host.run(command(unit, since));
        if (result.exitCode() != 0) {
            throw new LogsExpectationError("cannot read the " + describe() + ": exit code " + result.exitCode() + ", "
                    + result.stderr().strip() + " (evidence " + result.evidencePath() + ")");
        }
        if (result.outputCapped()) {
            throw new LogsExpectationError("the " + describe() + " is longer than the " + result.output().length()
                    + " bytes read; scan a shorter part with since(…)");
        }
        List<LogLine> lines = new ArrayList<>();
        for (String entry : result.outputLines()) {
            if (!entry.isBlank()) {
                lines.add(parse(entry));
            }
        }
        return since.map(from -> lines.stream().filter(line -> line.notBefore(from)).toList()).orElse(lines);
    }

    /** Turn one {@code journalctl -o json} line into a log line. */
    static LogLine parse(String entry) {
        JsonNode node;
        try {
            node = JSON.readTree(entry);
        } catch (JsonProcessingException notJson) {
            throw new LogsExpectationError("journalctl printed a line that is not JSON: [" + entry + "]");
        }
        Optional<Instant> time = Optional.ofNullable(node.get("__REALTIME_TIMESTAMP")).map(JsonNode::asText)
                .filter(text -> text.matches("\\d+")).map(Long::parseLong)
                .map(micros -> Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
        return new LogLine(time, message(node.get("MESSAGE")));
    }

    private static String message(JsonNode message) {
        if (message == null || message.isNull()) {
            return "";
        }
        if (message.isArray()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.forEach(value -> bytes.write(value.asInt()));
            return bytes.toString(StandardCharsets.UTF_8);
        }
        return message.asText();
    }
}
