package it.ponte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PositionalBatchTest {

    @Test
    void namedParametersBecomePositionalInTheirOrderLiteralsAndCommentsKept() {
        PositionalBatch batch = PositionalBatch.of("""
                -- the order's rows: one batch (a comment's words are not parameters)
                INSERT INTO t (a, b, c, d) VALUES (:?first, :second, 'S:literal', :?third)
                """, List.of("first", "second", "third"));

        assertThat(batch.sql()).isEqualTo("INSERT INTO t (a, b, c, d) VALUES (?, ?, 'S:literal', ?)");
        assertThat(batch.names()).containsExactly("first", "second", "third");
    }

    @Test
    void aStatementWhoseParametersAreNotTheDeclaredOnesIsRefused() {
        assertThatThrownBy(() -> PositionalBatch.of("INSERT INTO t (a, b) VALUES (:b, :a)", List.of("a", "b")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[b, a]").hasMessageContaining("[a, b]");
    }
}
