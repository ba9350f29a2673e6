package it.ponte.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ponte's API takes JSON bodies only. A form-encoded body (what {@code curl -d} sends by default) would be parsed
 * as form fields before any route sees it and fail without a proper answer; it gets a 415 problem document instead.
 */
@Component
public class JsonBodiesOnly extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !request.getRequestURI().startsWith("/api/") || contentType == null
                || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(415);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Formato non supportato\",\"status\":415,"
                + "\"detail\":\"Il corpo della richiesta deve essere JSON (Content-Type: application/json).\",\"instance\":\""
                + request.getRequestURI().replace("\"", "") + "\"}");
    }
}
