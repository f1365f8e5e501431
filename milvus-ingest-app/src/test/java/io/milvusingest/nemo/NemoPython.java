package io.milvusingest.nemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code milvus-ingest-app/src/test/python/nemo_compat.py} with the python of {@code .venv-nemo} (NVIDIA's nv-ingest-client
 * 26.3.0, installed by {@code bin/setup-nemo}; system property {@code nemo.python} to use another): one NeMo call
 * per run, its result as JSON.
 */
final class NemoPython {
    static final Path PYTHON = Path.of(System.getProperty("nemo.python", ".venv-nemo/bin/python"));
    private static final Path SCRIPT = Path.of("milvus-ingest-app/src/test/python/nemo_compat.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NemoPython() {
    }

    /** Fails loudly when the venv is missing: these tests never skip. */
    static void require() {
        assertThat(Files.isExecutable(PYTHON)).as(PYTHON + " is missing: run bin/setup-nemo (bin/test does)").isTrue();
    }

    /**
     * @param args the sub-command and its options, e.g. {@code "retrieve", "--uri", uri, ...}
     * @return the JSON it printed
     */
    static JsonNode run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "nemo", ".json");
        Path err = Files.createTempFile(workDir, "nemo", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("nemo_compat.py " + args[0] + " finished").isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("nemo_compat.py " + String.join(" ", args) + "\n"
                + Files.readString(err, StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(stdout.lines().reduce((a, b) -> b).orElse("null"));
    }
}
