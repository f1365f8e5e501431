/**
 * Milvus storage: an embedded Milvus Lite server ({@link io.milvusingest.milvus.MilvusLiteServer}),
 * connections ({@link io.milvusingest.milvus.MilvusConnector}), the NeMo Retriever-style hybrid collection
 * ({@link io.milvusingest.milvus.CollectionManager}, {@link io.milvusingest.milvus.CollectionSchemas}),
 * duplicate-free uploads ({@link io.milvusingest.milvus.MilvusWriter}, routed by content type over several
 * collections by {@link io.milvusingest.milvus.RoutedWriter}) and dense / BM25 / hybrid search
 * ({@link io.milvusingest.milvus.HybridSearcher}).
 *
 * <p>Milvus Lite 3.2.2 (pure-Python server, used with Java SDK 2.6.22) differs from Milvus; this package
 * works the same against both:
 * <ul>
 *   <li>Analyzer {@code {"type":"english"}} is rejected ("unknown tokenizer type: 'english'"): the schema
 *       spells out the equivalent standard tokenizer + filters; Lite honours only tokenizer + lowercase, so
 *       BM25 there does not stem or drop stop words.</li>
 *   <li>A synchronous {@code createIndex} fails ("UNIMPLEMENTED: Method not implemented!", the SDK polls the
 *       missing AllocTimestamp RPC): indexes are passed inside {@code createCollection}.</li>
 *   <li>Index build parameters are read only from a JSON {@code params} entry; index names are the field
 *       names ({@code vector}, {@code sparse}) whatever name was requested: describe indexes by field.</li>
 *   <li>BM25 search scores come back negated; {@link io.milvusingest.milvus.HybridSearcher} reports their
 *       absolute value. RRF hybrid scores are as in Milvus; its {@code WeightedRanker} min-max normalizes each
 *       list (a server uses arctan), one reason min-max fusion is computed by milvus-ingest
 *       ({@link io.milvusingest.milvus.MinMaxFusion}).</li>
 *   <li>After a restart every collection is released ("call load() before search/get/query"):
 *       {@code ensureCollection} always loads.</li>
 *   <li>Writes to one collection must not run concurrently (single-writer engine):
 *       {@link io.milvusingest.milvus.MilvusWriter} serializes them.</li>
 *   <li>Filter templates are not supported and string literals know only the escapes {@code \" \' \\ \n
 *       \r \t}: {@link io.milvusingest.milvus.Filters} escapes accordingly.</li>
 *   <li>For several errors (bad filter, collection not loaded) the SDK throws "Can't get the number of an
 *       unknown enum value."; the server's reason is only in the SDK's ERROR log line.</li>
 *   <li>Authentication is ignored. One server per data dir ({@code flock} on {@code <dataDir>/LOCK}).</li>
 * </ul>
 * Supported as in Milvus: JSON-path filters, {@code count(*)}, upsert, delete by filter, flush,
 * describeCollection / describeIndex / getLoadState, BM25 functions, hybrid search with RRF.
 */
package io.milvusingest.milvus;
