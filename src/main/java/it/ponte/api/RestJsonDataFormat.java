package it.ponte.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.component.jackson.JacksonDataFormat;

/**
 * The JSON of the REST binding ({@code restConfiguration.jsonDataFormat: ponte-json}, found by Camel through
 * {@code META-INF/services/org/apache/camel/dataformat/ponte-json}). Answers are written with Spring's object mapper, as
 * every other JSON of Ponte (ISO-8601 dates, no nulls). Request bodies are read into the verb's declared type with a
 * strict copy of it: one JSON value and nothing after it, no key given twice, no number or boolean where text is
 * declared. A body that cannot be read is a 400 problem document saying why (naming the field), in the caller's language.
 */
public class RestJsonDataFormat extends JacksonDataFormat {

    /** Spring Boot's object mapper bean. */
    static final String SPRING_MAPPER = "jacksonObjectMapper";

    public RestJsonDataFormat() {
        // the status and the content type (application/json or application/problem+json) are the routes' to say
        setContentTypeHeader(false);
    }

    @Override
    protected void doStart() throws Exception {
        if (getObjectMapper() == null) {
            setObjectMapper(strict(getCamelContext().getRegistry().lookupByNameAndType(SPRING_MAPPER, ObjectMapper.class)));
        }
        super.doStart();
    }

    static ObjectMapper strict(ObjectMapper spring) {
        ObjectMapper strict = (spring == null ? new ObjectMapper().findAndRegisterModules() : spring.copy())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape scalar : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        return strict;
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        Object body;
        try {
            body = super.unmarshal(exchange, stream);
        } catch (JsonProcessingException e) {
            throw problem(e);
        }
        return present(body);
    }

    /** The REST binding's entry (the body as it came: a String, bytes, a stream). */
    @Override
    public Object unmarshal(Exchange exchange, Object body) throws Exception {
        Object read;
        try {
            read = super.unmarshal(exchange, body);
        } catch (JsonProcessingException e) {
            throw problem(e);
        }
        return present(read);
    }

    /** A JSON {@code null} is no object of the declared type. */
    private static Object present(Object body) {
        if (body == null) {
            throw ApiProblem.badRequestKey("api.notJsonObject");
        }
        return body;
    }

    /** Why the body could not be read, in the merchant's words: never Jackson's message, which names Ponte's classes. */
    static ApiProblem problem(JsonProcessingException e) {
        if (e instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field '")) {
            String message = parse.getOriginalMessage();
            String field = message.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(), message.indexOf('\'', 17)));
            return ApiProblem.badRequestKey("api.fieldTwice", field);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(RestJsonDataFormat::name).collect(Collectors.joining("."));
            return ApiProblem.badRequestKey("api.fieldWrongType", field, expected(mismatch.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && !mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return ApiProblem.badRequestKey("api.notJsonObject");
        }
        return ApiProblem.badRequestKey("api.notJson");
    }

    private static String name(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    /** The JSON type a field declares, in the schema's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == long.class || Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
