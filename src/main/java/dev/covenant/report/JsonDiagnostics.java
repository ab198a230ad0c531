package dev.covenant.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.util.Collection;

/** The one JSON shape of a diagnostic ({@code file}, {@code line}, {@code column}, {@code message}), for every JSON output. */
public final class JsonDiagnostics {

    private JsonDiagnostics() {
    }

    public static void write(String field, Collection<Diagnostic> diagnostics, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (Diagnostic d : diagnostics) {
            json.writeStartObject();
            json.writeStringField("file", d.where().file());
            json.writeNumberField("line", d.where().line());
            json.writeNumberField("column", d.where().column());
            json.writeStringField("message", d.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
