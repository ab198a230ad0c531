package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run's id table: the first file keeps an id, exactly, across growth and hash collisions. */
class ScenarioIdsTest {

    @Test
    void the_first_file_keeps_each_id_through_many_claims() {
        ScenarioIds ids = new ScenarioIds();
        for (int i = 0; i < 200_000; i++) {
            assertThat(ids.claim("scenario-" + i, "dir/" + (i / 1000) + "/s" + i + ".yaml")).isNull();
        }
        assertThat(ids.size()).isEqualTo(200_000);
        assertThat(ids.claim("scenario-123456", "other.yaml")).isEqualTo("dir/123/s123456.yaml");
        assertThat(ids.claim("scenario-0", "again.yaml")).isEqualTo("dir/0/s0.yaml");
        assertThat(ids.size()).as("a duplicate is not stored").isEqualTo(200_000);
    }

    @Test
    void ids_with_equal_hashes_or_odd_bytes_are_told_apart() {
        ScenarioIds ids = new ScenarioIds();
        // "Aa" and "BB" have the same String hash; their UTF-8 bytes hash alike too.
        assertThat(ids.claim("Aa", "a.yaml")).isNull();
        assertThat(ids.claim("BB", "b.yaml")).isNull();
        assertThat(ids.claim("a\0b.yaml", "c.yaml")).as("an id holding NUL is not confused with id + file").isNull();
        assertThat(ids.claim("a", "b.yaml")).isNull();
        assertThat(ids.claim("Ünïcødé-✓", "d.yaml")).isNull();
        assertThat(ids.claim("BB", "e.yaml")).isEqualTo("b.yaml");
        assertThat(ids.claim("Ünïcødé-✓", "f.yaml")).isEqualTo("d.yaml");
    }
}
