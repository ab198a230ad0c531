package dev.covenant.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The one registry of output formats, by the name users pass to {@code --format}, for reports and for test results. */
public final class Formats {

    private static final Map<String, Supplier<Renderer>> RENDERERS = new LinkedHashMap<>();
    private static final Map<String, Supplier<TestRenderer>> TEST_RENDERERS = new LinkedHashMap<>();

    static {
        RENDERERS.put(TextRenderer.NAME, TextRenderer::new);
        RENDERERS.put(JsonRenderer.NAME, JsonRenderer::new);
        RENDERERS.put(SarifRenderer.NAME, SarifRenderer::new);
        RENDERERS.put(MarkdownRenderer.NAME, MarkdownRenderer::new);
        RENDERERS.put(HtmlRenderer.NAME, HtmlRenderer::new);
        RENDERERS.put(CheckJunitRenderer.NAME, CheckJunitRenderer::new);
        TEST_RENDERERS.put(TestTextRenderer.NAME, TestTextRenderer::new);
        TEST_RENDERERS.put(TestJsonRenderer.NAME, TestJsonRenderer::new);
        TEST_RENDERERS.put(JunitXmlRenderer.NAME, JunitXmlRenderer::new);
    }

    private Formats() {
    }

    public static Optional<Renderer> renderer(String name) {
        return Optional.ofNullable(RENDERERS.get(name)).map(Supplier::get);
    }

    public static Set<String> names() {
        return RENDERERS.keySet();
    }

    /** Renderers for {@code covenant test}. */
    public static Optional<TestRenderer> testRenderer(String name) {
        return Optional.ofNullable(TEST_RENDERERS.get(name)).map(Supplier::get);
    }

    public static Set<String> testNames() {
        return TEST_RENDERERS.keySet();
    }
}
