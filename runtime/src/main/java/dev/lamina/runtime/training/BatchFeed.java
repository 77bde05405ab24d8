package dev.lamina.runtime.training;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The batches of one {@code fit}, in each epoch's order: with prefetching, a background thread
 * ({@value #THREAD_NAME}) gathers batch k+1 into one of {@link Batches}' two sets of arrays while the
 * network trains on batch k in the other; without it, or when the arrays are not in host memory (a
 * GPU backend: gathering is then ND4J's pullRows, which stays in the training thread), the training
 * thread gathers each batch into the first set when it is asked for. The background thread only
 * copies memory, row by row, in the order the training thread would, so every result is the same
 * either way. Close it (fit does, in a finally block) to stop the thread; a fault in the thread comes
 * out of {@link #batch} with its cause.
 */
final class BatchFeed implements AutoCloseable {
    /** The name of the prefetching thread, which lives as long as one fit. */
    static final String THREAD_NAME = "lamina-prefetch";

    private final Batches batches;
    private final int batchSize;
    /** The prefetching thread, or null when the training thread gathers. */
    private final ExecutorService gatherer;
    private int[] order;
    private int steps;
    /** The gathering of batch {@code step + 1} under way, or null. */
    private Future<?> next;

    BatchFeed(Batches batches, int samples, int batchSize, boolean prefetch) {
        this.batches = batches;
        this.batchSize = batchSize;
        int rows = Math.min(batchSize, samples);
        batches.reserve(0, rows);
        batches.reserve(1, rows);
        this.gatherer = prefetch && batches.copiesMemory() ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Whether a background thread gathers the batches. */
    boolean prefetches() {
        return gatherer != null;
    }

    /** Starts an epoch whose samples come in {@code order}: with prefetching, its first batch is gathered at once. */
    void epoch(int[] order) {
        awaitPending();
        this.order = order;
        this.steps = (order.length + batchSize - 1) / batchSize;
        next = gatherer == null ? null : submit(0);
    }

    /** Batch {@code step} of the epoch (steps come in order), valid until batch {@code step + 2} is asked for. */
    Batches.Batch batch(int step) {
        int[] indices = indices(step);
        if (gatherer == null) {
            return batches.gather(0, indices);
        }
        await(next, step);
        next = step + 1 < steps ? submit(step + 1) : null;
        return batches.batch(step % 2, indices.length);
    }

    private int[] indices(int step) {
        int from = step * batchSize;
        return Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
    }

    private Future<?> submit(int step) {
        int[] indices = indices(step);
        int slot = step % 2;
        return gatherer.submit(() -> batches.copy(slot, indices));
    }

    private static void await(Future<?> gathering, int step) {
        try {
            gathering.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fit: gathering batch " + (step + 1) + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fit: interrupted while batch " + (step + 1) + " was gathered", e);
        }
    }

    /** Waits for a gathering under way (an epoch stopped early), ignoring its fault: no one will use that batch. */
    private void awaitPending() {
        if (next != null) {
            try {
                next.get();
            } catch (ExecutionException e) {
                // that batch is never trained on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            next = null;
        }
    }

    /** Stops the prefetching thread, waiting for it to end. */
    @Override
    public void close() {
        if (gatherer == null) {
            return;
        }
        awaitPending();
        gatherer.shutdownNow();
        try {
            gatherer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
