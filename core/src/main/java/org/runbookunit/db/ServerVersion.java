package org.runbookunit.db;

/**
 * Hold a PostgreSQL server's version.
 *
 * @param major the major version, e.g. 15
 * @param full the full version text, e.g. {@code 15.18 (Debian 15.18-0+deb12u1)}
 */
public record ServerVersion(int major, String full) {

    /** Read {@code server_version_num} (e.g. 150018) and {@code server_version}. */
    static ServerVersion of(int versionNum, String full) {
        return new ServerVersion(versionNum / 10_000, full);
    }

    @Override
    public String toString() {
        return full;
    }
}
