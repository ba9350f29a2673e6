package it.ponte.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A splitter over records streams: Camel's non-streaming splitter makes every part's exchange up front and keeps them
 * all to the end, so a phase over 100,000 orders would hold all of them (the ERP insert ran out of a 256 MB heap that
 * way). Only splitters over a handful of things (the Amazon accounts) may do without.
 */
class SplittersStreamTest {

    private static final Set<String> FEW = Set.of("amazon-import-per-account");

    @Test
    void everySplitterOverRecordsStreams() throws IOException {
        List<String> splitters = new ArrayList<>();
        List<String> notStreaming = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    collect(new Yaml().load(in), file.getFileName().toString(), splitters, notStreaming);
                }
            }
        }
        assertThat(splitters).as("the routes' splitters").hasSizeGreaterThan(8);
        assertThat(notStreaming).as("splitters over records that do not stream").isEmpty();
    }

    private static void collect(Object node, String file, List<String> splitters, List<String> notStreaming) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if ("split".equals(e.getKey()) && e.getValue() instanceof Map<?, ?> split) {
                    String id = file + ":" + split.get("id");
                    splitters.add(id);
                    if (!Boolean.TRUE.equals(split.get("streaming")) && !FEW.contains(String.valueOf(split.get("id")))) {
                        notStreaming.add(id);
                    }
                }
                collect(e.getValue(), file, splitters, notStreaming);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, file, splitters, notStreaming));
        }
    }
}
