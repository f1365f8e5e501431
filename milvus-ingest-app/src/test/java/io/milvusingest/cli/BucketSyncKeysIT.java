package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.app.CamelApp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import io.milvusingest.sync.SyncSummary;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket sync ({@code bin/ingest sync}'s cycle, the YAML route) against a real MinIO and Milvus Lite, on object
 * keys that would escape or break a naive path: {@code ../x}, a leading {@code /}, unicode, 1,000 characters, control
 * characters. Each is synced or refused with a classified error, nothing is written outside the state folder and the
 * temp folder, and the state, which an earlier run left world-writable, ends owner-only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({MilvusLiteExtension.class, MinioExtension.class})
class BucketSyncKeysIT {
    private static final String BUCKET = "sync-keys";
    /** In every key's last segment, so any file named after a key can be found. */
    private static final String MARK = "qz7mark";
    /** 1,000 characters, in segments of at most 250 (MinIO stores an object as files: 255 bytes per segment). */
    private static final String LONG_KEY = "l1-" + "a".repeat(247) + "/l2-" + "b".repeat(247) + "/l3-" + "c".repeat(247)
            + "/" + MARK + "-" + "d".repeat(235) + ".txt";
    private static final String LONG_CORRUPT_KEY = LONG_KEY.substring(0, LONG_KEY.length() - 4) + ".pdf";
    private static final String TMP = System.getProperty("java.io.tmpdir");

    @TempDir
    static Path root;
    private Path state;
    private MinioServer minio;
    private S3Client s3;
    private AppRuntime runtime;
    /** key -> text of the objects MinIO stored. */
    private final Map<String, String> stored = new HashMap<>();

    @BeforeAll
    void start(MilvusLiteServer lite, MinioServer minio) throws IOException {
        this.minio = minio;
        this.s3 = minio.client();
        s3.createBucket(b -> b.bucket(BUCKET));
        state = root.resolve("state");
        Map<String, String> p = new HashMap<>(Map.of("milvus.uri", lite.uri(),
                "milvus.collection", MilvusLiteExtension.collectionName("sync_keys"),
                "sync.enabled", "true", "sync.bucket", BUCKET, "sync.state-dir", state.toString(),
                "sync.s3.uri-endpoint-override", minio.endpoint(), "sync.s3.force-path-style", "true",
                "sync.s3.access-key", minio.accessKey(), "sync.s3.secret-key", minio.secretKey()));
        p.put("milvus.stream", "true"); // Milvus Lite has no bulk import
        p.put("milvus.commit.min-interval-ms", "0"); // nor a flush quota
        p.put("health.port", "0");
        p.put("ingest.report-dir", root.resolve("reports").toString());
        runtime = AppRuntime.start(IngestConfig.from(ConfigSource.load(null, p), Path.of("").toAbsolutePath()));
    }

    @AfterAll
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void should_sync_or_refuse_hostile_keys_and_write_only_owner_only_files_inside_the_state_folder()
            throws Exception {
        put("../" + MARK + "-dotdot.txt", "Dot dot key: the badger sleeps under the oak.");
        put("/" + MARK + "-abs.txt", "Leading slash key: the weasel hunts at dusk.");
        put("notes/r\u00e9sum\u00e9-\u65e5\u672c\u8a9e-" + MARK + ".txt", "Unicode key: the ermine turns white in winter.");
        put(LONG_KEY, "Long key: the stoat is a weasel with a black-tipped tail.");
        put(LONG_CORRUPT_KEY, "not a PDF at all");
        put("bell\u0007-" + MARK + ".txt", "Control character key: never read.");
        // the state of an earlier run under a careless umask (000): world-writable folder and file
        Path collectionState = Files.createDirectories(state.resolve(runtime.config().milvus().collection()));
        Files.writeString(collectionState.resolve("processed.dat"), "");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(collectionState, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(collectionState.resolve("processed.dat"),
                PosixFilePermissions.fromString("rw-rw-rw-"));
        List<Path> tmpBefore = marked(Path.of(TMP));

        SyncSummary summary = CamelApp.syncOnce(runtime, new ProgressPrinter(System.out), Path.of("routes"));

        List<String> synced = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> listed = listed();
        for (String key : listed) {
            String sourceId = "s3://" + BUCKET + "/" + key;
            long rows = runtime.writer().count(Filters.sourceIdEquals(sourceId));
            Path record = failureRecord(collectionState, key);
            if (rows > 0) {
                synced.add(key);
                assertThat(record).doesNotExist();
            } else {
                refused.add(key);
            }
        }
        System.out.println("MinIO listed " + listed.size() + " of the keys put (" + stored.size() + " accepted); synced "
                + synced.size() + ", refused " + refused.size() + "; " + summary.describe());
        assertThat(listed).as("MinIO keeps these keys as they are").contains(LONG_KEY, LONG_CORRUPT_KEY,
                "notes/r\u00e9sum\u00e9-\u65e5\u672c\u8a9e-" + MARK + ".txt", "bell\u0007-" + MARK + ".txt");
        assertThat(synced).as("text objects, control characters aside").containsExactlyInAnyOrderElementsOf(
                listed.stream().filter(k -> k.endsWith(".txt") && k.codePoints().noneMatch(Character::isISOControl))
                        .toList());
        assertThat(refused).containsExactlyInAnyOrder(LONG_CORRUPT_KEY, "bell\u0007-" + MARK + ".txt");
        assertThat(failureRecord(collectionState, LONG_CORRUPT_KEY)).exists();
        assertThat(new ObjectMapper().readTree(failureRecord(collectionState, LONG_CORRUPT_KEY).toFile())
                .get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(summary.failedCount()).isEqualTo(refused.size());

        // nothing outside the state folder: the test's folder holds only the state and the reports, and no file in
        // the temp folder is named after a key any more (the downloads were deleted)
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(f -> f.getFileName().toString())).isSubsetOf("state", "reports");
        }
        assertThat(marked(Path.of(TMP))).isEqualTo(tmpBefore);
        assertThat(Path.of(TMP).resolve("..").resolve(MARK + "-dotdot.txt")).doesNotExist();
        try (Stream<Path> all = Files.walk(state)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                assertThat(perms).as(p.toString()).doesNotContain(PosixFilePermission.OTHERS_WRITE,
                        PosixFilePermission.GROUP_WRITE);
                if (Files.isRegularFile(p)) {
                    Path rel = collectionState.relativize(p);
                    assertThat(rel.toString()).as("a state file").matches("processed\\.dat|failed/" + BUCKET
                            + "/[A-Za-z0-9._*%+~-]+\\.error\\.json");
                }
            }
        }
        assertThat(Files.getPosixFilePermissions(collectionState)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(LONG_KEY).hasSize(1000);
    }

    /** @return the keys as MinIO lists them (it may store a key other than the one put, e.g. without a leading /) */
    private List<String> listed() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).encodingType(EncodingType.URL)).contents().stream()
                .map(S3Object::key).toList();
    }

    private void put(String key, String text) {
        try {
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text));
            stored.put(key, text);
        } catch (RuntimeException e) {
            System.out.println("MinIO refused the key " + key.replaceAll("\\p{Cntrl}", "?") + ": " + e.getMessage());
        }
    }

    /** @return the files of dir whose name holds {@link #MARK} */
    private static List<Path> marked(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(MARK)).sorted().toList();
        }
    }

    /** The record's name as SyncFailures documents it: the URL-encoded key, or its prefix and SHA-256 when long. */
    private static Path failureRecord(Path collectionState, String key) throws Exception {
        String name = URLEncoder.encode(key, StandardCharsets.UTF_8);
        if (name.length() > 200) {
            name = name.substring(0, 120) + "~" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                    .getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        return collectionState.resolve("failed").resolve(BUCKET).resolve(name + ".error.json");
    }
}
