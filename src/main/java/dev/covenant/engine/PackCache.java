package dev.covenant.engine;

import dev.covenant.source.Version;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * The rule pack precompiled to Drools' executable model and kept between runs, so a repeated
 * {@code check} loads classes instead of compiling DRL. Entries are keyed by a hash of every rule
 * file (path and text), the engine and Covenant versions and the Java version: any edit is a miss and
 * falls back to a full compile. These are Drools' internal loading APIs; every failure is a miss.
 */
public final class PackCache {

    private static final String MODEL_LIST = "META-INF/kie/dev.covenant.cache/pack/drools-model";
    /** How many packs the cache keeps: one per rules directory or branch a user switches between. */
    static final int KEEP = 5;
    /** The entries this JVM has loaded, each with the channel holding its shared lock. */
    private static final Map<Path, FileChannel> IN_USE = new HashMap<>();

    private final Path directory;

    public PackCache(Path directory) {
        this.directory = directory;
    }

    /**
     * {@code $COVENANT_CACHE}, else {@code $XDG_CACHE_HOME/covenant}, else {@code ~/.cache/covenant};
     * null (no cache) when {@code COVENANT_CACHE=off} or the system property {@code covenant.cache=off}.
     */
    public static PackCache standard() {
        String explicit = System.getenv("COVENANT_CACHE");
        if ("off".equals(explicit) || "off".equals(System.getProperty("covenant.cache"))) {
            return null;
        }
        if (explicit != null && !explicit.isBlank()) {
            return new PackCache(Path.of(explicit));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new PackCache(base.resolve("covenant"));
    }

    /**
     * The identity of the classes a precompiled pack is linked against. The version string stays
     * {@code 0.1.0-SNAPSHOT} across rebuilds, so a model class that changed would meet an old pack
     * (NoSuchMethodError): the key is the hash of the code itself — the jar, or the class files when
     * run from a directory.
     */
    static final String CODE = codeIdentity();

    private static String codeIdentity() {
        try {
            java.security.CodeSource source = PackCache.class.getProtectionDomain().getCodeSource();
            return codeIdentity(source == null ? null : Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Version.current() + "-" + System.nanoTime(); // unknown code: never reuse a pack
        }
    }

    /** The hash of a jar, or of the class files under a directory. */
    static String codeIdentity(Path where) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (where != null && Files.isRegularFile(where)) {
                try (InputStream in = Files.newInputStream(where)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            } else if (where != null && Files.isDirectory(where)) {
                try (var files = Files.walk(where)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        digest.update(where.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            } else {
                return Version.current();
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            return Version.current() + "-" + System.nanoTime(); // unknown code: never reuse a pack
        }
    }

    Path entry(RuleSources sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String key = sources.contentHash() + "|" + KieServices.class.getPackage().getImplementationVersion() + "|"
                    + CODE + "|" + Runtime.version().feature();
            return directory.resolve("pack-" + HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16) + ".jar");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached pack for these sources, or null on a miss (or any failure to load it). */
    KieBase load(RuleSources sources) {
        Path jar = entry(sources);
        if (!sources.tableDiagnostics().isEmpty() || !Files.isRegularFile(jar) || !holdInUse(jar)) {
            return null;
        }
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PackCache.class.getClassLoader());
            List<org.drools.model.Model> models = new ArrayList<>();
            try (InputStream list = loader.getResourceAsStream(MODEL_LIST)) {
                if (list == null) {
                    return null;
                }
                for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                    if (!name.isBlank() && !name.contains(":")) {
                        models.add((org.drools.model.Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
                    }
                }
            }
            return org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Stores the pack in a separate, detached process, so that the run that compiled it is not slowed
     * by the second (executable-model) build; the next run finds it. Failures are silent: a miss again.
     */
    public void warmInBackground(Path rulesDir) {
        try {
            Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
            // It runs in the cache directory, with its crash file there: nothing lands in the user's checkout.
            Files.createDirectories(directory);
            String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString())
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
            new ProcessBuilder(javaCommand.toString(), "-cp", classPath,
                    "-XX:ErrorFile=" + directory.toAbsolutePath().resolve("hs_err_pid%p.log"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", PackCache.class.getName(),
                    rulesDir.toAbsolutePath().toString(), directory.toAbsolutePath().toString())
                    .directory(directory.toAbsolutePath().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException | RuntimeException e) {
            // no cache this time
        }
    }

    /** Entry point of the background warm-up: {@code PackCache RULES_DIR CACHE_DIR}. */
    public static void main(String[] args) throws IOException {
        RuleSources sources = RuleSources.read(Path.of(args[0]));
        PackCache cache = new PackCache(Path.of(args[1]));
        if (!Files.isRegularFile(cache.entry(sources))) {
            cache.store(sources);
        }
    }

    /** Builds the executable model of these (already valid) sources and stores it; false when that fails. */
    public boolean store(RuleSources sources) {
        try {
            KieServices services = KieServices.Factory.get();
            KieFileSystem files = services.newKieFileSystem();
            files.generateAndWritePomXML(services.newReleaseId("dev.covenant.cache", "pack", "1"));
            sources.files().forEach((path, text) -> files.write("src/main/resources/" + RuleSources.drlName(path), text));
            KieBuilder builder = services.newKieBuilder(files).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                return false;
            }
            byte[] kjar = ((org.drools.compiler.kie.builder.impl.InternalKieModule) builder.getKieModule()).getBytes();
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".pack-", ".tmp");
            Files.write(temp, kjar);
            Files.move(temp, entry(sources), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune();
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Keeps the {@link #KEEP} most recently used packs (a hit sets an entry's modification time) and
     * removes older ones, except any another process or this one is using: a user holds a shared lock
     * on its entry, and an entry is only deleted under an exclusive lock. Leftovers of interrupted
     * stores go after an hour. Pruning is best effort; whatever fails now is tried after the next store.
     */
    void prune() {
        List<Path> packs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith("pack-") && name.endsWith(".jar")) {
                    packs.add(entry);
                } else if (name.startsWith(".pack-") && name.endsWith(".tmp") && olderThan(entry, Duration.ofHours(1))) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        Map<Path, FileTime> used = new HashMap<>();
        for (Path pack : packs) {
            used.put(pack, lastModified(pack));
        }
        packs.sort(Comparator.comparing((Path p) -> used.get(p)).reversed().thenComparing(Comparator.<Path>naturalOrder()));
        for (Path old : packs.subList(Math.min(KEEP, packs.size()), packs.size())) {
            deleteUnlessInUse(old);
        }
    }

    private static void deleteUnlessInUse(Path pack) {
        synchronized (IN_USE) {
            // Not even opened: closing any channel to a file drops this JVM's lock on it (POSIX locks).
            if (IN_USE.containsKey(pack.toAbsolutePath().normalize())) {
                return;
            }
        }
        try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock != null) {
                Files.deleteIfExists(pack);
            }
        } catch (OverlappingFileLockException inUseHere) {
            // this JVM holds it (see holdInUse)
        } catch (IOException | RuntimeException e) {
            // gone already, or not ours to delete
        }
    }

    /**
     * Marks an entry used and takes a shared lock on it for the rest of this JVM's life: its classes are
     * loaded from the jar as rules first fire, so no other process may prune it meanwhile. False when a
     * pruner holds it (about to delete it: a miss). Nothing else in this JVM may open and close the
     * entry while it is held: on POSIX, closing any descriptor of a file releases the process's locks.
     */
    private static boolean holdInUse(Path entry) {
        Path jar = entry.toAbsolutePath().normalize();
        synchronized (IN_USE) {
            if (IN_USE.containsKey(jar)) {
                return true;
            }
            // Before the lock: setting the time opens and closes the file, which drops a POSIX lock.
            touch(jar);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(jar, StandardOpenOption.READ);
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
                if (lock != null && Files.isRegularFile(jar)) {
                    IN_USE.put(jar, channel);
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // a miss
            }
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // nothing held
            }
            return false;
        }
    }

    /** Marks an entry as just used, for {@link #prune()}; a read-only cache is still a cache. */
    private static void touch(Path jar) {
        try {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // pruned as if unused since it was stored
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean olderThan(Path file, Duration age) {
        return lastModified(file).toInstant().isBefore(Instant.now().minus(age));
    }
}
