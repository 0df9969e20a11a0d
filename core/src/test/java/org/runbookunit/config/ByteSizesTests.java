package org.runbookunit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ByteSizesTests {

    @Test
    void sizesAreReadInPowersOf1024() {
        assertThat(ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, "16MB")).isEqualTo(16L << 20);
        assertThat(ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, "512KB")).isEqualTo(512L << 10);
        assertThat(ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, " 1gb ")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, "100B")).isEqualTo(100);
        assertThat(ByteSizes.format(16L << 20)).isEqualTo("16MB");
        assertThat(ByteSizes.format(1536)).isEqualTo("1536B");
    }

    @Test
    void aBadSizeNamesTheKeyTheValueAndTheFormat() {
        assertThatThrownBy(() -> ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, "16 megs"))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessage("runbook.http.max-body must be a size like 512KB, 16MB or 1GB but was [16 megs]");
        assertThatThrownBy(() -> ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, "0MB"))
                .hasMessageContaining("must be larger than 0 but was [0MB]");
    }

    @Test
    void theSettingDefaultsTo16MegabytesAndIsValidatedBeforeTheRun() {
        assertThat(new RunbookSettings(ConfigSource.of(Map.of())).httpMaxBody()).isEqualTo(16L << 20);
        assertThatThrownBy(() -> new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.HTTP_MAX_BODY, "lots"))).validate())
                .hasMessageContaining("runbook.http.max-body must be a size like 512KB, 16MB or 1GB but was [lots]");
    }
}
