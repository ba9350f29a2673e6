package it.ponte.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The refusals written before any route sees the request (security, the request filters, the error page) as
 * {@code application/problem+json}, like every other error of the API: the words from the message bundles, in the
 * language the caller asks for ({@code Accept-Language: en} or {@code it}), else {@code ponte.report.language}.
 */
@Component
public class ProblemResponses {

    private final MessageSource bundles;
    private final ObjectMapper json;
    private final Locale defaultLocale;

    public ProblemResponses(MessageSource bundles, ObjectMapper json, @Value("${ponte.report.language:it}") String language) {
        this.bundles = bundles;
        this.json = json;
        this.defaultLocale = Locale.forLanguageTag(language);
    }

    /** Writes the problem document: title from {@code <titleKey>}, detail from {@code <detailKey>} with its arguments. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey, String detailKey,
                      Object... args) throws IOException {
        Locale locale = locale(request.getHeader("Accept-Language"));
        ObjectNode doc = json.createObjectNode();
        doc.put("type", "about:blank");
        doc.put("title", bundles.getMessage(titleKey, null, locale));
        doc.put("status", status);
        doc.put("detail", bundles.getMessage(detailKey, args, locale));
        doc.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(doc));
    }

    /** The caller's language when it asks for one Ponte speaks, else the configured one. */
    public Locale locale(String acceptLanguage) {
        String asked = acceptLanguage == null ? "" : acceptLanguage.trim().toLowerCase(Locale.ROOT);
        if (asked.startsWith("en")) {
            return Locale.ENGLISH;
        }
        if (asked.startsWith("it")) {
            return Locale.ITALIAN;
        }
        return defaultLocale;
    }
}
