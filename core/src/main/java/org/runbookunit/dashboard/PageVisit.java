package org.runbookunit.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.internal.Texts;

/** Remember one opened page: where it is, how it answered, how fast it loaded and which expectations failed. */
final class PageVisit {

    private static final int TEXT_SNIPPET = 300;

    private final String endpoint;
    private final String path;
    private final String url;
    private final int status;
    private final List<String> failures = new ArrayList<>();
    private Duration loadTime;

    PageVisit(String endpoint, String path, String url, int status) {
        this.endpoint = endpoint;
        this.path = path;
        this.url = url;
        this.status = status;
    }

    /** Return {@code "dashboard / → 200"}. */
    String name() {
        return endpoint + " " + path + " → " + status;
    }

    String url() {
        return url;
    }

    void loaded(Duration time) {
        loadTime = time;
    }

    private Optional<Duration> loadTime(PageEvents events) {
        return Optional.ofNullable(loadTime).or(() -> events.loadNanos(System.nanoTime()).map(Duration::ofNanos));
    }

    synchronized void fail(String failure) {
        failures.add(failure);
    }

    /** Return the failures not thrown yet and forget them: each is reported once. */
    synchronized List<String> takeFailures() {
        List<String> taken = List.copyOf(failures);
        failures.clear();
        return taken;
    }

    /** Write the message of the failed expectations: each failure, then what the page showed. */
    static String message(PageVisit visit, List<String> failures, PageSession page) {
        StringBuilder message = new StringBuilder("page ").append(visit.name()).append(": ");
        if (failures.size() == 1) {
            message.append(failures.get(0));
        } else {
            message.append(failures.size()).append(" expectations failed");
            failures.forEach(failure -> message.append("\n  - ").append(failure.replace("\n", "\n    ")));
        }
        message.append("\n  url: ").append(page.url());
        message.append("\n  title: \"").append(page.title()).append('"');
        String text = page.visibleText();
        message.append("\n  page text (").append(text.length()).append(" characters): ")
                .append(Texts.snippet(text, TEXT_SNIPPET));
        message.append("\n  evidence: a screenshot and a Playwright trace are saved with the step when it fails");
        return message.toString();
    }

    /** Save what the page did as a JSON evidence file. */
    void save(Evidence evidence, PageSession page, String browser) {
        PageEvents events = page.events();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("endpoint", endpoint);
        document.put("path", path);
        document.put("url", url);
        document.put("status", status);
        document.put("finalUrl", page.url());
        document.put("title", page.title());
        document.put("loadMs", loadTime(events).map(Duration::toMillis).orElse(null));
        document.put("consoleErrors", events.consoleErrors());
        document.put("failedRequests", events.failedRequests());
        document.put("browser", browser);
        evidence.json("page " + endpoint + " " + path, document, "page " + name() + summary(events));
    }

    private String summary(PageEvents events) {
        List<String> parts = new ArrayList<>();
        loadTime(events).ifPresent(time -> parts.add("loaded in " + time.toMillis() + " ms"));
        parts.add(count(events.consoleErrors().size(), "console error"));
        parts.add(count(events.failedRequests().size(), "failed request"));
        return " (" + String.join(", ", parts) + ")";
    }

    private static String count(int count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }
}
