package org.runbookunit.smoke;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run a command line whose {@code --class-path} adds jars in one class loader holding the smoke jar and those jars, so
 * RunbookUnit's own classes see them: Playwright for page checks and Dashboard steps, a team's facades and check kinds.
 * A child loader of the application loader would not do: the jar's classes would not see its jars.
 */
final class Isolation {

    private static final String NAME = "runbookunit-smoke-with-class-path";

    private Isolation() {
    }

    /** Tell whether this code already runs in the loader that holds the {@code --class-path} jars. */
    static boolean inside() {
        return NAME.equals(Isolation.class.getClassLoader().getName());
    }

    /** Run the same command line again in a loader of the smoke jar and the given entries, and return its exit code. */
    static int reenter(List<Path> classPath, String... args) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(Isolation.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL());
            for (Path entry : classPath) {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            }
        } catch (MalformedURLException | URISyntaxException unusable) {
            throw new UsageException("--class-path is not usable: " + unusable.getMessage());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(NAME, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Method execute = Class.forName(SmokeMain.class.getName(), true, loader).getDeclaredMethod("execute",
                    String[].class);
            execute.setAccessible(true);
            return (Integer) execute.invoke(null, (Object) args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException | java.io.IOException broken) {
            throw new IllegalStateException("cannot run with --class-path: " + broken, broken);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
