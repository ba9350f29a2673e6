package it.ponte.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The S3 side of feed documents: the presigned URLs that createFeedDocument and getFeedDocument hand out. As on S3,
 * the URL's signature is the only credential, the upload's Content-Type must be the one declared to
 * createFeedDocument (it is signed), and an SP-API access token is an unsigned {@code x-amz-*} header S3 refuses.
 */
@RestController
@Profile("sandbox")
public class FeedDocumentTransferController {

    private final SandboxFeedDocuments documents;
    private final PresignedUrls urls;

    public FeedDocumentTransferController(SandboxFeedDocuments documents, PresignedUrls urls) {
        this.documents = documents;
        this.urls = urls;
    }

    @PutMapping(SandboxFeeds.UPLOAD_PATH + "{feedDocumentId}")
    public ResponseEntity<String> upload(@PathVariable String feedDocumentId,
                                         @RequestParam(name = "X-Amz-Date", required = false) String date,
                                         @RequestParam(name = "X-Amz-Signature", required = false) String signature,
                                         @RequestHeader(name = "Content-Type", required = false) String contentType,
                                         @RequestBody(required = false) byte[] content, HttpServletRequest request) {
        Optional<ResponseEntity<String>> refused = refusal(request, SandboxFeeds.UPLOAD_PATH + feedDocumentId, date, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        SandboxFeedDocument document = documents.find(feedDocumentId).filter(d -> d.kind() == SandboxFeedDocument.Kind.INPUT).orElse(null);
        if (document == null) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        if (!normalise(document.contentType()).equals(normalise(contentType))) {
            return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided: "
                    + "Content-Type '" + contentType + "' is not the '" + document.contentType() + "' declared to createFeedDocument.");
        }
        documents.upload(feedDocumentId, content == null ? new byte[0] : content);
        return ResponseEntity.ok().header("ETag", "\"" + UUID.randomUUID().toString().replace("-", "") + "\"").build();
    }

    @GetMapping(SandboxFeeds.DOWNLOAD_PATH + "{feedDocumentId}")
    public ResponseEntity<?> download(@PathVariable String feedDocumentId,
                                      @RequestParam(name = "X-Amz-Date", required = false) String date,
                                      @RequestParam(name = "X-Amz-Signature", required = false) String signature,
                                      HttpServletRequest request) {
        Optional<ResponseEntity<String>> refused = refusal(request, SandboxFeeds.DOWNLOAD_PATH + feedDocumentId, date, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        SandboxFeedDocument document = documents.find(feedDocumentId).filter(SandboxFeedDocument::isUploaded).orElse(null);
        if (document == null) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        return ResponseEntity.ok()
                .contentType(document.gzip() ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(document.contentType()))
                .body(document.content());
    }

    private Optional<ResponseEntity<String>> refusal(HttpServletRequest request, String path, String date, String signature) {
        if (request.getHeader(SpApiGate.ACCESS_TOKEN_HEADER) != null) {
            return Optional.of(s3Error(403, "AccessDenied", "There were headers present in the request which were not signed: "
                    + SpApiGate.ACCESS_TOKEN_HEADER));
        }
        return urls.check(path, date, signature).map(r -> s3Error(403, r.code(), r.message()));
    }

    private static String normalise(String contentType) {
        return contentType == null ? "" : contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** S3's error document. */
    private static ResponseEntity<String> s3Error(int status, String code, String message) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Error");
            for (String[] field : new String[][] {{"Code", code}, {"Message", message}, {"RequestId", UUID.randomUUID().toString()}}) {
                xml.writeStartElement(field[0]);
                xml.writeCharacters(field[1]);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_XML).body(out.toString());
    }
}
