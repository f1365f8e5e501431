package io.milvusingest.eval;

/**
 * How a stored {@code content_metadata.page_number} compares with an expected page. Kept in one place because
 * the stored numbering is a convention of the writer, not of the question set.
 */
public final class PageNumbers {
    private PageNumbers() {
    }

    /**
     * @param expectedPage the question's page, 1-based
     * @param storedPage   a hit's {@code content_metadata.page_number} as the writer stores it, NeMo Retriever's
     *                     convention: 0-based, -1 when the format has no pages
     * @return whether the hit is on the expected page
     */
    public static boolean samePage(int expectedPage, int storedPage) {
        return storedPage == expectedPage - 1;
    }
}
