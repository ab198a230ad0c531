package dev.covenant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.catalog.Regimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack's regimes file: every scope the pack cites has its stated limits, and a broken file is named where it breaks. */
class RegimesTest {

    @Test
    void the_shipped_pack_states_its_limits_for_every_regime_it_cites() {
        Regimes.Loaded loaded = Regimes.read(Path.of("rules"));
        assertThat(loaded.diagnostics()).isEmpty();

        Run run = Run.run("rules", "--rules", "rules", "--format", "markdown");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("# Coverage by regime", "## California (`US-CA`)", "Rules citing its law: [CCPA-PURPOSE]");
    }

    @Test
    void a_pack_citing_a_scope_no_regime_names_is_refused_with_the_scope(@TempDir Path pack) throws IOException {
        copy(Path.of("rules"), pack);
        String regimes = Files.readString(pack.resolve(Regimes.FILE));
        // Drop the Swiss entry only: the entries after it stay.
        int swiss = regimes.indexOf("- regime: Switzerland");
        int next = regimes.indexOf("\n- regime:", swiss + 1);
        Files.writeString(pack.resolve(Regimes.FILE), regimes.substring(0, swiss) + (next < 0 ? "" : regimes.substring(next + 1)));

        Run run = Run.run("rules", "--rules", pack.toString(), "--format", "markdown");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(Regimes.FILE + ": error: the pack cites law scoped to CH, which no regime names");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_misspelt_key_is_named_at_its_line_and_column(@TempDir Path pack) throws IOException {
        Files.writeString(pack.resolve(Regimes.FILE), "- regime: Somewhere\n  scope: US\n  not_coverd: everything\n");

        Regimes.Loaded loaded = Regimes.read(pack);

        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.where().line()).isEqualTo(3);
            assertThat(d.message()).contains("unknown key 'not_coverd'", "not_covered");
        });
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
