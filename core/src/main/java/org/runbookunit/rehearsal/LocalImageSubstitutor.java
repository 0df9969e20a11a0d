package org.runbookunit.rehearsal;

import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Map ordinary image names to the images {@code scripts/airgap-docker.sh} builds from Debian packages, so runbooks
 * keep writing {@code postgres:16-alpine} on machines that reach no registry: {@code postgres:*} →
 * {@code runbookunit/postgres:15}, {@code eclipse-temurin:*} and {@code openjdk:*} → {@code runbookunit/jre:17}.
 * Enable it with {@code image.substitutor=org.runbookunit.rehearsal.LocalImageSubstitutor} in
 * {@code ~/.testcontainers.properties} (the script does).
 */
public class LocalImageSubstitutor extends ImageNameSubstitutor {

    private static final Map<String, String> LOCAL_BUILDS = Map.of(
            "postgres", "runbookunit/postgres:15",
            "library/postgres", "runbookunit/postgres:15",
            "eclipse-temurin", "runbookunit/jre:17",
            "openjdk", "runbookunit/jre:17");

    @Override
    public DockerImageName apply(DockerImageName original) {
        String local = LOCAL_BUILDS.get(original.getUnversionedPart());
        return local == null ? original : DockerImageName.parse(local).asCompatibleSubstituteFor(original);
    }

    @Override
    protected String getDescription() {
        return "RunbookUnit's local Debian builds (scripts/airgap-docker.sh)";
    }
}
