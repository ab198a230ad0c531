package dev.covenant.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way a rule pack is made ready, for every entry point that evaluates with a pack it does not
 * change (check, test, validate, explain, audit, the Java API and so the server): precompiled from the
 * {@link PackCache} when these exact rule files were compiled before, else compiled now — classic
 * build, the compiler of record for diagnostics — and stored in the cache by a background process for
 * the next run, so this one is not slowed. Only {@code --watch} compiles on its own, because it needs
 * the live build to recompile edited files incrementally.
 */
public final class PackLoader {

    private final PackCache cache;

    private PackLoader(PackCache cache) {
        this.cache = cache;
    }

    /** With the standard cache ({@link PackCache#standard()}; none when {@code COVENANT_CACHE=off}). */
    public static PackLoader standard() {
        return new PackLoader(PackCache.standard());
    }

    /** With the cache in {@code directory}. */
    public static PackLoader cachedIn(Path directory) {
        return new PackLoader(new PackCache(directory));
    }

    /** Always compiling, never touching a cache (executors that are handed the rules, tests). */
    public static PackLoader compiling() {
        return new PackLoader(null);
    }

    /** The pack under {@code rulesDir}; never throws for problems in the rules themselves. */
    public RuleBase load(Path rulesDir) {
        if (cache == null || !Files.isDirectory(rulesDir)) {
            return RuleBase.compile(rulesDir);
        }
        return warmed(RuleBase.load(rulesDir, cache), rulesDir);
    }

    /** A pack already read (a directory, or the classpath's); stored for later runs only when it lives in a directory. */
    public RuleBase load(RuleSources sources) {
        if (cache == null) {
            return RuleBase.compile(sources);
        }
        return warmed(RuleBase.load(sources, cache), sources.root());
    }

    /** True when a cache is in use. */
    public boolean caches() {
        return cache != null;
    }

    private RuleBase warmed(RuleBase base, Path root) {
        if (base.isUsable() && !base.fromCache() && Files.isDirectory(root)) {
            cache.warmInBackground(root);
        }
        return base;
    }
}
