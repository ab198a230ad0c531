package dev.covenant.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML writer both {@code covenant test} and {@code covenant check --format junit} use: one
 * suite of test cases, each passed, failed, errored or skipped, with its text as the body. Written with
 * the JDK's StAX writer, which escapes all text.
 */
public final class JunitXml {

    /** What happened to one test case. */
    public enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

    /** One test case; {@code seconds} may be null when no duration applies. */
    public record Case(String classname, String name, String file, Double seconds, Outcome outcome, String message, String body) {
    }

    private JunitXml() {
    }

    public static void write(String suite, List<Case> cases, Double seconds, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.outcome() == Outcome.FAILED).count()));
            xml.writeAttribute("errors", Long.toString(cases.stream().filter(c -> c.outcome() == Outcome.ERROR).count()));
            xml.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count()));
            if (seconds != null) {
                xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", seconds));
            }
            for (Case c : cases) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(c.classname()));
                xml.writeAttribute("name", clean(c.name()));
                xml.writeAttribute("file", clean(c.file()));
                if (c.seconds() != null) {
                    xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", c.seconds()));
                }
                switch (c.outcome()) {
                    case FAILED -> body(xml, "failure", c.message(), c.body());
                    case ERROR -> body(xml, "error", c.message(), c.body());
                    case SKIPPED -> {
                        xml.writeEmptyElement("skipped");
                        xml.writeAttribute("message", clean(c.message()));
                    }
                    case PASSED -> { }
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void body(XMLStreamWriter xml, String element, String message, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(message));
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters even escaped; show them, and what {@link Inert} hides, as code points. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF;
            if (allowed && !Inert.invisible(cp)) {
                s.appendCodePoint(cp);
            } else {
                s.append(String.format(java.util.Locale.ROOT, "[U+%04X]", cp));
            }
        });
        return s.toString();
    }
}
