package io.milvusingest.chunk;

import io.milvusingest.model.Chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.embed.TokenizedText;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.extract.ExtractOptions;
import io.milvusingest.extract.Extractors;
import io.milvusingest.extract.Ocr;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenChunkerTest {

    /** Apache License 2.0 from the shared test corpus: ~2,000 tokens of real prose, lists and punctuation. */
    static final Path LICENSE = Path.of("../shared/corpus/nv-ingest/LICENSE");

    static ModelTokenizer tokenizer;
    static String prose;
    static String pseudoWords;
    static final String UNICODE = "Café naïve façade — 日本語のテキスト, emoji 😀🚀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters; "
            + "a soft\u00ADhyphen, x\u0301y combining marks, tabs\tand\u0000controls. ";

    @BeforeAll
    static void load() throws IOException {
        tokenizer = ModelTokenizer.bgeSmallEnV15();
        assertThat(LICENSE).as("shared corpus, a sibling of the repository").exists();
        prose = Files.readString(LICENSE).repeat(3);
        pseudoWords = pseudoWords(new Random(7), 3_000);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    /** Made-up words: most are several word pieces, the hard case for cutting between words. */
    static String pseudoWords(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int length = 3 + random.nextInt(12);
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString();
    }

    static TokenChunker chunker(int size, int overlap) {
        return new TokenChunker(tokenizer, size, overlap, BgeSmallEmbedder.MAX_TOKENS, BgeSmallEmbedder.MODEL_NAME);
    }

    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"510,0", "510,100", "384,64", "256,50", "100,20", "17,5", "8,3", "5,4", "4,0", "4,3"})
    void noChunkHasMoreThanSizeTokensWhenTokenizedAgain(int size, int overlap) {
        TokenChunker chunker = chunker(size, overlap);
        List<Chunk> chunks = chunker.split(List.of(
                new Element(ContentType.TEXT, prose, 1),
                new Element(ContentType.TEXT, pseudoWords, 2),
                new Element(ContentType.TEXT, UNICODE.repeat(40), 3)));

        assertThat(chunks).isNotEmpty();
        for (Chunk chunk : chunks) {
            assertThat(tokenizer.count(chunk.text())).as("chunk %d: %s", chunk.index(), chunk.text())
                    .isLessThanOrEqualTo(size)
                    .isEqualTo(chunk.tokenCount());
            assertThat(chunk.tokenIds()).as("chunk %d: %s", chunk.index(), chunk.text())
                    .containsExactly(tokenizer.ids(chunk.text()));
        }
    }

    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"1,0", "2,1", "3,0"})
    void belowFourTokensALoneWordPieceMayReTokenizeIntoAtMostFour(int size, int overlap) {
        List<Chunk> chunks = chunker(size, overlap).split(List.of(
                new Element(ContentType.TEXT, prose.substring(0, 4_000), 1),
                new Element(ContentType.TEXT, pseudoWords.substring(0, 4_000), 2)));

        for (Chunk chunk : chunks) {
            assertThat(chunk.tokenCount()).isEqualTo(tokenizer.count(chunk.text()));
            if (chunk.tokenCount() > size) {
                assertThat(chunk.tokenCount()).as("chunk %d: %s", chunk.index(), chunk.text()).isLessThanOrEqualTo(4);
                assertThat(tokenizer.tokenize(chunk.text()).isWordStart(0)).isTrue();
                assertThat(chunk.text()).doesNotContainAnyWhitespaces();
            }
        }
    }

    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"510,0", "256,50", "100,20", "17,5", "8,3", "1,0"})
    void chunksCoverEveryTokenOfTheElementInOrder(int size, int overlap) {
        for (String text : List.of(prose, pseudoWords, UNICODE.repeat(40))) {
            TokenizedText tokens = tokenizer.tokenize(text);
            List<TokenChunker.Window> windows = chunker(size, overlap).windows(tokens);

            assertThat(windows.get(0).from()).isZero();
            assertThat(windows.get(windows.size() - 1).to()).isEqualTo(tokens.size());
            for (int i = 1; i < windows.size(); i++) {
                TokenChunker.Window previous = windows.get(i - 1);
                TokenChunker.Window next = windows.get(i);
                assertThat(next.from()).as("window %d starts after window %d", i, i - 1).isGreaterThan(previous.from());
                assertThat(next.to()).isGreaterThan(previous.to());
                assertThat(next.from()).as("window %d leaves no token out", i).isLessThanOrEqualTo(previous.to());
            }
        }
    }

    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"510,0", "256,50", "100,20", "17,5", "8,3", "1,0"})
    void chunkTextsAreVerbatimSlicesThatTogetherCoverTheElementText(int size, int overlap) {
        for (String text : List.of(prose, pseudoWords, UNICODE.repeat(40))) {
            TokenizedText tokens = tokenizer.tokenize(text);
            TokenChunker chunker = chunker(size, overlap);
            List<TokenChunker.Window> windows = chunker.windows(tokens);
            List<Chunk> chunks = chunker.split(List.of(new Element(ContentType.TEXT, text, 0)));
            assertThat(chunks).extracting(Chunk::text).containsExactlyElementsOf(
                    windows.stream().map(TokenChunker.Window::text).toList());

            int covered = 0; // text before this index is covered by a chunk or is a gap without tokens
            assertThat(text.substring(0, tokens.start(0))).isBlank();
            for (TokenChunker.Window w : windows) {
                int start = tokens.start(w.from());
                int end = tokens.end(w.to() - 1);
                assertThat(w.text()).isEqualTo(text.substring(start, end));
                if (start > covered) {
                    assertThat(text.substring(covered, start)).as("text between chunks").matches("[\\s\\p{Cc}\\p{Cf}\\p{Mn}]*"); // no tokens: spaces, controls, accents
                }
                assertThat(Character.isLowSurrogate(w.text().charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(w.text().charAt(w.text().length() - 1))).isFalse();
                covered = Math.max(covered, end);
            }
            assertThat(text.substring(covered)).isBlank();
        }
    }

    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"510,0", "384,64", "256,50", "100,20", "50,10", "17,5"})
    void proseIsCutBetweenWordsAndConsecutiveChunksShareExactlyTheOverlap(int size, int overlap) {
        TokenizedText tokens = tokenizer.tokenize(prose);
        List<TokenChunker.Window> windows = chunker(size, overlap).windows(tokens);

        assertThat(windows).hasSizeGreaterThan(1);
        for (int i = 0; i < windows.size(); i++) {
            TokenChunker.Window w = windows.get(i);
            assertThat(tokens.isWordStart(w.from())).as("window %d starts a word: %s", i, w.text()).isTrue();
            if (w.to() < tokens.size()) {
                assertThat(tokens.isWordStart(w.to())).as("window %d ends a word: %s", i, w.text()).isTrue();
            }
            assertThat(w.to() - w.from()).isLessThanOrEqualTo(size);
            if (i < windows.size() - 1) {
                assertThat(w.to() - w.from()).as("window %d backs off at most a quarter of the stride", i)
                        .isGreaterThanOrEqualTo(size - (size - overlap) / 4);
            }
            if (i > 0) {
                assertThat(windows.get(i - 1).to() - w.from()).as("tokens shared by windows %d and %d", i - 1, i)
                        .isEqualTo(overlap);
            }
        }
    }

    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"256,50", "100,20", "40,10", "30,3"})
    void wordPieceHeavyTextStillAvoidsCuttingWords(int size, int overlap) {
        TokenizedText tokens = tokenizer.tokenize(pseudoWords);
        List<TokenChunker.Window> windows = chunker(size, overlap).windows(tokens);
        int longestWord = longestWordInPieces(tokens);
        assertThat(longestWord).as("the text has multi-piece words").isGreaterThan(3);
        // Even when the window starts a whole word before end - overlap, a word boundary is in reach.
        assertThat(2 * longestWord + overlap).as("words short enough for this window").isLessThanOrEqualTo(size);

        for (int i = 1; i < windows.size(); i++) {
            TokenChunker.Window previous = windows.get(i - 1);
            TokenChunker.Window w = windows.get(i);
            assertThat(tokens.isWordStart(w.from())).as("window %d starts a word", i).isTrue();
            assertThat(tokens.isWordStart(previous.to())).as("window %d ends a word", i - 1).isTrue();
            int shared = previous.to() - w.from();
            int wordStart = previous.to() - overlap;
            while (!tokens.isWordStart(wordStart)) {
                wordStart--;
            }
            if (wordStart > previous.from()) {
                // exact, or moved back to the start of the word holding token end - overlap
                assertThat(w.from()).as("start of window %d", i).isEqualTo(wordStart);
                assertThat(shared).isBetween(overlap, overlap + longestWord - 1);
            } else {
                // that word began before the previous window: moved forward to the next word start
                assertThat(shared).isBetween(0, overlap - 1);
            }
        }
    }

    static int longestWordInPieces(TokenizedText tokens) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < tokens.size(); i++) {
            run = tokens.isWordStart(i) ? 1 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    @Test
    void aWordLongerThanTheWindowIsCutInsideButEveryPieceStillFits() {
        String word = "Pneumonoultramicroscopicsilicovolcanoconiosis"; // 17 word pieces
        String text = (word + " and " + word.toUpperCase() + "s ").repeat(5);
        assertThat(tokenizer.count(word)).isGreaterThan(8);

        List<Chunk> overlapping = chunker(8, 2).split(List.of(new Element(ContentType.TEXT, text, 0)));
        List<Chunk> adjacent = chunker(8, 0).split(List.of(new Element(ContentType.TEXT, text, 0)));

        assertThat(overlapping).allSatisfy(c -> assertThat(tokenizer.count(c.text())).isBetween(1, 8));
        assertThat(adjacent).allSatisfy(c -> assertThat(tokenizer.count(c.text())).isBetween(1, 8));
        assertThat(String.join("", adjacent.stream().map(Chunk::text).toList()).replaceAll("\\s", ""))
                .isEqualTo(text.replaceAll("\\s", ""));
    }

    @Test
    void chunksStayWithinTheirElementAndIndexRunsAcrossTheDocument() {
        List<Element> elements = List.of(
                new Element(ContentType.TEXT, prose.substring(0, 3_000), 1),
                new Element(ContentType.TEXT, "  \n\t ", 1),
                new Element(ContentType.TABLE, "| year | revenue |\n|---|---|\n| 2024 | 12.5 |", 2),
                new Element(ContentType.TEXT, "", 2),
                new Element(ContentType.TEXT, prose.substring(3_000, 6_000), 3));

        List<Chunk> chunks = chunker(120, 20).split(elements);

        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).index()).isEqualTo(i);
        }
        assertThat(chunks).extracting(Chunk::pageNumber).containsOnly(1, 2, 3).isSorted();
        assertThat(chunks).filteredOn(c -> c.pageNumber() == 2).singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(ContentType.TABLE);
                    assertThat(c.text()).isEqualTo("| year | revenue |\n|---|---|\n| 2024 | 12.5 |");
                });
        for (Chunk chunk : chunks) {
            Element element = elements.stream().filter(e -> e.pageNumber() == chunk.pageNumber() && !e.text().isBlank())
                    .findFirst().orElseThrow();
            assertThat(element.text()).contains(chunk.text());
            assertThat(chunk.text()).isNotBlank().isEqualTo(chunk.text().strip());
        }
    }

    @Test
    void elementsWithoutTokensGiveNoChunks() {
        assertThat(chunker(100, 10).split(List.of(
                new Element(ContentType.TEXT, " \n\t\u2003 ", 1),
                new Element(ContentType.TEXT, "", 2),
                new Element(ContentType.TEXT, "\u0000\uFFFD\u00AD", 3)))).isEmpty();
        assertThat(chunker(100, 10).split(List.of())).isEmpty();
    }

    @Test
    void shortElementIsOneChunkWithItsTokenCount() {
        Element element = new Element(ContentType.TEXT, "  The quick brown fox jumped over the lazy dog.\n", 4);
        List<Chunk> chunks = chunker(100, 10).split(List.of(element));

        assertThat(chunks).containsExactly(
                new Chunk("The quick brown fox jumped over the lazy dog.", ContentType.TEXT, 4, 0, 10, element,
                        tokenizer.ids("The quick brown fox jumped over the lazy dog.")));
    }

    @Test
    void sizeAboveTheModelLimitIsRejectedNamingTheKeyAndTheModel() {
        try (BgeSmallEmbedder embedder = new BgeSmallEmbedder()) {
            assertThatThrownBy(() -> new TokenChunker(embedder.tokenizer(), embedder, 600, 50))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("chunk.size=600 exceeds the embedding model's limit of 510 tokens (bge-small-en-v1.5)");
            assertThat(new TokenChunker(embedder.tokenizer(), embedder, 510, 50).size()).isEqualTo(510);
        }
    }

    @Test
    void invalidSizeOrOverlapIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> chunker(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("chunk.size=0 ");
        assertThatThrownBy(() -> chunker(100, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("chunk.overlap=-1 ");
        assertThatThrownBy(() -> chunker(100, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk.overlap=100 must be smaller than chunk.size=100");
    }

    @Test
    void chunkTextKeepsNonBmpCharactersWhole() {
        String text = "😀 ".repeat(30) + "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 café 😀🚀 end";
        List<Chunk> chunks = chunker(7, 2).split(List.of(new Element(ContentType.TEXT, text, 0)));

        List<String> texts = new ArrayList<>();
        chunks.forEach(c -> texts.add(c.text()));
        assertThat(texts).allSatisfy(t -> assertThat(text).contains(t));
        assertThat(texts.get(texts.size() - 1)).endsWith("end");
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"));
    }

    /**
     * The chunker takes a window's ids from the element's tokenization instead of tokenizing its text again
     * when the window cuts no word. Evidence that this gives exactly the ids of a re-tokenization, on real
     * extracted documents: the shared corpus's PDFs (NeMo Retriever's test files and odd ones: Arabic CID fonts,
     * vertical text, XFA) and Apache Tika's 51 PDF test documents (many languages and broken encodings), at the
     * production setting and at small sizes, where a document has many more window boundaries.
     */
    @Test
    void should_carry_the_ids_a_re_tokenization_gives_for_every_chunk_of_real_documents(@TempDir Path tika)
            throws IOException {
        List<Path> pdfs = new ArrayList<>();
        for (Path dir : List.of(LICENSE.resolveSibling(""), LICENSE.resolveSibling("../odd"), copyTikaTestPdfs(tika))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".pdf")).sorted().forEach(pdfs::add);
            }
        }
        Extractors extractors = new Extractors(List.of(), ExtractOptions.ALL, Ocr.NONE);
        List<List<Element>> documents = new ArrayList<>();
        for (Path pdf : pdfs) {
            try {
                documents.add(extractors.extract(SourceDocument.ofFile(pdf)).elements());
            } catch (IngestException e) {
                // encrypted, corrupt or empty test documents: nothing to chunk
            }
        }
        assertThat(documents).as("extracted PDFs").hasSizeGreaterThan(40);

        int checked = 0;
        int[][] settings = {{384, 64}, {100, 20}, {17, 5}};
        for (int[] setting : settings) {
            TokenChunker chunker = chunker(setting[0], setting[1]);
            for (List<Element> elements : documents) {
                for (Chunk chunk : chunker.split(elements)) {
                    assertThat(chunk.tokenIds()).as("size %d, chunk %d: %s", setting[0], chunk.index(), chunk.text())
                            .containsExactly(tokenizer.ids(chunk.text()));
                    checked++;
                }
            }
        }
        System.out.printf("token ids of %d chunks of %d PDFs equal their re-tokenization%n", checked, documents.size());
        assertThat(checked).isGreaterThan(10_000);
    }

    /** Apache Tika's PDF test documents, from its test jar on the test classpath. */
    static Path copyTikaTestPdfs(Path dir) throws IOException {
        URI jar = URI.create(TokenChunkerTest.class.getResource("/test-documents/testPDF.pdf").toString()
                .replaceFirst("!.*$", ""));
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of());
             Stream<Path> docs = Files.list(fs.getPath("/test-documents"))) {
            for (Path pdf : docs.filter(p -> p.toString().endsWith(".pdf")).toList()) {
                Files.copy(pdf, dir.resolve(pdf.getFileName().toString()));
            }
        }
        return dir;
    }

    /**
     * The same on made-up text built to break the claim: words mixing every kind of character the
     * normalizer or pre-tokenizer treats specially (accents precomposed and combining, CJK ideographs next to
     * kana and Hangul, Greek capital sigma, Turkish dotted I, ligatures, full-width letters, control and
     * format characters, emoji with ZWJ and skin tones, lone surrogates, words over WordPiece's 100-character
     * limit), separated by all kinds of spaces and punctuation; at small sizes nearly every token boundary
     * is a window boundary somewhere, and long words force cuts inside words (re-tokenized).
     */
    @ParameterizedTest(name = "size {0}, overlap {1}")
    @CsvSource({"384,64", "100,20", "17,5", "8,3", "5,4", "4,0", "3,1", "1,0"})
    void should_carry_the_ids_a_re_tokenization_gives_for_every_chunk_of_hostile_unicode_text(int size, int overlap) {
        TokenChunker chunker = chunker(size, overlap);
        int checked = 0;
        for (int seed = 0; seed < 20; seed++) {
            String text = hostileText(new Random(seed), 600);
            for (Chunk chunk : chunker.split(List.of(new Element(ContentType.TEXT, text, 1),
                    new Element(ContentType.TEXT, UNICODE.repeat(5), 2)))) {
                long[] again = tokenizer.ids(chunk.text());
                assertThat(chunk.tokenIds()).as("seed %d, chunk %d: %s", seed, chunk.index(), escaped(chunk.text()))
                        .containsExactly(again);
                assertThat(chunk.tokenCount()).isEqualTo(again.length);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    /** Characters the BERT normalizer, pre-tokenizer or WordPiece handle specially; mixed inside words. */
    private static final String[] HOSTILE = {
            "a", "e", "z", "Q", "é", "e\u0301", "x\u0301\u0327", "\u0301", "Å", "ø", "ß", "ﬁ", "Ａ", "１",
            "日", "本", "語", "の", "テ", "キ", "한", "국", "Σ", "ς", "İ", "ı", "ا", "ب", "\u064E", "क", "\u093F",
            "ก", "\u0E31", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u00AD", "\u200B", "\u200D",
            "\uFEFF", "\uFFFD", "\uFE0F", "😀", "👍🏽", "👩\u200D💻", "🚀", "𝔘", "\uD800", "\uDC00", "'", "-",
            "_", "#", "##", "$", "%", "§", "«", "»", "…", "—", "·", "ʼ", "０", "½", "²"};
    private static final String[] SEPARATORS = {" ", " ", " ", "\n", "\t", "\u00A0", "\u2003", "\u3000", "\r\n",
            ", ", ". ", "(", ")", "/", "", "\u2028"};

    static String hostileText(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int length = random.nextInt(20) == 0 ? 60 + random.nextInt(80) : 1 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(3) == 0 ? HOSTILE[random.nextInt(HOSTILE.length)]
                        : String.valueOf((char) ('a' + random.nextInt(26))));
            }
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
