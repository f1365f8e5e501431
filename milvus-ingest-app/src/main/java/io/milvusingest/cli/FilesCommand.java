package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ingest files PATH... [--collection NAME] [--recreate]}. */
@Command(name = "files", mixinStandardHelpOptions = true,
        description = "Ingest files and folders once, then exit. Exit code 0 when every file was ingested, "
                + "3 when some failed (each failure is printed with its reason).")
final class FilesCommand implements Callable<Integer> {
    static final int SOME_FAILED = 3;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders walked recursively.")
    List<Path> paths;

    @Option(names = "--recreate", description = "Drop and recreate the collection first (milvus.recreate).")
    boolean recreate;

    @Override
    public Integer call() throws Exception {
        var config = common.load(recreate ? Map.of("milvus.recreate", "true") : Map.of());
        List<Path> files = IngestRun.collect(paths, config.include());
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            return IngestRun.ingest(runtime, files).summary().failedCount() == 0 ? 0 : SOME_FAILED;
        }
    }
}
