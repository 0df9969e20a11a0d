package org.runbookunit.smoke.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTests {

    @Test
    void numbersCompareByValueWhateverTheirType() {
        Comparison five = Comparison.equalTo(5);

        assertThat(five.mismatch(5.0)).isEmpty();
        assertThat(five.mismatch(5L)).isEmpty();
        assertThat(five.mismatch(6)).contains("expected 5 but was 6");
        assertThat(five.mismatch("5")).as("a text with the same text matches: a version read as text").isEmpty();
        assertThat(five.mismatch(List.of(5))).contains("expected 5 but was [5]");
    }

    @Test
    void everyWrittenComparisonMustHoldAndEachFailureIsNamed() {
        Comparison range = new Comparison();
        range.gt = new BigDecimal("700");
        range.lt = new BigDecimal("800");
        range.ne = 747;

        assertThat(range.mismatch(750)).isEmpty();
        assertThat(range.mismatch(747)).contains("expected anything but 747 but was 747");
        assertThat(range.mismatch(900)).contains("expected < 800 but was 900");
        assertThat(range.mismatch("n/a")).contains("expected < 800 but was \"n/a\"; expected > 700 but was \"n/a\"");
        assertThat(range.describe()).isEqualTo("≠ 747, < 800, > 700");
    }

    @Test
    void sizeAndExistsReadListsMapsAndTexts() {
        Comparison three = new Comparison();
        three.size = 3;
        Comparison absent = new Comparison();
        absent.exists = false;

        assertThat(three.mismatch(List.of(1, 2, 3))).isEmpty();
        assertThat(three.mismatch(Map.of("a", 1))).contains("expected size 3 but was 1");
        assertThat(three.mismatch("abc")).isEmpty();
        assertThat(three.mismatch(null)).contains("expected size 3 but was absent");
        assertThat(absent.mismatch(null)).isEmpty();
        assertThat(Comparison.present().mismatch(null)).contains("expected a value but it is absent");
    }

    @Test
    void aComparisonThatComparesNothingIsRejected() {
        assertThatThrownBy(() -> new Comparison().validate("json[0] [status]"))
                .hasMessage("json[0] [status] compares nothing; add one of eq, ne, lt, gt, exists, size (e.g. { eq: "
                        + "healthy } or { gt: 700 })");
    }
}
