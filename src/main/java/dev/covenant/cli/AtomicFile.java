package dev.covenant.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes a file through a temporary sibling and a rename, so readers see the old file or the whole new one. */
final class AtomicFile {

    /** Content written to a writer. */
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Who writes a temporary file, in its name: {@code <pid>-<start millis>@<host>}. A run killed
     * before commit or abort (SIGKILL, OOM, a power cut) leaves its temporary files behind; a later
     * run recognises them as a dead process's — no process with that pid, or one started at another
     * time (the pid reused) — and {@link #removeStale} deletes them. Another host's are never judged.
     */
    private static final String HOST = host();
    static final String OWNER = owner(ProcessHandle.current());

    private static final java.util.regex.Pattern TEMP = java.util.regex.Pattern.compile(
            "\\.(?<target>.+)\\.(?<pid>\\d+)-(?<start>\\d+)@(?<host>[A-Za-z0-9_-]+)\\.\\d+\\.tmp");

    private static String owner(ProcessHandle process) {
        return process.pid() + "-" + startMillis(process) + "@" + HOST;
    }

    /**
     * This machine's name, for temporary files' owner tag. Read without the resolver where the system says it
     * (the environment, then the kernel's own name on Linux): InetAddress.getLocalHost() can wait on DNS,
     * and this runs on the start-up path of every command that writes a file.
     */
    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        return name.replaceAll("[^A-Za-z0-9-]", "_");
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Deletes the temporary files that writes of {@code targets} in {@code dir} left when their process
     * died; a live process's (this host, the pid running, the same start time or one unknown) are kept.
     * Best effort: a file that cannot be deleted is left. Returns the files deleted.
     */
    static List<Path> removeStale(Path dir, java.util.Set<String> targets) {
        List<Path> removed = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                java.util.regex.Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches() || !targets.contains(m.group("target")) || !m.group("host").equals(HOST)) {
                    continue;
                }
                long start = Long.parseLong(m.group("start"));
                boolean alive = ProcessHandle.of(Long.parseLong(m.group("pid")))
                        .map(h -> h.isAlive() && (start == 0 || startMillis(h) == 0 || startMillis(h) == start)).orElse(false);
                if (!alive && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.delete(p);
                        removed.add(p);
                    } catch (IOException e) {
                        // left for the next run, or for whoever owns it
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unlistable directory fails when the outputs are opened, with its own message
        }
        return removed;
    }

    /** A file being written: readers see nothing new until {@link #commit()}; {@link #abort()} leaves the old file. */
    static final class Handle implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final Writer writer;
        private boolean done;

        private Handle(Path target, Path temp, Writer writer) {
            this.target = target;
            this.temp = temp;
            this.writer = writer;
        }

        Writer writer() {
            return writer;
        }

        void commit() throws IOException {
            try {
                writer.close();
                if (temp == null) {
                    done = true; // written through to a device or FIFO: nothing to rename
                    return;
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
            done = true;
        }

        void abort() {
            try {
                writer.close();
            } catch (IOException e) {
                // the temporary file is deleted next anyway
            }
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                // best effort: a stray temporary file is named .<target>.*.tmp
            }
            done = true;
        }

        @Override
        public void close() {
            if (!done) {
                abort();
            }
        }
    }

    /**
     * Opens {@code target} for writing. A regular file (or a new one) is written to a temporary sibling and
     * renamed over it on commit; a symbolic link is followed and the file it points to replaced, so the
     * link stays; a device or FIFO ({@code -o /dev/stdout}, a pipe) is written through, never replaced
     * by a file; a directory is refused.
     */
    static Handle open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(absolute)) {
                // A dangling link gets the file it names; a live one has its target replaced.
                absolute = Files.exists(absolute) ? absolute.toRealPath()
                        : absolute.getParent().resolve(Files.readSymbolicLink(absolute)).normalize();
            }
            if (Files.isDirectory(absolute)) {
                throw new OutputException("cannot write " + target + ": it is a directory", null);
            }
            if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                return new Handle(absolute, null, new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        Files.newOutputStream(absolute, java.nio.file.StandardOpenOption.WRITE), StandardCharsets.UTF_8)));
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw OutputException.of(target, e);
        }
        Path dir = absolute.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + "." + OWNER + ".", ".tmp");
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // createTempFile makes the file private; a report is an ordinary readable file.
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            return new Handle(absolute, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw OutputException.of(target, e);
        }
    }

    static void write(Path target, Content content) throws IOException {
        try (Handle handle = open(target)) {
            try {
                content.writeTo(handle.writer());
                handle.commit();
            } catch (java.io.UncheckedIOException e) {
                throw OutputException.of(target, e.getCause());
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
        }
    }

    /**
     * An output that could not be written, said plainly: which file, and why (exit 2). The JDK's
     * exceptions name the temporary sibling or only a path, never what went wrong in words.
     */
    static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        private OutputException(String message, IOException cause) {
            super(message, cause);
        }

        static OutputException of(Path target, IOException e) {
            return new OutputException("cannot write " + target + ": " + reason(e), e);
        }

        private static String reason(IOException e) {
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "no such directory";
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException f) {
                return f.getFile() + " exists and is not a directory";
            }
            if (e instanceof java.nio.file.NotDirectoryException f) {
                return f.getFile() + " is not a directory";
            }
            if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
                return f.getReason().toLowerCase(java.util.Locale.ROOT);
            }
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
