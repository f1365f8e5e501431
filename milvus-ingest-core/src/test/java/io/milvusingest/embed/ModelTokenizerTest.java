package io.milvusingest.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelTokenizerTest {

    static ModelTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = ModelTokenizer.bgeSmallEnV15();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void countsContentTokensWithoutSpecialTokens() {
        assertThat(tokenizer.count("The quick brown fox jumped over the lazy dog.")).isEqualTo(10);
        assertThat(tokenizer.count("")).isZero();
        assertThat(tokenizer.clsId()).isEqualTo(101);
        assertThat(tokenizer.sepId()).isEqualTo(102);
    }

    @Test
    void neverTruncatesLongText() {
        assertThat(tokenizer.count("word ".repeat(3_000))).isEqualTo(3_000);
    }

    @Test
    void tokensMapBackToTheCharactersTheyCameFrom() {
        String text = "Tokenization isn't unbelievable.";
        TokenizedText tokens = tokenizer.tokenize(text);

        assertThat(tokens.size()).isEqualTo(7); // token ##ization isn ' t unbelievable .
        assertThat(tokens.token(0)).isEqualTo("token");
        assertThat(tokens.token(1)).isEqualTo("##ization");
        assertThat(tokens.isWordStart(0)).isTrue();
        assertThat(tokens.isWordStart(1)).isFalse();
        assertThat(text.substring(tokens.start(0), tokens.end(0))).isEqualTo("Token");
        assertThat(text.substring(tokens.start(1), tokens.end(1))).isEqualTo("ization");
        assertThat(tokens.slice(0, 2)).isEqualTo("Tokenization");
        assertThat(tokens.slice(2, tokens.size())).isEqualTo("isn't unbelievable.");
        assertThat(tokens.ids()).containsExactly(tokenizer.ids(text));
    }

    @Test
    void spansAreJavaStringIndicesEvenAfterCharactersOutsideTheBmp() {
        String text = "emoji 😀 then 𝔘𝔫𝔦 and café";
        TokenizedText tokens = tokenizer.tokenize(text);

        assertThat(tokens.slice(tokens.size() - 1, tokens.size())).isEqualTo("café");
        assertThat(tokens.slice(tokens.size() - 2, tokens.size())).isEqualTo("and café");
        assertThat(tokens.token(3)).isEqualTo("[UNK]");
        assertThat(tokens.slice(3, 4)).isEqualTo("😀");
        assertThat(tokens.slice(5, 6)).isEqualTo("𝔘𝔫𝔦");
        assertThat(tokens.slice(0, tokens.size())).isEqualTo(text);
    }

    @Test
    void unpairedSurrogatesFromBrokenExtractionAreIgnoredNotFatal() {
        String text = "ab \uD800x cd \uDC00 😀 ef\uD83D";
        TokenizedText tokens = tokenizer.tokenize(text);

        assertThat(tokens.slice(0, tokens.size())).isEqualTo(text.substring(0, text.length() - 1));
        assertThat(tokens.token(tokens.size() - 1)).isEqualTo("##f");
        assertThat(tokenizer.count(text)).isEqualTo(tokens.size());
        assertThat(tokenizer.count("ab \uD800x")).isEqualTo(tokenizer.count("ab x"));
    }
}
