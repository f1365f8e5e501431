package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/ingest} as a user does, in its own JVM, capturing stdout and stderr apart. */
public record BinIngest(int exit, String out, String err) {

    public static BinIngest run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bin/ingest"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("bin/ingest finished").isTrue();
        return new BinIngest(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** @return the path after the {@code report: } line of stdout */
    Path report() {
        return out.lines().filter(l -> l.startsWith("report: ")).map(l -> Path.of(l.substring(8).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no report line in:\n" + out));
    }
}
