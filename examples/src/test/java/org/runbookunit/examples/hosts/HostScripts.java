package org.runbookunit.examples.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.runbookunit.examples.airdemand.AirDemandCheckHealth;

/**
 * Write the stand-ins a rehearsal "host" needs because no systemd runs in a build container: {@code systemctl}
 * ({@code is-active} and {@code stop} from pid files under {@code run/}; {@code restart} is stop then start; {@code start} runs the unit's
 * {@code etc/units/UNIT} script in the background and waits up to 10 s for {@code etc/units/UNIT.ready} to succeed),
 * {@code crontab} ({@code -l} and {@code -}
 * on {@code var/spool/cron/crontab}) and {@code journalctl} (the units' output under {@code var/log/journal/} as
 * journald JSON, see {@link SampleJournal}). Everything else the runbooks run there is the real program.
 */
final class HostScripts {

    private HostScripts() {
    }

    static void write(Path root, Path bin) throws IOException {
        Files.createDirectories(bin);
        script(bin.resolve("systemctl"), """
                #!/bin/sh
                ROOT=%1$s
                action=$1; shift
                status=0
                for unit in "$@"; do
                  pid=$(cat "$ROOT/run/$unit.pid" 2>/dev/null)
                  case $action in
                    is-active)
                      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo active; else echo inactive; status=3; fi ;;
                    stop)
                      [ -n "$pid" ] && kill "$pid" 2>/dev/null
                      for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
                      rm -f "$ROOT/run/$unit.pid" ;;
                    restart)
                      "$0" stop "$unit" && "$0" start "$unit" || status=$? ;;
                    start)
                      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then continue; fi
                      if [ ! -x "$ROOT/etc/units/$unit" ]; then echo "Unit $unit.service not found." >&2; status=5; continue; fi
                      nohup "$ROOT/etc/units/$unit" >> "$ROOT/var/log/journal/$unit.log" 2>&1 < /dev/null &
                      echo $! > "$ROOT/run/$unit.pid"
                      if [ -x "$ROOT/etc/units/$unit.ready" ]; then
                        for i in $(seq 50); do "$ROOT/etc/units/$unit.ready" && break; sleep 0.2; done
                      fi ;;
                    *) echo "systemctl stand-in: unsupported action $action" >&2; exit 64 ;;
                  esac
                done
                exit $status
                """.formatted(root));
        script(bin.resolve("crontab"), """
                #!/bin/sh
                TAB=%1$s/var/spool/cron/crontab
                case $1 in
                  -l) [ -f "$TAB" ] && exec cat "$TAB"; echo "no crontab for $(id -un)" >&2; exit 1 ;;
                  -) mkdir -p "$(dirname "$TAB")"; cat > "$TAB" ;;
                  *) echo "crontab stand-in: use -l or -" >&2; exit 64 ;;
                esac
                """.formatted(root));
        script(bin.resolve("journalctl"), "#!/bin/sh\nexec " + java() + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' " + SampleJournal.class.getName() + " " + root + " \"$@\"\n");
    }

    static void monitorScript(Path root, int apiPort) throws IOException {
        script(root.resolve("air-demand/scripts/monitor_health.sh"), """
                #!/bin/sh
                # Seed 000's health monitor, run by cron every 5 minutes: one line per check in the health log.
                LOG=%1$s/var/log/air-demand-health.log
                if curl -fsS --max-time 5 http://127.0.0.1:%2$d/health >/dev/null; then
                  echo "$(date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ) healthy" >> "$LOG"
                else
                  echo "$(date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ) UNHEALTHY: /health did not answer 200" >> "$LOG"
                fi
                """.formatted(root, apiPort));
    }

    /** Write {@code air-demand/scripts/check_health.sh}: the sample's check_health over the scheduler's state file. */
    static void checkHealthScript(Path root, Path stateFile) throws IOException {
        script(root.resolve("air-demand/scripts/check_health.sh"), "#!/bin/sh\n# Seed 000's check_health: the last "
                + "scrape and digest, and the alerts, from the scheduler's state\nexec " + java()
                + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
                + AirDemandCheckHealth.class.getName() + " " + stateFile + "\n");
    }

    /** Run a shell command line in {@code folder} with a 20 s deadline, failing with its output when it fails. */
    static void run(Path folder, String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(folder.toAbsolutePath().getParent(), "command", ".out");
        try {
            Process process = new ProcessBuilder("sh", "-c", command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("[" + command + "] did not finish within 20 s in " + folder);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("[" + command + "] exited " + process.exitValue() + " in " + folder + ": "
                        + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
