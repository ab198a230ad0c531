package dev.covenant.report;

import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code covenant test --format junit}: the JUnit XML that CI servers read — one testcase per fixture,
 * failures and errors with the differences as their body. Written with the JDK's StAX writer, which
 * escapes all text.
 */
public final class JunitXmlRenderer implements TestRenderer {

    public static final String NAME = "junit";

    @Override
    public void render(FixtureRun run, Coverage coverage, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "covenant fixtures");
            xml.writeAttribute("tests", Integer.toString(run.outcomes().size()));
            xml.writeAttribute("failures", Long.toString(run.count(FixtureRun.Status.FAIL)));
            xml.writeAttribute("errors", Long.toString(run.count(FixtureRun.Status.ERROR)));
            xml.writeAttribute("skipped", Long.toString(run.count(FixtureRun.Status.SKIP)));
            xml.writeAttribute("time", seconds(run.nanos()));
            for (FixtureRun.Outcome o : run.outcomes()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                int slash = o.file().lastIndexOf('/');
                xml.writeAttribute("classname", slash < 0 ? "fixtures" : o.file().substring(0, slash).replace('/', '.'));
                xml.writeAttribute("name", o.file().substring(slash + 1) + (o.scenarioId() == null ? "" : " (" + o.scenarioId() + ")"));
                xml.writeAttribute("file", o.file());
                xml.writeAttribute("time", seconds(o.nanos()));
                switch (o.status()) {
                    case FAIL -> body(xml, "failure", "findings differ from expect:", Differences.describe(o));
                    case ERROR -> body(xml, "error", "scenario could not be evaluated", Differences.describe(o));
                    case SKIP -> {
                        xml.writeEmptyElement("skipped");
                        xml.writeAttribute("message", "no expect: block");
                    }
                    case PASS -> { }
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
        xml.writeAttribute("message", message);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
