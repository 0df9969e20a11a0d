package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.DatabaseSettings;

/** Seed 001 Phase 2: a pg_dump backup, proven restorable by restoring it and comparing counts and schema. */
class PostgresBackupTests {

    private final PgFixture fixture = new PgFixture();
    private final String name = fixture.airDemand();

    @Test
    void aBackupRestoresWithEqualCountsAndSchema() {
        try (Postgres postgres = fixture.postgres(name)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("backups/airdemand.dump"));

            assertThat(backup.sizeBytes()).isPositive();
            assertThat(Backup.manifestFile(backup.file())).exists();
            assertThat(backup.manifest().rowCounts()).containsEntry("public.roles", 747L).containsEntry("public.companies", 11L);
            BackupVerification verification = postgres.verifyBackup(backup);
            assertThat(verification.differences()).isEmpty();
            assertThat(verification.restoredRowCounts()).isEqualTo(backup.manifest().rowCounts());
            assertThat(verification.restoredRows()).isEqualTo(747 + 11 + 106 + 1);
        }
        try (Database server = fixture.database("postgres")) {
            assertThat(server.query("SELECT datname FROM pg_database WHERE datname LIKE '%verify%'")).isEmpty();
        }
    }

    @Test
    void theManifestDescribesTheDumpedSnapshotEvenWhenTheSourceChangesAfterwards() {
        try (Postgres postgres = fixture.postgres(name)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("airdemand.dump"));
            fixture.server.execute(name, "INSERT INTO companies (name) VALUES ('Late Arrival')");

            assertThat(postgres.verifyBackup(backup.file()).comparedWith()).isEqualTo("the manifest airdemand.dump.manifest.json");
        }
    }

    @Test
    void aBackupWithoutManifestIsComparedWithTheLiveSourceAndDifferencesAreListed() throws IOException {
        try (Postgres postgres = fixture.postgres(name)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("nightly.dump"));
            Files.delete(Backup.manifestFile(backup.file()));
            fixture.server.execute(name, "INSERT INTO companies (name) VALUES ('Late Arrival')",
                    "CREATE TABLE scrapes (id int)");

            assertThatThrownBy(() -> postgres.verifyBackup(backup.file())).isInstanceOf(DatabaseExpectationError.class)
                    .hasMessageContaining("restores with 2 difference(s) from the live source database (the archive has no "
                            + "manifest):\n  - table [public.scrapes] is missing\n"
                            + "  - table [public.companies] has 11 rows restored but 12 in the source");
        }
    }

    @Test
    void aCorruptedBackupIsDetected() throws IOException {
        try (Postgres postgres = fixture.postgres(name)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("corrupt.dump"));
            try (FileChannel file = FileChannel.open(backup.file(), StandardOpenOption.WRITE)) {
                file.truncate(backup.sizeBytes() / 2);
            }

            assertThatThrownBy(() -> postgres.verifyBackup(backup)).isInstanceOf(DatabaseExpectationError.class)
                    .hasMessageStartingWith("backup [" + backup.file() + "] does not restore: pg_restore exited 1: pg_restore: ");
        }
    }

    @Test
    void aServerWithoutMatchingClientToolsFailsNamingBothVersionsAndTheFix() throws IOException {
        Path root = fixture.workDir.resolve("fake-postgresql");
        Path oldDump = Files.createDirectories(root.resolve("14/bin")).resolve("pg_dump");
        Files.writeString(oldDump, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 14.9'\n");
        Files.setPosixFilePermissions(oldDump, PosixFilePermissions.fromString("rwxr-xr-x"));
        int major = fixture.server.major();

        try (Postgres fromRoot = fixture.postgres(name, new LocalPostgresTools(Optional.empty(), root));
                Postgres fromBinDir = fixture.postgres(name, new LocalPostgresTools(Optional.of(oldDump.getParent()), root))) {
            assertThatThrownBy(() -> fromRoot.backup(fixture.workDir.resolve("a.dump"))).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("pg_dump for PostgreSQL " + major + " not found: the server [127.0.0.1:"
                            + fixture.server.port() + "/" + name + "] runs PostgreSQL " + major + ".")
                    .hasMessageContaining("and [" + root + "] has pg_dump only for [14]")
                    .hasMessageContaining("apt-get install postgresql-client-" + major + ") or set runbook.postgres.bin-dir");
            assertThatThrownBy(() -> fromBinDir.backup(fixture.workDir.resolve("b.dump"))).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("pg_dump in runbook.postgres.bin-dir [" + oldDump.getParent() + "] is PostgreSQL 14, "
                            + "but the server [127.0.0.1:" + fixture.server.port() + "/" + name + "] runs PostgreSQL " + major);
        }
    }

    @Test
    void aPasswordWithUrlCharactersReachesPgDumpAndPgRestore() {
        String password = "p@ss:w/rd%41#?&";
        fixture.server.execute(name, "CREATE ROLE backup_special LOGIN CREATEDB PASSWORD '" + password + "'",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO backup_special",
                "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO backup_special");
        DatabaseSettings settings = new DatabaseSettings(fixture.server.url(name), "backup_special", password);

        try (Postgres postgres = new Postgres(settings, DatabaseOptions.defaults("staging"),
                new LocalPostgresTools(Optional.empty(), LocalPostgresTools.DEBIAN_ROOT), Duration.ofMinutes(2),
                fixture.evidence, fixture.secrets)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("special.dump"));
            assertThat(postgres.verifyBackup(backup).restoredRowCounts()).containsEntry("public.roles", 747L);
        }
    }

    @Test
    void operationsThatCreateDatabasesAreRefusedInAReadOnlyEnvironment() {
        try (Postgres postgres = new Postgres(fixture.server.superuser(name), DatabaseOptions.defaults("production")
                .withReadOnly(true), new LocalPostgresTools(Optional.empty(), LocalPostgresTools.DEBIAN_ROOT),
                Duration.ofMinutes(2), fixture.evidence, fixture.secrets)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("production.dump"));

            assertThat(backup.manifest().rowCounts()).containsEntry("public.roles", 747L);
            assertThatThrownBy(() -> postgres.verifyBackup(backup)).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("Postgres.verifyBackup(…) creates a database on the server, and environment "
                            + "[production] is read-only");
            assertThatThrownBy(postgres::copyForRehearsal).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("Postgres.copyForRehearsal() creates a database");
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws IOException {
        Path existing = Files.createDirectories(fixture.workDir).resolve("existing.dump");
        Files.writeString(existing, "keep me");
        try (Postgres postgres = fixture.postgres(name)) {
            assertThatThrownBy(() -> postgres.backup(existing)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("backup(to) will not overwrite [" + existing + "]");
        }
        assertThat(existing).hasContent("keep me");
    }
}
