package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void quotesAndEscapes() {
        assertThat(Filters.quote("plain")).isEqualTo("\"plain\"");
        assertThat(Filters.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(Filters.quote("C:\\dir\\f.txt")).isEqualTo("\"C:\\\\dir\\\\f.txt\"");
        assertThat(Filters.quote("line\nbreak\r\ttab")).isEqualTo("\"line\\nbreak\\r\\ttab\"");
        assertThat(Filters.quote("ünïcode ✓")).isEqualTo("\"ünïcode ✓\"");
    }

    @Test
    void injectionStaysInsideTheLiteral() {
        String evil = "x\" or pk >= 0 or source[\"source_id\"] == \"y";
        assertThat(Filters.sourceIdEquals(evil))
                .isEqualTo("source[\"source_id\"] == \"x\\\" or pk >= 0 or source[\\\"source_id\\\"] == \\\"y\"");
    }

    @Test
    void combinesFilters() {
        assertThat(Filters.and("a > 1", "b < 2")).isEqualTo("(a > 1) and (b < 2)");
        assertThat(Filters.and(null, "b < 2")).isEqualTo("b < 2");
        assertThat(Filters.and(" ", null)).isNull();
        assertThat(Filters.jsonPath(Fields.CONTENT_METADATA, Fields.PAGE_NUMBER))
                .isEqualTo("content_metadata[\"page_number\"]");
        assertThat(Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CUSTOM_CONTENT, Fields.CHUNK_INDEX))
                .isEqualTo("content_metadata[\"custom_content\"][\"chunk_index\"]");
    }
}
