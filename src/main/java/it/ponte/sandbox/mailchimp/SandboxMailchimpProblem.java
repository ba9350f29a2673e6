package it.ponte.sandbox.mailchimp;

import java.util.List;
import java.util.Map;

/** An answer the simulated Mailchimp gives as a problem document ({@code application/problem+json}). */
class SandboxMailchimpProblem extends RuntimeException {

    final int status;
    final String title;
    final String detail;
    final List<Map<String, String>> errors;

    SandboxMailchimpProblem(int status, String title, String detail, List<Map<String, String>> errors) {
        super(title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
    }

    static SandboxMailchimpProblem notFound() {
        return new SandboxMailchimpProblem(404, "Resource Not Found", "The requested resource could not be found.", List.of());
    }

    static SandboxMailchimpProblem badRequest(String detail) {
        return new SandboxMailchimpProblem(400, "Bad Request", detail, List.of());
    }

    static SandboxMailchimpProblem invalid(List<Map<String, String>> errors) {
        return new SandboxMailchimpProblem(400, "Invalid Resource",
                "The resource submitted could not be validated. For field-specific details, see the 'errors' array.", errors);
    }
}
