package io.milvusingest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class IngestExceptionTest {

    @Test
    void should_build_with_named_parts_and_leave_the_others_null() {
        IOException io = new IOException("bad xref");

        IngestException e = IngestException.of(ErrorKind.CORRUPT, Stage.EXTRACT, "cannot parse")
                .source("/in/a.pdf").page(3).cause(io).build();
        IngestException bare = IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "down").build();

        assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
        assertThat(e.stage()).isEqualTo(Stage.EXTRACT);
        assertThat(e.source()).isEqualTo("/in/a.pdf");
        assertThat(e.page()).isEqualTo(3);
        assertThat(e.getCause()).isSameAs(io);
        assertThat(e.getMessage()).isEqualTo("cannot parse");
        assertThat(e).hasToString("CORRUPT at " + Stage.EXTRACT.label() + " (page 3): cannot parse");
        assertThat(bare.source()).isNull();
        assertThat(bare.page()).isNull();
        assertThat(bare.getCause()).isNull();
    }

    @Test
    void should_copy_everything_but_the_source_with_withSource() {
        IOException io = new IOException("reset");
        IngestException e = IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "insert failed")
                .page(2).cause(io).build();

        IngestException attributed = e.withSource("s3://b/k.pdf");

        assertThat(attributed.source()).isEqualTo("s3://b/k.pdf");
        assertThat(attributed.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE);
        assertThat(attributed.stage()).isEqualTo(Stage.UPLOAD);
        assertThat(attributed.page()).isEqualTo(2);
        assertThat(attributed.getMessage()).isEqualTo("insert failed");
        assertThat(attributed.getCause()).isSameAs(io);
    }

    @Test
    void should_be_transient_only_for_outages_of_a_store_or_a_model() {
        assertThat(IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "m").build().isTransient()).isTrue();
        assertThat(IngestException.of(ErrorKind.EMBEDDING_FAILED, Stage.EMBED, "m").build().isTransient()).isTrue();
        assertThat(IngestException.of(ErrorKind.CAPTION_FAILED, Stage.CAPTION, "m").build().isTransient()).isTrue();
        for (ErrorKind permanent : new ErrorKind[] {ErrorKind.ENCRYPTED, ErrorKind.CORRUPT, ErrorKind.EMPTY,
                ErrorKind.UNSUPPORTED, ErrorKind.TOO_LARGE, ErrorKind.TIMEOUT, ErrorKind.IMPORT_FAILED,
                ErrorKind.INTERNAL}) {
            assertThat(IngestException.of(permanent, Stage.EXTRACT, "m").build().isTransient())
                    .as("%s", permanent).isFalse();
        }
    }
}
