package org.runbookunit.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Know a run's secret values and keep them out of every output: {@link #redact} replaces each value, and every form
 * it takes in an output (escaped for JSON, HTML, XML, CSV, a URL or a shell; Base64), with {@code ***};
 * {@link #leakIn} finds one that got through anyway, in any of those forms.
 *
 * <p>Every value that came from a {@code ${VAR}} in runbook.yaml is a secret, as is every value marked
 * {@code secret: true} and every database password. Thread-safe: facades add derived values (such as the Base64 of
 * {@code user:password} for basic authentication) while a run is going on.
 */
public final class Secrets {

    /** What a secret value is replaced with. */
    public static final String MASK = "***";

    /** Values shorter than this would mask ordinary text everywhere; they are listed by {@link #tooShort()} instead. */
    static final int MIN_LENGTH = 3;

    private static final Comparator<String> LONGEST_FIRST = Comparator.comparingInt(String::length).reversed();

    private final Map<String, String> nameByValue = new ConcurrentHashMap<>();
    private volatile List<String> longestFirst = List.of();
    private final Set<String> tooShort = ConcurrentHashMap.newKeySet();

    /** Create an empty set of secrets. */
    public static Secrets none() {
        return new Secrets();
    }

    /**
     * Add a secret value with the name reports may show instead of it.
     *
     * @param name where the value came from, e.g. {@code ${DB_PASSWORD}}; never the value itself
     * @param value the secret
     */
    public void add(String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value.length() < MIN_LENGTH) {
            tooShort.add(name);
            return;
        }
        for (String form : SecretForms.of(value)) {
            nameByValue.putIfAbsent(form, name);
        }
        synchronized (this) {
            longestFirst = sorted();
        }
    }

    /** Add the Base64 of {@code user:password} when either part is a secret, as sent by HTTP basic authentication. */
    public void addCredentials(String user, String password) {
        Optional<String> name = nameOf(password).or(() -> nameOf(user));
        name.ifPresent(secret -> add(secret + " (as user:password)", user + ":" + password));
    }

    /** Replace every secret value, and its encodings, with {@code ***}. */
    public String redact(String text) {
        if (text == null || nameByValue.isEmpty()) {
            return text;
        }
        return mask(text, longestFirst());
    }

    /**
     * Replace the values of several runs' secrets at once, longest first over all of them, so a value that holds
     * another run's shorter one is still masked whole. Safe while another thread adds to or clears a concurrent
     * collection: it reads one snapshot of it.
     */
    public static String redact(String text, Collection<Secrets> sets) {
        Secrets[] snapshot = sets.toArray(new Secrets[0]);
        if (snapshot.length == 1) {
            return snapshot[0].redact(text);
        }
        if (text == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Secrets secrets : snapshot) {
            values.addAll(secrets.longestFirst());
        }
        values.sort(LONGEST_FIRST);
        return mask(text, values);
    }

    private static String mask(String text, List<String> longestFirst) {
        String redacted = text;
        for (String value : longestFirst) {
            redacted = redacted.replace(value, MASK);
        }
        return redacted;
    }

    /** Return the name of a secret whose value (or an encoding of it) appears in the text. */
    public Optional<String> leakIn(String text) {
        return longestFirst().stream().filter(text::contains).findFirst().map(nameByValue::get);
    }

    /**
     * Tell whether any message of a throwable holds a secret: its own, its causes', and those of every suppressed
     * throwable, which JUnit and Surefire print too.
     */
    public boolean leakIn(Throwable error) {
        return leakIn(error, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private boolean leakIn(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error) || isEmpty()) {
            return false;
        }
        if (error.getMessage() != null && leakIn(error.getMessage()).isPresent()
                || error.toString() != null && leakIn(error.toString()).isPresent()) {
            return true;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (leakIn(suppressed, seen)) {
                return true;
            }
        }
        return leakIn(error.getCause(), seen);
    }

    /** Tell whether a value is one of the secrets (or an encoding of one). */
    public boolean contains(String value) {
        return value != null && nameByValue.containsKey(value);
    }

    /** Return the names of secrets too short to redact reliably, so the run can warn about them. */
    public Set<String> tooShort() {
        return new TreeSet<>(tooShort);
    }

    /** Tell whether there is nothing to redact. */
    public boolean isEmpty() {
        return nameByValue.isEmpty();
    }

    private Optional<String> nameOf(String value) {
        return Optional.ofNullable(value).map(nameByValue::get);
    }

    private List<String> longestFirst() {
        return longestFirst;
    }

    private List<String> sorted() {
        List<String> values = new ArrayList<>(nameByValue.keySet());
        values.sort(LONGEST_FIRST);
        return List.copyOf(values);
    }
}
