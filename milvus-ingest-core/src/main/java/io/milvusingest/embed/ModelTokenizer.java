package io.milvusingest.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The embedding model's own tokenizer (a Hugging Face {@code tokenizer.json} run by DJL's native
 * tokenizers binding), used to count tokens and to split text at token boundaries.
 *
 * <p>Tokenization here adds no special tokens ({@code [CLS]}/{@code [SEP]}), and neither truncates nor
 * pads: {@link #count(String)} is the number of content tokens a model would see, to compare with
 * {@link Embedder#maxTokens()}.
 *
 * <p>Thread-safe. Holds native memory: {@link #close()} it when done.
 */
public final class ModelTokenizer implements AutoCloseable {

    /** Classpath resource of bge-small-en-v1.5's tokenizer, shipped in langchain4j's bge-small-en-v15-q jar. */
    public static final String BGE_SMALL_EN_V15_TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final long clsId;
    private final long sepId;

    private ModelTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        // The tokenizer.json's post-processor template ([CLS] $A [SEP]) tells the special token ids.
        long[] framed = tokenizer.encode("", true, false).getIds();
        if (framed.length != 2) {
            tokenizer.close();
            throw new IllegalStateException("expected a [CLS] x [SEP] template, got " + framed.length + " special tokens");
        }
        this.clsId = framed[0];
        this.sepId = framed[1];
    }

    /** Loads bge-small-en-v1.5's tokenizer from the classpath ({@value #BGE_SMALL_EN_V15_TOKENIZER}). */
    public static ModelTokenizer bgeSmallEnV15() {
        return fromClasspath(BGE_SMALL_EN_V15_TOKENIZER);
    }

    /**
     * Loads a Hugging Face {@code tokenizer.json} from the classpath.
     *
     * @throws IllegalStateException if the resource is missing
     * @throws UncheckedIOException  if it cannot be read
     */
    public static ModelTokenizer fromClasspath(String resource) {
        ClassLoader loader = ModelTokenizer.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer resource not on the classpath: " + resource);
            }
            return new ModelTokenizer(HuggingFaceTokenizer.newInstance(in, Map.of(
                    "addSpecialTokens", "false",
                    "truncation", "false",
                    "padding", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + resource, e);
        }
    }

    /** @return the number of tokens of {@code text}, without special tokens */
    public int count(String text) {
        Objects.requireNonNull(text, "text");
        return tokenizer.encode(withoutLoneSurrogates(text)).getIds().length;
    }

    /** @return the token ids of {@code text}, without special tokens */
    public long[] ids(String text) {
        Objects.requireNonNull(text, "text");
        return tokenizer.encode(withoutLoneSurrogates(text)).getIds();
    }

    /** @return the tokens of {@code text} (without special tokens) with their character spans */
    public TokenizedText tokenize(String text) {
        Objects.requireNonNull(text, "text");
        String clean = withoutLoneSurrogates(text); // same length and indices as text
        Encoding encoding = tokenizer.encode(clean);
        long[] ids = encoding.getIds();
        String[] tokens = encoding.getTokens();
        CharSpan[] spans = encoding.getCharTokenSpans();
        // The native tokenizer reports offsets in Unicode code points; Java strings index UTF-16 units.
        int[] utf16 = clean.length() == clean.codePointCount(0, clean.length()) ? null : codePointToUtf16(clean);
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            CharSpan span = spans[i];
            if (span == null) {
                throw new IllegalStateException("token " + i + " (" + tokens[i] + ") has no character span");
            }
            starts[i] = utf16 == null ? span.getStart() : utf16[span.getStart()];
            ends[i] = utf16 == null ? span.getEnd() : utf16[span.getEnd()];
        }
        return new TokenizedText(text, ids, tokens, starts, ends);
    }

    /** @return the id of {@code [CLS]}, which the model expects before the content tokens */
    public long clsId() {
        return clsId;
    }

    /** @return the id of {@code [SEP]}, which the model expects after the content tokens */
    public long sepId() {
        return sepId;
    }

    /** Releases the native tokenizer. */
    @Override
    public void close() {
        tokenizer.close();
    }

    /**
     * Replaces unpaired surrogates (broken text from some extractors) by U+FFFD, one char for one char, so
     * offsets stay valid for the original. The native tokenizer cannot take them (it would see several
     * replacement characters and report offsets beyond the text); it drops U+FFFD like other garbage.
     */
    static String withoutLoneSurrogates(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** @return for each code point index 0..n (inclusive), the UTF-16 index where it starts */
    private static int[] codePointToUtf16(String text) {
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            map[cp++] = i;
        }
        map[cp] = text.length();
        return map;
    }
}
