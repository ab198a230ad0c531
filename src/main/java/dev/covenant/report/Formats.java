package dev.covenant.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The one registry of report formats, by the name users pass to {@code check --format} (test results: {@code verify.report.TestFormats}). */
public final class Formats {

    private static final Map<String, Supplier<Renderer>> RENDERERS = new LinkedHashMap<>();

    static {
        RENDERERS.put(TextRenderer.NAME, TextRenderer::new);
        RENDERERS.put(JsonRenderer.NAME, JsonRenderer::new);
        RENDERERS.put(SarifRenderer.NAME, SarifRenderer::new);
        RENDERERS.put(MarkdownRenderer.NAME, MarkdownRenderer::new);
        RENDERERS.put(HtmlRenderer.NAME, HtmlRenderer::new);
        RENDERERS.put(CheckJunitRenderer.NAME, CheckJunitRenderer::new);
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
