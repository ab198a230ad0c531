package dev.covenant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The templates {@code covenant new} fills in ({@code src/main/resources/dev/covenant/cli/scaffold/}): text files
 * with {@code ${name}} placeholders, kept as files so they read as the DRL and YAML they become.
 */
final class Scaffold {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private Scaffold() {
    }

    /** The template {@code name} with every placeholder replaced; a placeholder without a value is a bug here, not input. */
    static String fill(String name, Map<String, String> values) {
        String template = read(name);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + name + " uses ${" + m.group(1) + "}, which has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String name) {
        try (InputStream in = Scaffold.class.getResourceAsStream("scaffold/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
