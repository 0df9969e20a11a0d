package org.runbookunit.secrets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.runbookunit.internal.PercentEncoding;

/**
 * List the forms a secret value takes on its way into an output: escaped for JSON (also the HTML-safe {@code \\u003c}
 * style) and JavaScript, HTML and XML, CSV, a URL (form and percent encoding), a shell (single-quoted and backslash-escaped), Base64
 * (also the part of it that stays the same wherever the value sits inside a longer Base64 text), and an escape inside
 * another (a JSON-escaped value shown in an HTML report).
 */
final class SecretForms {

    /** Base64 fragments shorter than this would match unrelated text. */
    private static final int MIN_BASE64_FRAGMENT = 8;

    private static final List<UnaryOperator<String>> ESCAPES = List.of(SecretForms::json, SecretForms::jsonHtmlSafe,
            value -> json(value).replace("/", "\\/"), value -> json(value).replace("'", "\\'"),
            value -> json(value).replace("/", "\\/").replace("'", "\\'"),
            SecretForms::html, SecretForms::htmlNumeric, SecretForms::xml, SecretForms::htmlKeepingApostrophes,
            SecretForms::htmlText, SecretForms::csv, SecretForms::shellSingle,
            SecretForms::shellBackslash, SecretForms::formEncoded, PercentEncoding::encode,
            value -> formEncoded(value).replace("+", "%20"));

    private static final List<UnaryOperator<String>> OUTER = List.of(SecretForms::json, SecretForms::html,
            SecretForms::htmlNumeric, SecretForms::xml, SecretForms::htmlKeepingApostrophes, SecretForms::htmlText);

    private SecretForms() {
    }

    /** Return every form of a value, the value itself first. */
    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        for (UnaryOperator<String> escape : ESCAPES) {
            String once = escape.apply(value);
            forms.add(once);
            for (UnaryOperator<String> outer : OUTER) {
                forms.add(outer.apply(once));
            }
        }
        forms.addAll(base64(value.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    private static String json(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    /** Escape like Gson and other HTML-safe JSON writers do: {@code < > & = '} as {@code \\u00XX}. */
    private static String jsonHtmlSafe(String value) {
        return json(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("=", "\\u003d")
                .replace("'", "\\u0027");
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Escape as HTML 4 writers do (commons-text {@code escapeHtml4}): HTML 4 has no entity for the apostrophe. */
    private static String htmlKeepingApostrophes(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Escape as a text node only needs: {@code & < >}. */
    private static String htmlText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String htmlNumeric(String value) {
        return value.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;").replace("\"", "&#34;")
                .replace("'", "&#x27;");
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static String csv(String value) {
        return value.replace("\"", "\"\"");
    }

    private static String shellSingle(String value) {
        return value.replace("'", "'\\''");
    }

    private static String shellBackslash(String value) {
        return value.replaceAll("([^A-Za-z0-9_./:@%+=,-])", "\\\\$1");
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Return the Base64 of the value, and the fragments of it that do not depend on what surrounds it. */
    private static List<String> base64(byte[] bytes) {
        List<String> forms = new ArrayList<>(List.of(Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int firstGroup = offset == 0 ? 0 : 1;
            int lastGroup = shifted.length / 3; // exclusive: a partial last group depends on the bytes that follow
            if (lastGroup > firstGroup && (lastGroup - firstGroup) * 4 >= MIN_BASE64_FRAGMENT) {
                String fragment = encoded.substring(firstGroup * 4, lastGroup * 4);
                forms.add(fragment);
                forms.add(fragment.replace('+', '-').replace('/', '_'));
            }
        }
        return forms;
    }
}
