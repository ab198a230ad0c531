package dev.covenant.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and a rename, so readers see the old file or the whole new one. */
final class AtomicFile {

    /** Content written to a writer. */
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
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
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
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
