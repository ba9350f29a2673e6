package it.ponte.console;

import it.ponte.amazon.AdjustmentReason;
import it.ponte.amazon.CancelReason;
import it.ponte.report.SentReports;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The few pages of the admin console that cannot be static files: the login page (it carries the form's CSRF token and
 * works without scripts), the session's CSRF token for the console's API calls, and a sent report's HTML, served alone
 * under a policy that runs no script, for the console to show in a sandboxed frame. The console itself is
 * {@code static/console/}.
 */
@Controller
public class ConsoleController {

    /** A report mail is shown as received: its inline styles, nothing it could run or fetch. */
    private static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    private final SentReports reports;

    public ConsoleController(SentReports reports) {
        this.reports = reports;
    }

    @GetMapping({"/console", "/console/"})
    public String console() {
        return "forward:/console/index.html";
    }

    @GetMapping(value = "/console/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    /** Amazon's own reason lists for the Annulla and Rimborso dialogs, straight from the enums the feeds use. */
    @GetMapping(value = "/console/amazon-reasons", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, List<String>> amazonReasons() {
        return Map.of("cancel", Arrays.stream(CancelReason.values()).map(Enum::name).toList(),
                "refund", Arrays.stream(AdjustmentReason.values()).map(Enum::name).toList());
    }

    @GetMapping(value = "/console/reports/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public ResponseEntity<String> report(@PathVariable long id) {
        return reports.find(id)
                .map(r -> ResponseEntity.ok().header("Content-Security-Policy", REPORT_CSP).contentType(new MediaType("text", "html",
                        java.nio.charset.StandardCharsets.UTF_8)).body(r.html()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/console/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public ResponseEntity<String> login(HttpServletRequest request, CsrfToken token,
                                        @RequestParam(name = "lang", required = false) String lang) {
        // Italian unless the browser (or the page's switch) asks for English
        String asked = lang != null ? lang : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        boolean en = asked != null && asked.toLowerCase(Locale.ROOT).startsWith("en");
        LoginTexts t = en ? LoginTexts.EN : LoginTexts.IT;
        String notice = request.getParameter("error") != null ? "<p class=\"notice error\" role=\"alert\" id=\"login-error\">" + t.error + "</p>"
                : request.getParameter("logout") != null ? "<p class=\"notice\" role=\"status\" id=\"login-logout\">" + t.loggedOut + "</p>" : "";
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/console/console.css">
                </head>
                <body class="login">
                <main class="login-box">
                <h1>Ponte</h1>
                <p>%s</p>
                %s
                <form method="post" action="/console/login">
                <label for="username">%s</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit" id="login-submit">%s</button>
                </form>
                <p class="lang"><a href="/console/login?lang=%s" hreflang="%s">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(en ? "en" : "it", t.title, t.intro, notice, t.user, t.password,
                HtmlUtils.htmlEscape(token.getParameterName()), HtmlUtils.htmlEscape(token.getToken()), t.submit,
                en ? "it" : "en", en ? "it" : "en", t.otherLanguage);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }

    private record LoginTexts(String title, String intro, String user, String password, String submit, String error,
                              String loggedOut, String otherLanguage) {
        static final LoginTexts IT = new LoginTexts("Ponte – Accesso", "Console di amministrazione: accedi con il tuo utente.",
                "Utente", "Password", "Accedi", "Utente o password errati.", "Sei uscito dalla console.", "English");
        static final LoginTexts EN = new LoginTexts("Ponte – Sign in", "Administration console: sign in with your user.",
                "User", "Password", "Sign in", "Wrong user name or password.", "You signed out of the console.", "Italiano");
    }
}
