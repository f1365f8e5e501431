package io.milvusingest.store;

import io.milvusingest.model.Box;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.ImageData;
import io.milvusingest.model.PageSize;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ElementStoreTest {
    @TempDir
    Path tmp;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final Extraction extraction = new Extraction(List.of(
            new Element(ContentType.TEXT, "page text", 1),
            new Element(ContentType.TABLE, "| a | b |\n| --- | --- |\n| 1 | 2 |", 1),
            new Element(ContentType.IMAGE, "", 2, new Box(0, 0, 1, 1), new PageSize(612, 792),
                    new ImageData(PNG, "png", 200, 200))), 2);

    @Test
    void should_write_images_and_tables_under_the_source_name_by_element_index_and_keep_their_uri()
            throws IOException {
        ElementStore store = ElementStore.of(tmp.toUri().toString(), true, true);

        Extraction stored = store.apply(doc("report.pdf"), extraction);

        Path table = tmp.resolve("report.pdf/1.md");
        Path image = tmp.resolve("report.pdf/2.png");
        assertThat(Files.readString(table)).isEqualTo("| a | b |\n| --- | --- |\n| 1 | 2 |");
        assertThat(Files.readAllBytes(image)).isEqualTo(PNG);
        assertThat(stored.elements()).extracting(Element::storedUri)
                .containsExactly(null, table.toUri().toString(), image.toUri().toString());
        assertThat(Path.of(URI.create(stored.elements().get(2).storedUri()))).isEqualTo(image);
    }

    @Test
    void should_store_only_the_enabled_types() {
        ElementStore imagesOnly = ElementStore.of(tmp.toUri().toString(), true, false);

        Extraction stored = imagesOnly.apply(doc("report.pdf"), extraction);

        assertThat(stored.elements()).extracting(e -> e.storedUri() != null).containsExactly(false, false, true);
        assertThat(tmp.resolve("report.pdf/1.md")).doesNotExist();
    }

    @Test
    void should_reject_a_source_name_that_would_escape_the_folder() {
        ElementStore store = ElementStore.of(tmp.resolve("store").toUri().toString(), true, true);

        for (String name : List.of("..", ".", "../evil.pdf", "/etc/passwd")) {
            IngestException e = catchThrowableOfType(IngestException.class,
                    () -> store.apply(doc(name), extraction));
            assertThat(e.kind()).as(name).isEqualTo(ErrorKind.UNSUPPORTED);
            assertThat(e.stage()).isEqualTo(Stage.STORE);
            assertThat(e.getMessage()).contains("would escape the store");
        }
        assertThat(tmp.resolve("evil.pdf")).doesNotExist();
    }

    @Test
    void should_accept_only_absolute_file_uris_and_nothing_for_blank() {
        assertThat(ElementStore.of(" ", true, true)).isNull();
        assertThatThrownBy(() -> ElementStore.of("s3://bucket/prefix", true, true))
                .hasMessageStartingWith("store.uri='s3://bucket/prefix' must be file:///absolute/folder");
        assertThatThrownBy(() -> ElementStore.of("file:relative/dir", true, true))
                .hasMessageContaining("must be file:///absolute/folder");
    }

    private SourceDocument doc(String name) {
        return new SourceDocument(tmp.resolve("in.pdf"), "/in/" + name, name, 10, Instant.EPOCH);
    }
}
