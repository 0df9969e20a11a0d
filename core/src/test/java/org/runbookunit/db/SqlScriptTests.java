package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTests {

    @Test
    void splitsAtSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        String script = """
                -- header; not a statement
                INSERT INTO t VALUES ('a;b', "c;d");
                /* block; comment */
                CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;

                SELECT $1, 'it''s; fine'
                """;

        assertThat(SqlScript.split(script)).extracting(SqlScript.Statement::line, SqlScript.Statement::sql).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "INSERT INTO t VALUES ('a;b', \"c;d\")"),
                org.assertj.core.groups.Tuple.tuple(4, "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; "
                        + "$body$ LANGUAGE plpgsql"),
                org.assertj.core.groups.Tuple.tuple(6, "SELECT $1, 'it''s; fine'"));
    }

    @Test
    void aScriptOfCommentsHasNoStatement() {
        assertThat(SqlScript.split("-- nothing\n/* at all */\n;\n")).isEmpty();
    }
}
