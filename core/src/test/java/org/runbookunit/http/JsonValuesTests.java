package org.runbookunit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonValuesTests {

    private static final String BODY = "{\"status\":\"ready\",\"checks\":{\"database\":\"ok\"},\"total\":747,"
            + "\"ratio\":0.5,\"flag\":true,\"none\":null,\"roles\":[{\"id\":1,\"tags\":[\"a\",\"b\"]},{\"id\":2}],"
            + "\"detail\":[{\"loc\":[\"query\",\"limit\"]}],\"x-rate\":{\"limit\":100}}";

    @ParameterizedTest
    @ValueSource(strings = {"status", "checks.database", "checks", "total", "flag", "none", "missing", "missing.deeper",
            "roles[1].id", "roles[0].tags[1]", "detail[0].loc[1]", "roles[5]", "roles.size()", "roles.id",
            "roles.find { it.id == 2 }.id", "x-rate.limit", "roles.tags", "roles[-1].id", "roles[-2].tags[-1]",
            "roles.id.size()", "checks.size()", "status.size()", "roles[0].tags.size()", "detail.loc",
            "detail.loc[0]", "roles.missing", "roles.tags.size()", "roles.collect { it.id }.max()"})
    void everyPathReadsLikeRestAssuredGPath(String path) {
        Object expected = new JsonPath(BODY).get(path);

        Object actual = JsonValues.parse(BODY).get(path);

        if (expected instanceof Number number) {
            assertThat(Values.same(number, actual)).as(path + ": " + actual).isTrue();
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "checks.database", "roles[1].id", "roles[-1].id", "roles.id", "roles.size()",
            "roles.id.size()", "checks.size()", "detail[0].loc[1]", "x-rate.limit", "missing.deeper"})
    void pathsWithoutClosuresAreReadWithoutGroovy(String path) {
        assertThat(JsonValues.parse(BODY).readsWithoutGroovy(path)).as(path).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles.find { it.id == 2 }.id", "roles.collect { it.id }.max()", "roles.id.max()",
            "status.toUpperCase()", "total.size()"})
    void closuresAndOtherMethodsGoToGPath(String path) {
        assertThat(JsonValues.parse(BODY).readsWithoutGroovy(path)).as(path).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing.size()", "roles[-3]"})
    void pathsGPathRefusesFailWithItsMessage(String path) {
        String refusal = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new JsonPath(BODY).get(path)).getMessage();

        assertThatThrownBy(() -> JsonValues.parse(BODY).get(path)).hasMessage(refusal);
    }

    @Test
    void plainPathsGivePlainJavaValues() {
        JsonValues json = JsonValues.parse(BODY);

        assertThat(json.get("checks")).isEqualTo(Map.of("database", "ok"));
        assertThat(json.get("roles[0].tags")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void invalidJsonSaysWhereItBroke() {
        assertThatThrownBy(() -> JsonValues.parse("{\"status\": healthy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unrecognized token 'healthy'").hasMessageContaining("line 1, column ");
    }
}
