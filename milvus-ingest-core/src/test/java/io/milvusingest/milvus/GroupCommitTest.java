package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A flush that counts its calls, records its start times and blocks until released. */
    private static final class SlowFlush implements Runnable {
        final AtomicInteger calls = new AtomicInteger();
        final List<Long> starts = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile RuntimeException failWith;

        @Override
        public void run() {
            starts.add(System.nanoTime());
            calls.incrementAndGet();
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failWith != null) {
                throw failWith;
            }
        }
    }

    @Test
    void should_share_one_flush_among_all_requests_made_while_a_flush_runs() throws Exception {
        SlowFlush flush = new SlowFlush();
        try (GroupCommit commit = new GroupCommit(flush, 0)) {
            CompletableFuture<Void> first = commit.commitAsync();
            assertThat(flush.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> waiters = concurrently(20, commit);
            assertThat(first).isNotDone();
            assertThat(waiters).noneMatch(CompletableFuture::isDone);

            flush.release.countDown();
            first.get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(flush.calls.get()).as("the running flush, then one for all 20 late requests").isEqualTo(2);
            assertThat(commit.flushes()).isEqualTo(2);
        }
    }

    @Test
    void should_not_complete_a_request_with_a_flush_that_started_before_it() throws Exception {
        SlowFlush flush = new SlowFlush();
        try (GroupCommit commit = new GroupCommit(flush, 0)) {
            CompletableFuture<Void> first = commit.commitAsync();
            assertThat(flush.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> late = commit.commitAsync();
            flush.release.countDown();
            first.get(5, TimeUnit.SECONDS);
            late.get(5, TimeUnit.SECONDS);
            assertThat(flush.calls.get()).as("the late request waited for a second flush").isEqualTo(2);
        }
    }

    @Test
    void should_space_flush_starts_by_the_minimum_interval() throws Exception {
        SlowFlush flush = new SlowFlush();
        flush.release.countDown(); // flushes return at once
        try (GroupCommit commit = new GroupCommit(flush, 300)) {
            for (int i = 0; i < 3; i++) {
                commit.commitAsync().get(5, TimeUnit.SECONDS);
            }
            assertThat(flush.calls.get()).isEqualTo(3);
            for (int i = 1; i < flush.starts.size(); i++) {
                long gapMs = TimeUnit.NANOSECONDS.toMillis(flush.starts.get(i) - flush.starts.get(i - 1));
                assertThat(gapMs).as("gap before flush %d", i + 1).isGreaterThanOrEqualTo(300);
            }
        }
    }

    @Test
    void should_flush_at_once_when_the_last_flush_is_older_than_the_interval() throws Exception {
        SlowFlush flush = new SlowFlush();
        flush.release.countDown();
        try (GroupCommit commit = new GroupCommit(flush, 100)) {
            commit.commitAsync().get(5, TimeUnit.SECONDS);
            Thread.sleep(200);
            long t0 = System.nanoTime();
            commit.commitAsync().get(5, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(90);
        }
    }

    @Test
    void should_fail_every_waiter_of_a_failed_flush_with_its_exception_and_recover_on_the_next() throws Exception {
        SlowFlush flush = new SlowFlush();
        IngestException down = IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD,
                "Milvus: flush in collection c: UNAVAILABLE").build();
        flush.failWith = down;
        try (GroupCommit commit = new GroupCommit(flush, 0)) {
            CompletableFuture<Void> first = commit.commitAsync();
            assertThat(flush.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> waiters = concurrently(5, commit);
            flush.release.countDown(); // both flushes fail
            List<CompletableFuture<Void>> all = new ArrayList<>(waiters);
            all.add(first);
            for (CompletableFuture<Void> w : all) {
                assertThatThrownBy(() -> w.join()).isInstanceOf(CompletionException.class).hasCause(down);
            }
            assertThat(down.isTransient()).isTrue();

            flush.failWith = null;
            commit.commitAsync().get(5, TimeUnit.SECONDS);
            assertThat(flush.calls.get()).isEqualTo(3);
        }
    }

    @Test
    void should_fail_requests_after_close_as_store_unavailable() {
        GroupCommit commit = new GroupCommit(() -> { }, 0);
        commit.close();
        assertThatThrownBy(() -> commit.commitAsync().join()).hasCauseInstanceOf(IngestException.class)
                .cause().satisfies(e -> assertThat(((IngestException) e).kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE));
    }

    /** @return the futures of n commitAsync calls made from n threads at once */
    private static List<CompletableFuture<Void>> concurrently(int n, GroupCommit commit) throws InterruptedException {
        List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                futures.add(commit.commitAsync());
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertThat(futures).hasSize(n);
        return futures;
    }
}
