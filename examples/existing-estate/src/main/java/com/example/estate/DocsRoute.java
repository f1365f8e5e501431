package com.example.estate;

import org.apache.camel.builder.RouteBuilder;

/** Java DSL: every file put in {{inbox}} goes to the Milvus collection "docs". */
public class DocsRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("file:{{inbox}}?move=.done&moveFailed=.failed")
                .routeId("docs")
                .to("milvus-ingest:docs?milvusUri={{milvus.uri}}&stream=true")
                .log("${header.CamelFileName}: ${header.CamelMilvusIngestChunks} chunks, "
                        + "${header.CamelMilvusIngestRows} rows");
    }
}
