package dev.covenant.verify.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The registry of {@code covenant test} result formats, by the name users pass to {@code test --format}. */
public final class TestFormats {

    private static final Map<String, Supplier<TestRenderer>> RENDERERS = new LinkedHashMap<>();

    static {
        RENDERERS.put(TestTextRenderer.NAME, TestTextRenderer::new);
        RENDERERS.put(TestJsonRenderer.NAME, TestJsonRenderer::new);
        RENDERERS.put(JunitXmlRenderer.NAME, JunitXmlRenderer::new);
    }

    private TestFormats() {
    }

    public static Optional<TestRenderer> renderer(String name) {
        return Optional.ofNullable(RENDERERS.get(name)).map(Supplier::get);
    }

    public static Set<String> names() {
        return RENDERERS.keySet();
    }
}
