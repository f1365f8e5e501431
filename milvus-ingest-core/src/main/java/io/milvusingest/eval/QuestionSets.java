package io.milvusingest.eval;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads question sets, by file extension:
 * <ul>
 *   <li>{@code .csv}: NeMo Retriever's query CSV (e.g. {@code bo767_query_gt.csv}): a header naming at least
 *       {@code query}, {@code pdf} (file name, with or without {@code .pdf}) and {@code page} (0-based); other
 *       columns ({@code modality}, {@code pdf_page}) are ignored;</li>
 *   <li>anything else: tab-separated {@code question<TAB>expected source<TAB>expected page}, page 1-based,
 *       no header, no quoting; lines starting with {@code #} and blank lines are skipped.</li>
 * </ul>
 * Both are parsed with Jackson's CSV data format.
 */
public final class QuestionSets {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES);

    private QuestionSets() {
    }

    /**
     * @param file a question set
     * @return its questions, in file order; at least one
     * @throws IllegalArgumentException naming the file and line when a row is malformed or the set is empty
     * @throws IOException when the file cannot be read
     */
    public static List<EvalQuestion> read(Path file) throws IOException {
        boolean nemo = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        List<EvalQuestion> questions;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            questions = nemo ? readNeMoCsv(in, file) : readTsv(in, file);
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(file + ": no questions");
        }
        return questions;
    }

    static List<EvalQuestion> readTsv(Reader in, Path file) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator('\t').withoutQuoteChar().withComments();
        List<EvalQuestion> out = new ArrayList<>();
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).with(schema).readValues(in)) {
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr(); // the row's first token is read: its line
                String[] row = rows.nextValue();
                if (row.length != 3) {
                    throw new IllegalArgumentException(file + " line " + line
                            + ": expected question<TAB>source<TAB>page (3 columns), got " + row.length);
                }
                out.add(question(row[0], row[1], page(row[2], file, line), file, line));
            }
        }
        return out;
    }

    static List<EvalQuestion> readNeMoCsv(Reader in, Path file) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<EvalQuestion> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerFor(Map.class).with(schema)
                .without(CsvParser.Feature.WRAP_AS_ARRAY).readValues(in)) {
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                for (String column : List.of("query", "pdf", "page")) {
                    if (row.get(column) == null) {
                        throw new IllegalArgumentException(file + " line " + line + ": no '" + column
                                + "' column (NeMo query CSV: query,pdf,page,modality,pdf_page)");
                    }
                }
                String pdf = row.get("pdf").strip();
                String stem = pdf.toLowerCase(Locale.ROOT).endsWith(".pdf") ? pdf.substring(0, pdf.length() - 4) : pdf;
                out.add(question(row.get("query"), stem, page(row.get("page"), file, line) + 1, file, line));
            }
        }
        return out;
    }

    private static EvalQuestion question(String q, String source, int page, Path file, long line) {
        try {
            return new EvalQuestion(q, source, page);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + e.getMessage(), e);
        }
    }

    private static int page(String value, Path file, long line) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": page is not a whole number: '" + value + "'", e);
        }
    }
}
