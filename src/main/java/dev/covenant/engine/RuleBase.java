package dev.covenant.engine;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled rule pack: every {@code *.drl} under a directory, built through the public KIE API
 * in classic (MVEL) mode, which reports every error with its DRL line. The build mode is decided here
 * and nowhere else. A pack with any diagnostic has no KieBase and evaluates nothing.
 */
public final class RuleBase implements AutoCloseable {

    private static final String RESOURCES = "src/main/resources/";
    private static final Logger LOG = LoggerFactory.getLogger(RuleBase.class);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.$]+)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final RuleSources sources;
    private final Build build;
    private final KieBase kieBase;
    private final RuleCatalog catalog;
    private final List<Diagnostic> diagnostics;

    /**
     * The live build behind a usable base: kept so that {@link #update()} can recompile only the files
     * that changed. Several RuleBase values may share one build; the newest owns it and disposes it.
     */
    private static final class Build {
        final KieFileSystem files;
        final KieBuilder builder;
        final ReleaseId releaseId;
        final KieContainer container;
        /** Set when an incremental build left the builder holding an edit that did not compile. */
        volatile boolean dirty;
        volatile RuleBase owner;

        Build(KieFileSystem files, KieBuilder builder, ReleaseId releaseId, KieContainer container) {
            this.files = files;
            this.builder = builder;
            this.releaseId = releaseId;
            this.container = container;
        }
    }

    private RuleBase(RuleSources sources, Build build, RuleCatalog catalog, List<Diagnostic> diagnostics) {
        this(sources, build, build == null ? null : build.container.getKieBase(), catalog, diagnostics);
    }

    private RuleBase(RuleSources sources, Build build, KieBase kieBase, RuleCatalog catalog, List<Diagnostic> diagnostics) {
        this.sources = sources;
        this.build = build;
        this.kieBase = kieBase;
        this.catalog = catalog;
        // A table's problems are named at its cells, whatever reported them at its generated DRL.
        this.diagnostics = (sources == null ? diagnostics : sources.relocate(diagnostics)).stream().sorted().toList();
        if (build != null) {
            build.owner = this;
        }
    }

    /** Compiles the pack under {@code rulesDir}; never throws for problems in the rules themselves. */
    public static RuleBase compile(Path rulesDir) {
        RuleSources sources;
        try {
            sources = RuleSources.read(rulesDir);
        } catch (IOException e) {
            String where = dev.covenant.scenario.ScenarioFiles.display(rulesDir);
            return failed(null, List.of(new Diagnostic(SourceSpan.of(where, 0, 0), "cannot read rules directory: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such directory" : e.getMessage()))));
        }
        return compile(sources);
    }

    public static RuleBase compile(RuleSources sources) {
        if (sources.files().isEmpty()) {
            String where = dev.covenant.scenario.ScenarioFiles.display(sources.root());
            return failed(sources, List.of(new Diagnostic(SourceSpan.of(where, 0, 0), "no *.drl rule files found")));
        }
        if (!sources.tableDiagnostics().isEmpty()) {
            return failed(sources, sources.tableDiagnostics()); // cells are checked before anything compiles
        }
        long start = System.nanoTime();
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        // Each build gets its own release id so that a reload never collides with a live container.
        ReleaseId releaseId = services.newReleaseId("dev.covenant.rules",
                "pack-" + sources.contentHash().substring(0, 16), "1." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(releaseId);
        sources.files().forEach((relative, text) -> files.write(resource(relative, text), text));
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Diagnostic> errors = DrlDiagnostics.compileErrors(sources, builder.getResults().getMessages(Message.Level.ERROR));
        if (!errors.isEmpty()) {
            return failed(sources, errors);
        }
        KieContainer container = services.newKieContainer(releaseId);
        RuleCatalog catalog = RuleCatalog.of(container.getKieBase(), sources);
        List<Diagnostic> problems = new ArrayList<>(catalog.diagnostics());
        problems.addAll(DrlDiagnostics.constraintTypes(container.getKieBase(), sources, catalog));
        if (!problems.isEmpty()) {
            container.dispose();
            return failed(sources, problems);
        }
        RuleBase compiled = new RuleBase(sources, new Build(files, builder, releaseId, container), catalog, List.of());
        compiled.logReady("compiled", start);
        return compiled;
    }

    private void logReady(String how, long start) {
        if (LOG.isInfoEnabled()) {
            LOG.info("rule pack {} {}: {} files, {} rules, in {} ms", sources.display(""), how, sources.files().size(),
                    kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Where a file goes in the build: in the folder of the package it declares, for Drools advises (with
     * a warning per file) that the two correspond, and a pack's folders are named for people
     * ({@code policy-dates/} holds {@code package rules.policydates}). The file's name is its whole
     * rules-relative path, URL-encoded, so names stay unique and {@link #relative} reads it back.
     */
    static String resource(String relative, String text) {
        Matcher declared = PACKAGE.matcher(text == null ? "" : text);
        String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
        return RESOURCES + folder + java.net.URLEncoder.encode(RuleSources.drlName(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The rules-relative path of a build resource ({@link #resource}), which Drools' messages give with
     * or without the {@code src/main/resources/} prefix; any other path as it is.
     */
    static String relative(RuleSources sources, String resource) {
        String path = resource.startsWith(RESOURCES) ? resource.substring(RESOURCES.length()) : resource;
        String name = java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
        if (name.endsWith(".drl") && sources.tables().containsKey(name.substring(0, name.length() - 4))) {
            return name.substring(0, name.length() - 4); // a table's generated DRL (RuleSources.drlName)
        }
        return sources.files().containsKey(name) ? name : path;
    }

    /**
     * The pack as its files are now. Only the files that changed are recompiled and swapped into this
     * base's KieBase in place (Drools' incremental build), so a one-rule edit costs a fraction of a full
     * build; the result then owns the shared build. Falls back to a full compile when there is no live
     * build or the last incremental attempt failed. A result with diagnostics leaves this base as it was
     * (used by --watch, which keeps the last good base; not for concurrent evaluation during the update).
     */
    public RuleBase update() {
        if (sources == null) {
            return this;
        }
        RuleSources fresh;
        try {
            fresh = RuleSources.read(sources.root());
        } catch (IOException | RuntimeException e) {
            return compile(sources.root());
        }
        if (build == null || build.dirty || build.owner != this || !fresh.tableDiagnostics().isEmpty()) {
            return compile(fresh);
        }
        java.util.Set<String> changed = new java.util.TreeSet<>(sources.files().keySet());
        changed.addAll(fresh.files().keySet());
        changed.removeIf(path -> java.util.Objects.equals(sources.files().get(path), fresh.files().get(path)));
        if (changed.isEmpty()) {
            return this;
        }
        if (fresh.files().isEmpty()) {
            return compile(fresh);
        }
        // A file whose package declaration changed moves to another folder: the old resource goes.
        Set<String> resources = new java.util.TreeSet<>();
        for (String path : changed) {
            String before = sources.files().containsKey(path) ? resource(path, sources.files().get(path)) : null;
            String after = fresh.files().containsKey(path) ? resource(path, fresh.files().get(path)) : null;
            if (before != null && !before.equals(after)) {
                build.files.delete(before);
                resources.add(before);
            }
            if (after != null) {
                build.files.write(after, fresh.files().get(path));
                resources.add(after);
            }
        }
        String[] paths = resources.toArray(String[]::new);
        org.kie.internal.builder.IncrementalResults results =
                ((org.kie.internal.builder.InternalKieBuilder) build.builder).createFileSet(paths).build();
        boolean failed = results.getAddedMessages().stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR);
        if (failed || build.container.updateToVersion(build.releaseId).hasMessages(Message.Level.ERROR)) {
            // A full compile of the same files gives the complete, clean list of diagnostics.
            build.dirty = true;
            return compile(fresh);
        }
        RuleCatalog updated = RuleCatalog.of(kieBase, fresh);
        List<Diagnostic> problems = new ArrayList<>(updated.diagnostics());
        problems.addAll(DrlDiagnostics.constraintTypes(kieBase, fresh, updated));
        if (!problems.isEmpty()) {
            build.dirty = true;
            return failed(fresh, problems);
        }
        return new RuleBase(fresh, build, updated, List.of());
    }

    /**
     * The pack under {@code rulesDir}, from {@code cache} when an entry for exactly these files exists
     * (no compile at all), else compiled; {@link #fromCache()} says which. A compiled pack is not stored
     * here: callers warm the cache (in the background, for the CLI) so that this run is not slowed.
     */
    public static RuleBase load(Path rulesDir, PackCache cache) {
        RuleSources sources;
        try {
            sources = RuleSources.read(rulesDir);
        } catch (IOException e) {
            return compile(rulesDir);
        }
        return load(sources, cache);
    }

    /** The pack of {@code sources}, from {@code cache} when it holds exactly these files, else compiled. */
    public static RuleBase load(RuleSources sources, PackCache cache) {
        if (!sources.files().isEmpty()) {
            long start = System.nanoTime();
            KieBase cached = cache.load(sources);
            if (cached != null) {
                RuleCatalog catalog = RuleCatalog.of(cached, sources);
                if (catalog.diagnostics().isEmpty()) {
                    RuleBase loaded = new RuleBase(sources, null, cached, catalog, List.of());
                    loaded.logReady("loaded precompiled from the cache", start);
                    return loaded;
                }
            }
            LOG.info("rule pack {} not in the cache: compiling", sources.display(""));
        }
        return compile(sources);
    }

    /** True when this pack was loaded precompiled from the cache rather than compiled now. */
    public boolean fromCache() {
        return kieBase != null && build == null;
    }

    private static RuleBase failed(RuleSources sources, List<Diagnostic> diagnostics) {
        return new RuleBase(sources, null, null, diagnostics);
    }

    public boolean isUsable() {
        return kieBase != null && diagnostics.isEmpty();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public RuleSources sources() {
        return sources;
    }

    /** Disposes the build when this base is its newest owner; older bases sharing it close as no-ops. */
    @Override
    public void close() {
        if (build != null && build.owner == this) {
            build.container.dispose();
        }
    }
}
