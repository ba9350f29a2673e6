package it.ponte.sandbox.amazon;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes Amazon's feed processing report: a {@code ProcessingReport} message with the summary counts and one
 * {@code Result} per message that failed or earned a warning. Written with a streaming XML writer, so descriptions
 * quoting client input are escaped.
 */
final class ProcessingReportWriter {

    private ProcessingReportWriter() {
    }

    static String write(String merchantId, String feedId, int processed, List<FeedMessageResult> results) {
        long errors = results.stream().filter(FeedMessageResult::isError).count();
        long warnings = results.size() - errors;
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("AmazonEnvelope");
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", "amzn-envelope.xsd");
            xml.writeStartElement("Header");
            element(xml, "DocumentVersion", "1.02");
            element(xml, "MerchantIdentifier", merchantId);
            xml.writeEndElement();
            element(xml, "MessageType", "ProcessingReport");
            xml.writeStartElement("Message");
            element(xml, "MessageID", "1");
            xml.writeStartElement("ProcessingReport");
            element(xml, "DocumentTransactionID", feedId);
            element(xml, "StatusCode", "Complete");
            xml.writeStartElement("ProcessingSummary");
            element(xml, "MessagesProcessed", String.valueOf(processed));
            element(xml, "MessagesSuccessful", String.valueOf(Math.max(0, processed - errors)));
            element(xml, "MessagesWithError", String.valueOf(errors));
            element(xml, "MessagesWithWarning", String.valueOf(warnings));
            xml.writeEndElement();
            for (FeedMessageResult result : results) {
                xml.writeStartElement("Result");
                element(xml, "MessageID", String.valueOf(result.messageId()));
                element(xml, "ResultCode", result.code().xml());
                element(xml, "ResultMessageCode", String.valueOf(result.messageCode()));
                element(xml, "ResultDescription", result.description());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the processing report of feed " + feedId, e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
