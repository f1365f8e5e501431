package io.milvusingest.eval;

import java.util.List;

/**
 * How the search ranked one question's answer.
 *
 * @param question the question and its expected document and page
 * @param pageRank 1-based rank of the first hit on the expected page of the expected document, 0 if none
 * @param docRank  1-based rank of the first hit from the expected document, 0 if none
 * @param top      the hits the search returned, best first, as document name and stored page number
 */
public record QuestionResult(EvalQuestion question, int pageRank, int docRank, List<Retrieved> top) {

    /**
     * One returned hit.
     *
     * @param source the file name of the hit's {@code source_name} (or of its {@code source_id} when it has no name)
     * @param page   the hit's page, 1-based as people read it (its stored 0-based {@code page_number} + 1); 0 when
     *               the source has no pages
     * @param chunk  the hit's 0-based {@code chunk_index} within its document, -1 for rows without one
     * @param score  the hit's score as the search returned it ({@link io.milvusingest.milvus.SearchHit#score()})
     */
    public record Retrieved(String source, int page, int chunk, float score) {
    }
}
