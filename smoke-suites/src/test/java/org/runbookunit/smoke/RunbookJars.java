package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compile runbook sources against the smoke jar and package them as a user's runbook jar would be. */
final class RunbookJars {

    private RunbookJars() {
    }

    /** Compile the sources (file name → text; other files are copied as resources) into {@code runbooks.jar} in the jar's working folder. */
    static Path build(SmokeJar jar, String... namesAndSources) throws IOException {
        Path sources = jar.workDir().resolve("src");
        Path classes = jar.workDir().resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new java.util.ArrayList<>(List.of("-classpath", jar.jar().toString(), "-d",
                classes.toString(), "-parameters", "-proc:none"));
        for (int index = 0; index < namesAndSources.length; index += 2) {
            Path file = sources.resolve(namesAndSources[index]);
            Files.createDirectories(file.getParent());
            if (file.toString().endsWith(".java")) {
                Files.writeString(file, namesAndSources[index + 1]);
                arguments.add(file.toString());
            } else {
                Path resource = classes.resolve(namesAndSources[index]);
                Files.createDirectories(resource.getParent());
                Files.writeString(resource, namesAndSources[index + 1]);
            }
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int code = compiler.getTask(errors, null, null, arguments.subList(0, 6), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(arguments.subList(6,
                        arguments.size()))).call() ? 0 : 1;
        assertThat(code).as(errors.toString()).isZero();
        Path runbooks = jar.workDir().resolve("runbooks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(runbooks));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> !path.equals(classes)).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    out.putNextEntry(new JarEntry(name + "/")); // as jar tools write them: package scans need them
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        return runbooks;
    }
}
