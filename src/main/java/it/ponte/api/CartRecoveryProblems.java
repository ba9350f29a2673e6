package it.ponte.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Refused requests of the cart recovery link (a shop page, served by Spring MVC), as {@code application/problem+json} in the merchant's language. */
@RestControllerAdvice(assignableTypes = CartRecoveryController.class)
class CartRecoveryProblems {

    private final ApiMessages messages;

    CartRecoveryProblems(ApiMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
        return respond(e.status(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(400, messages.badParameter(e.getName(), e.getValue()));
    }

    private ResponseEntity<ProblemDetail> respond(int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(status == 404 ? messages.notFoundTitle() : messages.badRequestTitle());
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).body(problem);
    }
}
