package io.milvusingest.milvus;

import java.util.List;

/**
 * Reorders the candidates of one search by a second, usually more precise model that reads the query and each
 * hit's text together (a cross-encoder), as NeMo Retriever's reranking step does after its hybrid search.
 * {@link HybridSearcher} calls it on its candidates (see {@link Reranking}). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Reranker {

    /** Keeps the retrieval order and scores: no reranking ({@code search.rerank=none}). */
    Reranker NONE = (query, hits) -> hits;

    /**
     * @param query the search's query text, not blank
     * @param hits  the candidates, best first by the retrieval's own score; may be empty
     * @return the same hits (every one, each once), best first by the reranker, each with the reranker's
     *         relevance as its {@link SearchHit#score()} (higher is better; its scale is the model's, e.g. a
     *         logit, not comparable with the retrieval scores); the no-op returns {@code hits} unchanged
     * @throws io.milvusingest.model.IngestException RERANK_FAILED/SEARCH when the reranking model fails
     */
    List<SearchHit> rerank(String query, List<SearchHit> hits);
}
