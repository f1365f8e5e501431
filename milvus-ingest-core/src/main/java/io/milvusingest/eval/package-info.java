/**
 * Retrieval evaluation: question sets with a known answer page ({@link io.milvusingest.eval.QuestionSets}),
 * ranking metrics ({@link io.milvusingest.eval.RankMetrics}) and a harness that runs the questions through a
 * search function and averages the metrics at page and document level ({@link io.milvusingest.eval.Evaluator}).
 * Plain Java: the search is passed in as a function.
 */
package io.milvusingest.eval;
