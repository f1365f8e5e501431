"""Drives NVIDIA's NeMo Retriever client (nv-ingest-client 26.3.0, in .venv-nemo) against a Milvus server for the
Java integration test NemoClientIT. Each sub-command calls NeMo's own functions and prints one JSON document on
stdout; the Java side decides what is right. Nothing here re-implements NeMo: where NeMo's code cannot run on
Milvus Lite as it is, the one change is named in the command's help.

    python nemo_compat.py COMMAND --uri http://127.0.0.1:PORT [options]
"""
import argparse
import json
import sys

from pymilvus import MilvusClient
from nv_ingest_client.util.vdb import milvus as nemo

# Milvus Lite rejects NeMo's {"type": "english"} ("unknown tokenizer type: 'english'"); Milvus documents this
# spelled-out analyzer as its equivalent (https://milvus.io/docs/english-analyzer.md). Same as our collections.
ENGLISH_SPELLED_OUT = {"tokenizer": "standard",
                       "filter": ["lowercase", {"type": "stemmer", "language": "english"},
                                  {"type": "stop", "stop_words": ["_english_"]}]}


def hit(h):
    e = h["entity"]
    return {"source_name": e["source"]["source_name"], "page_number": e["content_metadata"].get("page_number"),
            "type": e["content_metadata"].get("type"), "text": e["text"][:300]}


def retrieve(a):
    queries = json.loads(a.queries)
    results = nemo.nvingest_retrieval(queries, collection_name=a.collection, milvus_uri=a.uri, hybrid=a.hybrid,
                                      top_k=a.top_k, embedding_endpoint=a.endpoint, model_name=a.model)
    return [[hit(h) for h in hits] for hits in results]


def as_element(row):
    """A Milvus row back in NeMo's extraction-result shape, the inverse of NeMo's _record_dict (which flattens an
    element's metadata into content_metadata): reconstruct_pages reads results of that shape, while
    pull_all_milvus's records carry no document_type and no table_metadata at the metadata level."""
    meta = dict(row["content_metadata"])
    metadata = {key: meta.get(key) for key in ("table_metadata", "image_metadata")}
    metadata.update(content=row["text"], content_metadata=meta, source_metadata=row["source"])
    return {"document_type": meta["type"], "metadata": metadata}


def reconstruct(a):
    anchor = nemo.nvingest_retrieval([a.query], collection_name=a.collection, milvus_uri=a.uri, top_k=1,
                                     embedding_endpoint=a.endpoint, model_name=a.model)[0][0]
    rows = MilvusClient(a.uri).query(a.collection, filter="", limit=16384,
                                     output_fields=["text", "source", "content_metadata"])
    return {"anchor": hit(anchor), "page": nemo.reconstruct_pages(anchor, [[as_element(r) for r in rows]])}


def remove(a):
    result = nemo.remove_records(a.source_name, a.collection, milvus_uri=a.uri)
    return {"delete_count": result["delete_count"] if isinstance(result, dict) else len(result)}


def create(a):
    """NeMo's create_nvingest_collection (server URI: HNSW, L2). With --sparse, NeMo's create_nvingest_schema,
    create_nvingest_index_params and create_collection, with the one change Milvus Lite needs: the text field's
    analyzer spelled out (see ENGLISH_SPELLED_OUT)."""
    if not a.sparse:
        nemo.create_nvingest_collection(a.collection, milvus_uri=a.uri, sparse=False, recreate=True,
                                        gpu_index=False, dense_dim=a.dim)
        return {"created": a.collection, "analyzer_changed": False}
    schema = nemo.create_nvingest_schema(dense_dim=a.dim, sparse=True, local_index=False)
    for field in schema.fields:
        if field.name == "text":
            field.params["analyzer_params"] = ENGLISH_SPELLED_OUT
    index_params = nemo.create_nvingest_index_params(sparse=True, gpu_index=False, local_index=False)
    nemo.create_collection(MilvusClient(a.uri), a.collection, schema, index_params, recreate=True)
    return {"created": a.collection, "analyzer_changed": True}


def english_analyzer(a):
    """NeMo's create_nvingest_collection(sparse=True) as it is, to record what Milvus Lite answers."""
    try:
        nemo.create_nvingest_collection(a.collection, milvus_uri=a.uri, sparse=True, recreate=True,
                                        gpu_index=False, dense_dim=a.dim)
        return {"error": None}
    except Exception as e:  # noqa: BLE001 - the message is the result
        return {"error": str(e)}


def stream_insert(a):
    """NeMo's cleanup_records on NeMo's own extraction results (--results, nv-ingest JSON), vectors from the
    embedding endpoint (infer_microservice, as NeMo's embed task), then stream_insert_milvus into --collection."""
    with open(a.results) as f:
        results = json.load(f)
    records = nemo.cleanup_records(results)
    vectors = nemo.infer_microservice([r["text"] for r in records], model_name=a.model,
                                      embedding_endpoint=a.endpoint, input_type="passage", grpc=False)
    for record, vector in zip(records, vectors):
        record["vector"] = vector
    try:
        nemo.stream_insert_milvus(records, MilvusClient(a.uri), a.collection)
        return {"inserted": len(records), "error": None}
    except Exception as e:  # noqa: BLE001 - the message is the result
        return {"inserted": 0, "error": str(e)}


def describe(a):
    client = MilvusClient(a.uri)
    info = client.describe_collection(a.collection)
    indexes = {name: client.describe_index(a.collection, name) for name in client.list_indexes(a.collection)}
    return {"collection": info, "indexes": indexes}


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["retrieve", "reconstruct", "remove", "create", "english-analyzer",
                                       "stream-insert", "describe"])
    p.add_argument("--uri", required=True)
    p.add_argument("--collection", required=True)
    p.add_argument("--endpoint")
    p.add_argument("--model", default="bge-small-en-v1.5")
    p.add_argument("--queries")
    p.add_argument("--query")
    p.add_argument("--hybrid", action="store_true")
    p.add_argument("--top-k", type=int, default=5)
    p.add_argument("--source-name")
    p.add_argument("--sparse", action="store_true")
    p.add_argument("--dim", type=int, default=384)
    p.add_argument("--results")
    a = p.parse_args(argv)
    commands = {"retrieve": retrieve, "reconstruct": reconstruct, "remove": remove, "create": create,
                "english-analyzer": english_analyzer, "stream-insert": stream_insert, "describe": describe}
    print(json.dumps(commands[a.command](a), default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
