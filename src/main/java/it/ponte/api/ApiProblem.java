package it.ponte.api;

/** A request Ponte's API refuses, with the message for the merchant. Rendered as a problem document. */
class ApiProblem extends RuntimeException {

    final int status;

    ApiProblem(int status, String message) {
        super(message);
        this.status = status;
    }
}
