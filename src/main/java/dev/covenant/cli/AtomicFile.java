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
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
                Files.deleteIfExists(temp);
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

    static Handle open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // createTempFile makes the file private; a report is an ordinary readable file.
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        return new Handle(absolute, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
    }

    static void write(Path target, Content content) throws IOException {
        try (Handle handle = open(target)) {
            content.writeTo(handle.writer());
            handle.commit();
        }
    }
}
