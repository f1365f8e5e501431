package io.milvusingest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.cli.BinIngest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Files of {@code ../shared/corpus/nv-ingest} (woods_frost.pdf, functional_validation.pdf, test.md) and one corrupt
 * PDF, copied into {@code docs/} and ingested with {@code bin/ingest files} into a collection of a running Milvus,
 * with the run report in {@code reports/}.
 */
record IngestedCorpus(Path docs, Path reports, String milvusUri, String collection) {
    static final Path NV_INGEST = Path.of("../shared/corpus/nv-ingest");
    static final List<String> FILES = List.of("woods_frost.pdf", "functional_validation.pdf", "test.md");

    static IngestedCorpus ingest(Path dir, String milvusUri, String collection) throws IOException,
            InterruptedException {
        assertThat(NV_INGEST).as("the shared corpus (../shared/corpus/nv-ingest) is required").isDirectory();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String f : FILES) {
            Files.copy(NV_INGEST.resolve(f), docs.resolve(f));
        }
        Files.writeString(docs.resolve("broken.pdf"), "oops", StandardCharsets.US_ASCII);
        IngestedCorpus corpus = new IngestedCorpus(docs, dir.resolve("reports"), milvusUri, collection);
        BinIngest r = BinIngest.run(dir, Map.of(), corpus.with("files", docs.toString()).toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3); // 3 ok, 1 failed
        assertThat(r.out()).contains("3 ok, 1 failed {CORRUPT=1}");
        return corpus;
    }

    /** @return the command, then the -p options naming this Milvus, collection, reports and file root */
    List<String> with(String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of("-p", "milvus.uri=" + milvusUri, "-p", "milvus.collection=" + collection,
                "-p", "milvus.stream=true", "-p", "ingest.report-dir=" + reports, "-p", "serve.file-roots=" + docs));
        return args;
    }

    /** @return the source id of a file of docs/ (its full path) */
    String sourceId(String file) {
        return docs.resolve(file).toAbsolutePath().normalize().toString();
    }
}
