package org.runbookunit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTests {

    @Test
    void aNameMatchesExactlyIgnoringCase() {
        assertThat(HostNames.matches("API.staging.example", List.of("api.staging.example"))).isTrue();
        assertThat(HostNames.matches("127.0.0.1", List.of("127.0.0.1"))).isTrue();
        assertThat(HostNames.matches("api.staging.example", List.of("staging.example"))).isFalse();
    }

    @Test
    void aWildcardCoversExactlyOneLeftMostLabel() {
        List<String> wildcard = List.of("*.staging.example");

        assertThat(HostNames.matches("api.staging.example", wildcard)).isTrue();
        assertThat(HostNames.matches("staging.example", wildcard)).isFalse();
        assertThat(HostNames.matches("a.b.staging.example", wildcard)).isFalse();
    }
}
