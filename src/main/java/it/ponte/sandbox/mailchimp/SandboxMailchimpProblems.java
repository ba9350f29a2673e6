package it.ponte.sandbox.mailchimp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders the simulator's failures the way Mailchimp does: {@code {type,title,status,detail,instance}} as problem+json. */
@Profile("sandbox")
@RestControllerAdvice(basePackageClasses = SandboxMailchimpProblems.class)
class SandboxMailchimpProblems {

    static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ExceptionHandler(SandboxMailchimpProblem.class)
    ResponseEntity<ObjectNode> problem(SandboxMailchimpProblem p) {
        return ResponseEntity.status(p.status).contentType(PROBLEM_JSON).body(document(p.status, p.title, p.detail, p.errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException e) {
        return problem(SandboxMailchimpProblem.badRequest("We encountered an unspecified JSON parsing error."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException e) {
        return problem(new SandboxMailchimpProblem(405, "Method Not Allowed",
                "The requested method and resource are not compatible. See the Allow header for this resource's available methods.", List.of()));
    }

    static ObjectNode document(int status, String title, String detail, List<Map<String, String>> errors) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("type", "https://mailchimp.com/developer/marketing/docs/errors/");
        doc.put("title", title);
        doc.put("status", status);
        doc.put("detail", detail);
        doc.put("instance", UUID.randomUUID().toString());
        if (errors != null && !errors.isEmpty()) {
            ArrayNode array = doc.putArray("errors");
            errors.forEach(e -> array.addObject().put("field", e.get("field")).put("message", e.get("message")));
        }
        return doc;
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON.toString());
        response.getWriter().write(MAPPER.writeValueAsString(document(status, title, detail, List.of())));
    }
}
