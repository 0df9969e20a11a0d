package org.runbookunit.examples.signalharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The harvest command's DATABASE_URL, as compose passes it to the API and schema-init containers. */
class HarvestTests {

    @Test
    void aPostgresqlUrlBecomesAJdbcUrlAndCredentials() {
        Harvest.PostgresUrl db = Harvest.PostgresUrl.parse("postgresql://harvest_staging:s3cret@db:5432/signal_harvester");

        assertThat(db.jdbc()).isEqualTo("jdbc:postgresql://db:5432/signal_harvester");
        assertThat(db.user()).isEqualTo("harvest_staging");
        assertThat(db.password()).isEqualTo("s3cret");
        assertThat(db.toString()).doesNotContain("s3cret");
    }

    @Test
    void aUrlThatIsNotPostgresqlIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> Harvest.PostgresUrl.parse("sqlite://harvest:s3cret@db/app.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://user:password@host:port/name")
                .hasMessageContaining("[sqlite://***@db/app.db]")
                .hasMessageNotContaining("s3cret");
    }
}
