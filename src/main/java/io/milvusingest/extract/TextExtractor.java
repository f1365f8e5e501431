package io.milvusingest.extract;

import io.milvusingest.ingest.ErrorKind;
import io.milvusingest.ingest.SourceDocument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Extracts plain text and Markdown ({@code .txt}, {@code .md}) as one {@link ContentType#TEXT} element on
 * page 0. Markdown is kept as written: its markup is meaningful to both readers and embedding models.
 *
 * <p>Bytes are decoded as UTF-8; malformed sequences become U+FFFD rather than failing the document, because a
 * few bad bytes in a log or a Latin-1 note should not cost the whole file. A leading BOM is dropped and line
 * endings are normalized to {@code \n}.
 */
public final class TextExtractor implements Extractor {

    /**
     * @throws io.milvusingest.ingest.IngestException EMPTY when the text is blank; CORRUPT when the file cannot
     *                                                be read
     */
    @Override
    public Extraction extract(SourceDocument document) {
        String text = normalize(read(document));
        if (text.isBlank()) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "no text: the file is blank");
        }
        return new Extraction(List.of(new Element(ContentType.TEXT, text, 0)), 0);
    }

    private static String read(SourceDocument document) {
        try {
            byte[] bytes = Files.readAllBytes(document.path());
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Unreachable with REPLACE, but the checked exception must be handled.
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null, "cannot decode as UTF-8", e);
        } catch (IOException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot read file: " + ExtractFailures.describe(e), e);
        }
    }

    static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
