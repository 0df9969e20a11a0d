package org.runbookunit.shell;

/** Quote words for a POSIX shell, and keep a {@code pgrep -f} pattern from matching the shell that runs it. */
final class ShellQuoting {

    private ShellQuoting() {
    }

    /** Quote a word so the shell passes it unchanged: {@code it's → 'it'\''s'}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Turn {@code uvicorn app|air-demand} into {@code [u]vicorn app|[a]ir-demand}: the same regular expression, but
     * the text of the command line running pgrep no longer matches it (each alternative of a pattern without groups).
     */
    static String notSelfMatching(String pattern) {
        if (pattern.matches("[^()\\[\\]\\\\]*")) {
            return java.util.Arrays.stream(pattern.split("\\|", -1)).map(ShellQuoting::bracketFirst)
                    .collect(java.util.stream.Collectors.joining("|"));
        }
        return bracketFirst(pattern);
    }

    private static String bracketFirst(String pattern) {
        if (!pattern.isEmpty() && Character.isLetterOrDigit(pattern.charAt(0))) {
            return "[" + pattern.charAt(0) + "]" + pattern.substring(1);
        }
        return pattern;
    }
}
