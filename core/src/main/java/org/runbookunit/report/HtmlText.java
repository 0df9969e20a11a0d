package org.runbookunit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escape text for HTML, and turn image placeholders into inline {@code data:} URIs once the text is redacted. */
final class HtmlText {

    /** Screenshots above this size are linked rather than inlined, to keep report.html openable. */
    static final long MAX_INLINE_BYTES = 8L * 1024 * 1024;

    private static final Pattern IMAGE = Pattern.compile("@@inline-png:([^@\"<>]+)@@");

    private HtmlText() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Return a placeholder for a report-relative PNG; {@link #inlineImages} replaces it with the image's bytes. */
    static String inlinePng(String relativePath) {
        return "@@inline-png:" + relativePath + "@@";
    }

    /** Replace every placeholder with a {@code data:image/png;base64,…} URI, read from the report folder. */
    static String inlineImages(String html, Path reportDir) {
        Matcher placeholder = IMAGE.matcher(html);
        StringBuilder inlined = new StringBuilder(html.length());
        while (placeholder.find()) {
            placeholder.appendReplacement(inlined, Matcher.quoteReplacement(dataUri(reportDir.resolve(placeholder.group(1)))));
        }
        return placeholder.appendTail(inlined).toString();
    }

    private static String dataUri(Path png) {
        try {
            if (!Files.isRegularFile(png) || Files.size(png) > MAX_INLINE_BYTES) {
                return "";
            }
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot inline the screenshot " + png, unreadable);
        }
    }
}
