package dev.covenant.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutation and random fuzzing of the scenario loader: 12,000 inputs a run, from the shipped fixtures
 * mutated byte by byte and line by line, and from random YAML-ish text. No input may throw; each is
 * either a scenario or diagnostics that name the file. The seed is printed on failure to replay it.
 */
class LoaderFuzzTest {

    private static final long SEED = Long.getLong("covenant.fuzz.seed", 20261129L);
    private static final int CASES = Integer.getInteger("covenant.fuzz.cases", 12_000);
    private static final String[] TOKENS = {":", "-", " ", "\n", "  ", "[", "]", "{", "}", ",", "'", "\"", "&a", "*a", "!!str", "!!java.io.File",
        "---", "...", "#", "|", ">", "?", "null", "~", "on", "NO", "2024-02-30", "9999999999999999999999", "user.content", "setting:",
        "\t", "\u0000", "\u202E", "\uFEFF", "é", "scenario", "as_of", "platform", "practices", "members", "legal_basis"};

    @Test
    void no_input_makes_the_loader_throw_and_every_failure_is_a_located_diagnostic() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (ScenarioFiles.Found f : ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files()) {
            seeds.add(Files.readAllBytes(f.path()));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = switch (i % 4) {
                case 0 -> flipBytes(seeds.get(random.nextInt(seeds.size())), random);
                case 1 -> shuffleLines(seeds.get(random.nextInt(seeds.size())), random);
                case 2 -> splice(seeds.get(random.nextInt(seeds.size())), random);
                default -> randomText(random);
            };
            String name = "fuzz-" + i + ".yaml";
            LoadResult result;
            try {
                result = ScenarioLoader.parse(input, name);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw " + e + " on:\n"
                        + new String(input, StandardCharsets.UTF_8), e);
            }
            if (result.isValid()) {
                valid++;
            } else {
                assertThat(result.diagnostics()).as("case %d (seed %d)", i, SEED).isNotEmpty()
                        .allSatisfy(d -> {
                            assertThat(d.where().file()).isEqualTo(name);
                            assertThat(d.where().line()).isGreaterThanOrEqualTo(0);
                            assertThat(d.message()).isNotBlank().doesNotContain("\tat ");
                        });
            }
        }
        assertThat(valid).as("some mutations stay valid scenarios").isPositive();
    }

    private static byte[] flipBytes(byte[] seed, SplittableRandom random) {
        byte[] copy = seed.clone();
        int flips = 1 + random.nextInt(8);
        for (int k = 0; k < flips; k++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] shuffleLines(byte[] seed, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(new String(seed, StandardCharsets.UTF_8).split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits && !lines.isEmpty(); k++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 2 -> lines.set(at, " ".repeat(random.nextInt(6)) + lines.get(at).strip());
                default -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] seed, SplittableRandom random) {
        String text = new String(seed, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length() + 1);
        return (text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomText(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(60);
        for (int k = 0; k < n; k++) {
            s.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
