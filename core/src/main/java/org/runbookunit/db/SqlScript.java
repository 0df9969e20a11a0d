package org.runbookunit.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Split a SQL file into statements at semicolons outside quotes, dollar quotes and comments, remembering the line each
 * statement starts on.
 */
final class SqlScript {

    /**
     * Hold one statement of a file.
     *
     * @param sql the statement without its semicolon
     * @param line the 1-based line it starts on
     */
    record Statement(String sql, int line) {
    }

    private SqlScript() {
    }

    static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 1;
        boolean meaningful = false;
        int i = 0;
        while (i < script.length()) {
            int end = skipQuotedOrComment(script, i);
            if (end > i) {
                String chunk = script.substring(i, end);
                boolean comment = chunk.startsWith("--") || chunk.startsWith("/*");
                if (!meaningful && !comment) {
                    meaningful = true;
                    startLine = line;
                }
                if (meaningful) {
                    current.append(chunk); // comments before a statement are not part of it
                }
                line += count(chunk, '\n');
                i = end;
                continue;
            }
            char c = script.charAt(i);
            if (c == ';') {
                add(statements, current, startLine, meaningful);
                current.setLength(0);
                meaningful = false;
            } else {
                if (!meaningful && !Character.isWhitespace(c)) {
                    meaningful = true;
                    startLine = line;
                }
                current.append(c);
            }
            line += c == '\n' ? 1 : 0;
            i++;
        }
        add(statements, current, startLine, meaningful);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder current, int line, boolean meaningful) {
        if (meaningful) {
            statements.add(new Statement(current.toString().strip(), line));
        }
    }

    /** Return the end of a quoted string, dollar-quoted body or comment starting at {@code i}, or {@code i} if none does. */
    private static int skipQuotedOrComment(String s, int i) {
        if (s.startsWith("--", i)) {
            int newline = s.indexOf('\n', i);
            return newline < 0 ? s.length() : newline;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < s.length()) {
                if (s.charAt(j) == c) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return s.length();
        }
        if (c == '$') {
            int tagEnd = s.indexOf('$', i + 1);
            if (tagEnd > i && s.substring(i + 1, tagEnd).matches("([A-Za-z_][A-Za-z0-9_]*)?")) {
                String tag = s.substring(i, tagEnd + 1);
                int close = s.indexOf(tag, tagEnd + 1);
                return close < 0 ? s.length() : close + tag.length();
            }
        }
        return i;
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }
}
