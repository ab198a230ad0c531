package dev.covenant.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The one registry of output formats, by the name users pass to {@code --format}. */
public final class Formats {

    private static final Map<String, Supplier<Renderer>> RENDERERS = new LinkedHashMap<>();

    static {
        RENDERERS.put(TextRenderer.NAME, TextRenderer::new);
        RENDERERS.put(JsonRenderer.NAME, JsonRenderer::new);
    }

    private Formats() {
    }

    public static Optional<Renderer> renderer(String name) {
        return Optional.ofNullable(RENDERERS.get(name)).map(Supplier::get);
    }

    public static Set<String> names() {
        return RENDERERS.keySet();
    }
}
