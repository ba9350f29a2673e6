package it.ponte.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The camel-http client of every remote's endpoints ({@code httpClientConfigurer=#noHiddenRetries}):
 * <ul>
 * <li>no hidden retries: Apache HttpClient would silently re-send after a 503 or 429 on its own, a hidden retry loop;
 * redelivery is the {@code transient-remote} route configuration's job, where the policy can be read and the circuit
 * breaker counts it;</li>
 * <li>a bounded answer: no answer is read past {@code ponte.remote.max-answer-size} (one that declares more is refused
 * before its body is read; one without a length stops at the limit), so a remote gone wrong cannot fill the heap. The
 * call fails with {@link AnswerTooLargeException}, which the failure policy holds permanent.</li>
 * </ul>
 */
@Component("noHiddenRetries")
public class NoHiddenRetries implements HttpClientConfigurer {

    private final long maxAnswerBytes;

    public NoHiddenRetries(@Value("${ponte.remote.max-answer-size:16MB}") DataSize maxAnswerSize) {
        this.maxAnswerBytes = maxAnswerSize.toBytes();
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
        clientBuilder.addExecInterceptorLast("ponte-bounded-answer", (request, scope, chain) -> {
            ClassicHttpResponse response = chain.proceed(request, scope);
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                long declared = entity.getContentLength();
                if (declared > maxAnswerBytes) {
                    abort(entity.getContent());
                    throw new AnswerTooLargeException(maxAnswerBytes, declared);
                }
                response.setEntity(new Bounded(entity, maxAnswerBytes));
            }
            return response;
        });
    }

    /** Drops the connection without reading the rest of the answer (closing the stream would drain it). */
    private static void abort(InputStream content) throws IOException {
        if (content instanceof EofSensorInputStream sensor) {
            sensor.abort();
        } else if (content != null) {
            content.close();
        }
    }

    public long maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /** The answer's body, read at most up to the limit. */
    private static final class Bounded extends HttpEntityWrapper {

        private final long limit;

        Bounded(HttpEntity wrapped, long limit) {
            super(wrapped);
            this.limit = limit;
        }

        @Override
        public InputStream getContent() throws IOException {
            InputStream content = super.getContent();
            return content == null ? null : new Counting(content, limit);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = getContent()) {
                if (in != null) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static final class Counting extends FilterInputStream {

        private final long limit;
        private long read;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                abort(in);
                throw new AnswerTooLargeException(limit, -1);
            }
        }
    }
}
