package org.runbookunit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.examples.signalharvester.SignalHarvesterApi;
import org.runbookunit.rehearsal.InProcessService;
import org.runbookunit.rehearsal.ProcessService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.testing.Daemon;

/**
 * Seed 003's staging stack on one machine: PostgreSQL 15 made by a one-shot schema-init (19 tables, version 9), Redis,
 * the signal-harvester API (in this JVM), Debian's real Prometheus scraping its {@code /metrics/prometheus} and
 * evaluating its alert rules, a real Alertmanager receiving them, and nginx with a self-signed certificate and basic
 * authentication in front of both, and Debian's real Node Exporter scraped as job {@code node}. The runner is host
 * {@code harvester} ({@code local: true}), holding the seed's {@code docker-compose.staging.yml} and
 * {@code .env.staging} (test resources {@code seed003/}); the API exempts the env file's {@code HARVEST_API_KEY} from its
 * rate limit, as a service client. Grafana is not in it: it cannot be installed on these machines (its steps run in
 * staging only). Every port is a free one of 127.0.0.1; every file is under {@code target/signal-harvester/}.
 * Without one of the binaries the runbook is skipped on a laptop and fails with {@code CI=true}.
 */
public class SignalHarvesterStack extends RehearsalStack {

    private List<RehearsalService> services = List.of();

    /** Inject a fault: stop one started service by name (e.g. {@code harvester-api}, {@code redis}) as an outage does. */
    public void stop(String serviceName) {
        services.stream().filter(service -> service.name().startsWith(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service [" + serviceName + "] in " + services))
                .close();
    }

    @Override
    protected List<RehearsalService> services() {
        services = describe();
        return services;
    }

    private List<RehearsalService> describe() {
        Path prometheus = Daemon.require("/usr/bin/prometheus", "prometheus");
        Path alertmanager = Daemon.require("/usr/bin/prometheus-alertmanager", "prometheus-alertmanager");
        Path nginx = Daemon.require("/usr/sbin/nginx", "nginx");
        Daemon.require("/usr/bin/openssl", "openssl");
        Daemon.require("/usr/bin/redis-server", "redis-server");
        Path nodeExporter = Daemon.require("/usr/bin/prometheus-node-exporter", "prometheus-node-exporter");
        Path folder = Path.of("target", "signal-harvester", UUID.randomUUID().toString()).toAbsolutePath();
        int apiPort = Daemon.freePort();
        int prometheusPort = Daemon.freePort();
        int alertmanagerPort = Daemon.freePort();
        int nodeExporterPort = Daemon.freePort();
        String apiKey = RunnerHost.envValue(RunnerHost.resource("seed003/.env.staging"), "HARVEST_API_KEY");
        try {
            MonitoringFiles.write(folder, apiPort, nodeExporterPort, alertmanagerPort);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
        HarvesterServices.Db db = new HarvesterServices.Db();
        HarvesterServices.Redis redis = new HarvesterServices.Redis();
        return List.of(db, new HarvesterServices.SchemaInitJob(db), redis,
                InProcessService.http("harvester-api", () -> {
                    DatabaseSettings settings = db.settings();
                    SignalHarvesterApi api = SignalHarvesterApi.start(apiPort, settings.url(), settings.user(),
                            settings.password(), redis.uri(), apiKey);
                    return new InProcessService.Started(api.baseUri(), api);
                }),
                ProcessService.command("node-exporter", List.of(nodeExporter.toString(),
                        "--web.listen-address=127.0.0.1:" + nodeExporterPort, "--collector.disable-defaults",
                        "--collector.cpu", "--collector.meminfo", "--collector.loadavg", "--collector.filesystem"))
                        .endpoint("node-exporter", nodeExporterPort, "/metrics").startupTimeout(Duration.ofSeconds(30)),
                ProcessService.command("alertmanager", List.of(alertmanager.toString(),
                        "--config.file=" + folder.resolve("alertmanager.yml"), "--storage.path=" + folder.resolve("am-data"),
                        "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                        "--cluster.listen-address=127.0.0.1:" + Daemon.freePort(), "--cluster.gossip-interval=20ms"))
                        .endpoint("alertmanager-direct", alertmanagerPort, "/-/ready").startupTimeout(Duration.ofSeconds(30)),
                new FirstScrape(ProcessService.command("prometheus", List.of(prometheus.toString(),
                        "--config.file=" + folder.resolve("prometheus.yml"), "--storage.tsdb.path=" + folder.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + prometheusPort))
                        .endpoint("prometheus-direct", prometheusPort, "/-/ready").startupTimeout(Duration.ofSeconds(30)),
                        prometheusPort),
                new TlsProxy(nginx, folder.resolve("nginx"), prometheusPort, alertmanagerPort), new RunnerHost("harvester"));
    }
}
