package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.SourceDocument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Extracts plain text and Markdown ({@code .txt}, {@code .md}) as one {@link ContentType#TEXT} element on
 * page 0. Markdown is kept as written: its markup is meaningful to both readers and embedding models.
 *
 * <p>In Markdown ({@code .md}, {@code .markdown}), each pipe table (a header row, a {@code |---|} delimiter row,
 * then its rows) is also a {@link ContentType#TABLE} element, kept as written: it is already the Markdown table
 * NeMo Retriever's {@code table_output_format=markdown} asks for.
 *
 * <p>Bytes are decoded as UTF-8; malformed sequences become U+FFFD rather than failing the document, because a
 * few bad bytes in a log or a Latin-1 note should not cost the whole file. A leading BOM is dropped and line
 * endings are normalized to {@code \n}.
 */
public final class TextExtractor implements Extractor {
    /** A pipe table's delimiter row: cells of 3+ dashes with optional alignment colons, e.g. {@code |:---|--:|}. */
    private static final Pattern DELIMITER_ROW =
            Pattern.compile("\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*");

    /**
     * @throws io.milvusingest.model.IngestException EMPTY when the text is blank; CORRUPT when the file cannot
     *                                                be read
     */
    @Override
    public Extraction extract(SourceDocument document) {
        String text = normalize(read(document));
        if (text.isBlank()) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "no text: the file is blank");
        }
        List<Element> elements = new ArrayList<>();
        elements.add(new Element(ContentType.TEXT, text, 0));
        if (!document.extension().equals("txt")) {
            for (String table : pipeTables(text)) {
                elements.add(new Element(ContentType.TABLE, table, 0));
            }
        }
        return new Extraction(List.copyOf(elements), 0);
    }

    /** @return the GitHub-flavoured pipe tables of a Markdown text, each its lines stripped and joined by \n */
    static List<String> pipeTables(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<String> tables = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).contains("|") || !DELIMITER_ROW.matcher(lines.get(i + 1)).matches()) {
                continue;
            }
            int end = i + 2;
            while (end < lines.size() && lines.get(end).contains("|") && !lines.get(end).isBlank()) {
                end++;
            }
            tables.add(String.join("\n", lines.subList(i, end).stream().map(String::strip).toList()));
            i = end - 1;
        }
        return tables;
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
