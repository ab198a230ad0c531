package dev.covenant.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The DRL files of a rule pack, keyed by their path relative to the pack's root ({@code us/sca.drl}),
 * with a content hash that changes whenever any file's path or text does.
 */
public record RuleSources(Path root, Map<String, String> files) {

    public RuleSources {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * The subdirectory of a pack that holds record rules ({@code covenant audit}); they judge single
     * data-use records, not scenarios, and form a pack of their own.
     */
    public static final String RECORDS = "records";

    /** Reads every {@code *.drl} below {@code root}, recursively, except the record rules under {@code records/}. */
    public static RuleSources read(Path root) throws IOException {
        return read(root, true);
    }

    /** The record-rule pack of the pack at {@code root}: every {@code *.drl} below {@code root/records}. */
    public static RuleSources readRecords(Path root) throws IOException {
        return read(root.resolve(RECORDS), false);
    }

    private static RuleSources read(Path root, boolean skipRecords) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "rules directory not found");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> drls = walk.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
            for (Path drl : drls) {
                String relative = root.relativize(drl).toString().replace('\\', '/');
                if (!(skipRecords && relative.startsWith(RECORDS + "/"))) {
                    files.put(relative, Files.readString(drl, StandardCharsets.UTF_8));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new RuleSources(root, files);
    }

    /**
     * The pack shipped inside the jar under {@code resource} (the build copies {@code rules/} to
     * {@code covenant-rules/}), read from a directory or from the jar itself.
     */
    public static RuleSources fromClasspath(String resource, ClassLoader loader) throws IOException {
        java.net.URL url = loader.getResource(resource);
        if (url == null) {
            throw new java.nio.file.NoSuchFileException("classpath:" + resource, null, "no rule pack on the classpath");
        }
        Map<String, String> files = new TreeMap<>();
        try {
            java.net.URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
                    collect(jar.getPath(resource), files);
                }
            } else {
                collect(Path.of(uri), files);
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot read the rule pack at " + url, e);
        }
        return new RuleSources(Path.of("classpath:" + resource), files);
    }

    private static void collect(Path root, Map<String, String> files) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path drl : walk.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList()) {
                String relative = root.relativize(drl).toString().replace('\\', '/');
                if (!relative.startsWith(RECORDS + "/")) {
                    files.put(relative, Files.readString(drl, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** How a rule file is named in diagnostics: the rules directory joined with its relative path. */
    public String display(String relative) {
        return dev.covenant.scenario.ScenarioFiles.display(root.resolve(relative));
    }

    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
