package io.milvusingest.cli;

import io.milvusingest.config.ConfigException;
import io.milvusingest.model.IngestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/ingest}: the command-line entry point. */
@Command(name = "ingest", mixinStandardHelpOptions = true, version = "milvus-ingest 0.1.0",
        description = "Ingest documents into Milvus (dense + BM25) and search them.",
        subcommands = {DemoCommand.class, FilesCommand.class, RunCommand.class, SyncCommand.class, WorkerCommand.class,
                PlannerCommand.class,
                SearchCommand.class, EvalCommand.class, ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        // Start-up errors are the user's to fix: a one-line message naming the key, no stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof IngestException || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
