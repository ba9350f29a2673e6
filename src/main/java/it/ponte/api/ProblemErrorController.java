package it.ponte.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import it.ponte.security.ProblemResponses;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The errors nobody else answered (unknown paths, wrong methods, what Tomcat refuses before any route sees it) as
 * {@code application/problem+json}, like every other error of Ponte: Italian by default, English when the caller asks
 * with {@code Accept-Language: en}. Never a stack trace or a class name.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final MessageSource bundles;
    private final ProblemResponses problems;

    ProblemErrorController(MessageSource bundles, ProblemResponses problems) {
        this.bundles = bundles;
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Locale locale = problems.locale(request.getHeader("Accept-Language"));
        String key = switch (status.value()) {
            case 400 -> "badRequest";
            case 404 -> "notFound";
            case 405 -> "methodNotAllowed";
            case 413 -> "payloadTooLarge";
            case 415 -> "unsupportedMediaType";
            default -> status.is4xxClientError() ? "badRequest" : "internal";
        };
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(bundles.getMessage("api.error." + key + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(bundles.getMessage("api.error." + key, null, status.getReasonPhrase(), locale));
        problem.setType(URI.create("about:blank"));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString().replaceAll("[^A-Za-z0-9/_.~-]", "")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
