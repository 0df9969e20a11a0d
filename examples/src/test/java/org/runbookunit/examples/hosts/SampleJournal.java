package org.runbookunit.examples.hosts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer {@code journalctl -u UNIT [-o json] [-q] [--no-pager] [--since=@EPOCH]} on a rehearsal host from the units'
 * output files ({@code var/log/journal/UNIT.log}), one journald JSON object per line with {@code MESSAGE},
 * {@code __REALTIME_TIMESTAMP} (the line's leading ISO time, else the previous line's, else the file's), {@code PRIORITY}
 * and {@code _SYSTEMD_UNIT}. Anything else is refused like journalctl refuses it: exit code 1.
 */
public final class SampleJournal {

    private SampleJournal() {
    }

    /** Print the entries: args are the host's root folder, then journalctl's arguments. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<String> units = new ArrayList<>();
        long since = Long.MIN_VALUE;
        for (int index = 1; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals("-u") && index + 1 < args.length) {
                units.add(args[++index]);
            } else if (arg.startsWith("--since=@") && arg.substring(9).matches("\\d+")) {
                since = Long.parseLong(arg.substring(9)) * 1_000_000;
            } else if (arg.equals("-o") && index + 1 < args.length && args[index + 1].equals("json")) {
                index++;
            } else if (!arg.equals("-q") && !arg.equals("--no-pager")) {
                System.err.println("journalctl stand-in: unsupported argument [" + arg + "]");
                System.exit(1);
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (String unit : units) {
            print(json, root.resolve("var/log/journal").resolve(unit + ".log"), unit, since);
        }
    }

    private static void print(ObjectMapper json, Path log, String unit, long since) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        long micros = Files.getLastModifiedTime(log).toInstant().toEpochMilli() * 1000;
        for (String line : Files.readAllLines(log)) {
            micros = time(line, micros);
            if (micros < since) {
                continue;
            }
            ObjectNode entry = json.createObjectNode().put("__REALTIME_TIMESTAMP", Long.toString(micros))
                    .put("PRIORITY", line.matches(".*\\b(ERROR|CRITICAL)\\b.*") ? "3" : "6")
                    .put("_SYSTEMD_UNIT", unit + ".service").put("MESSAGE", line);
            System.out.println(json.writeValueAsString(entry));
        }
    }

    private static long time(String line, long previous) {
        int space = line.indexOf(' ');
        if (space > 0) {
            try {
                Instant at = Instant.parse(line.substring(0, space));
                return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
            } catch (DateTimeParseException notATime) {
                // keep the previous time
            }
        }
        return previous;
    }
}
