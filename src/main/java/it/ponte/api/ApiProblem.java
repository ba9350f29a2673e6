package it.ponte.api;

/**
 * An answer other than success, carried to the REST error handling, which writes it as an RFC 9457 problem
 * document. The detail is merchant-facing text.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final transient Object extension;
    private final String key;
    private final transient Object[] args;

    /** A problem whose title follows from its status. */
    public ApiProblem(int status, String detail) {
        this(status, status == 404 ? "Risorsa non trovata" : status == 409 ? "Conflitto" : "Richiesta non valida", detail, null);
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiProblem(int status, String title, String detail, Object extension) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extension = extension;
        this.key = null;
        this.args = null;
    }

    /** A problem whose detail is the message {@code key} of the bundles, said in the caller's language when written. */
    private ApiProblem(int status, String key, Object[] args) {
        super(key);
        this.status = status;
        this.title = null;
        this.extension = null;
        this.key = key;
        this.args = args;
    }

    /** A 400 whose detail is a message of the bundles, in the caller's language (Accept-Language), else Ponte's. */
    public static ApiProblem badRequestKey(String key, Object... args) {
        return new ApiProblem(400, key, args);
    }

    /** The message key of the detail, or null when the detail is already written out. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Richiesta non valida", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Risorsa non trovata", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflitto", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Object extension() {
        return extension;
    }
}
