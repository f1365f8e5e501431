package io.milvusingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.DocumentOutline;
import io.milvusingest.model.DocumentOutline.Heading;
import io.milvusingest.model.Element;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadingCutsTest {
    private static final Heading SOIL = new Heading("1 Soil", "1 Soil");
    private static final Heading COMPOST = new Heading("1.1 Compost heaps", "1 Soil > 1.1 Compost heaps");
    private static final Heading MISSING = new Heading("1.2 Not in the text", "1 Soil > 1.2 Not in the text");
    private static final DocumentOutline OUTLINE = DocumentOutline.of("Guide",
            Map.of(1, List.of(SOIL), 2, List.of(COMPOST, MISSING)));

    @Test
    void cutsBeforeEachHeadingFoundOnThePageWhateverTheWhitespace() {
        Element page2 = new Element(ContentType.TEXT, "end of the soil part.\n1.1 Compost\n heaps\nTurn them often.", 2);
        List<HeadingCuts.Part> parts = HeadingCuts.cut(page2, OUTLINE);
        assertThat(parts).extracting(p -> p.element().text())
                .containsExactly("end of the soil part.\n", "1.1 Compost\n heaps\nTurn them often.");
        // the first part is under the heading in effect at the top of the page; the heading not found cuts
        // nothing but is in effect after it
        assertThat(parts).extracting(HeadingCuts.Part::heading).containsExactly(SOIL, MISSING);
        assertThat(parts.get(1).element().pageNumber()).isEqualTo(2);
        assertThat(OUTLINE.context(parts.get(0).heading())).isEqualTo("Guide > 1 Soil");
    }

    @Test
    void pagesWithoutHeadingsAndTablesStayWholeUnderTheHeadingInEffect() {
        Element page3 = new Element(ContentType.TEXT, "more compost.", 3);
        assertThat(HeadingCuts.cut(page3, OUTLINE)).singleElement()
                .satisfies(p -> {
                    assertThat(p.element()).isSameAs(page3);
                    assertThat(p.heading()).isEqualTo(MISSING);
                });
        Element table = new Element(ContentType.TABLE, "| 1.1 Compost heaps |", 2);
        assertThat(HeadingCuts.cut(table, OUTLINE)).singleElement()
                .satisfies(p -> assertThat(p.element()).isSameAs(table));
        Element beforeAny = new Element(ContentType.TEXT, "cover", 1);
        assertThat(HeadingCuts.cut(beforeAny, DocumentOutline.NONE)).singleElement()
                .satisfies(p -> assertThat(p.heading()).isNull());
    }

    @Test
    void aHeadingAtTheVeryStartMakesNoEmptyPart() {
        Element page1 = new Element(ContentType.TEXT, "1 Soil\nSoil is alive.", 1);
        assertThat(HeadingCuts.cut(page1, OUTLINE)).singleElement()
                .satisfies(p -> {
                    assertThat(p.element().text()).isEqualTo("1 Soil\nSoil is alive.");
                    assertThat(p.heading()).isEqualTo(SOIL);
                });
    }
}
