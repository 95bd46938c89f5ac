package dev.faceid.backend.djl;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.Network;
import dev.faceid.api.error.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A DJL model behind a pool of predictors. DJL predictors are not thread-safe, so each concurrent call borrows one;
 * at most {@code poolSize} run at once and further callers wait. Predictors are created on demand and reused.
 *
 * <p>With one engine thread per inference (the default on small machines) a single large call would leave the other
 * cores idle, so a batch of at least {@code 2 * MIN_SPLIT} is split along its first dimension over up to
 * {@code poolSize} predictors, and {@link #runAll} runs its inputs concurrently. Helper tasks only ever run a single
 * inference, never split again, so they cannot wait on each other.
 *
 * <p>Thread-safe.
 */
final class DjlNetwork implements Network {
    private final String name;
    private final ZooModel<FloatTensor, List<FloatTensor>> model;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Predictor<FloatTensor, List<FloatTensor>>> idle =
            new ConcurrentLinkedQueue<>();
    private final int poolSize;
    private final ExecutorService helpers;
    private volatile boolean closed;

    /** Smallest share of a split batch: below it the hand-off costs more than the second core saves. */
    static final int MIN_SPLIT = 8;

    DjlNetwork(String name, ZooModel<FloatTensor, List<FloatTensor>> model, int poolSize, ExecutorService helpers) {
        this.name = name;
        this.model = model;
        this.poolSize = poolSize;
        this.permits = new Semaphore(poolSize, true);
        this.helpers = helpers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<FloatTensor> run(FloatTensor input) {
        int n = input.rank() == 0 ? 1 : input.dim(0);
        int parts = Math.min(poolSize, n / MIN_SPLIT);
        if (parts < 2) {
            return infer(input);
        }
        List<FloatTensor> pieces = Tensors.split(input, parts);
        return Tensors.concat(runAll(pieces));
    }

    @Override
    public List<List<FloatTensor>> runAll(List<FloatTensor> inputs) {
        List<Future<List<FloatTensor>>> others = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            FloatTensor in = inputs.get(i);
            others.add(helpers.submit(() -> infer(in)));
        }
        List<List<FloatTensor>> out = new ArrayList<>(inputs.size());
        if (!inputs.isEmpty()) {
            out.add(infer(inputs.get(0)));
        }
        for (Future<List<FloatTensor>> f : others) {
            out.add(join(f));
        }
        return out;
    }

    private static List<FloatTensor> join(Future<List<FloatTensor>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("Interrupted while waiting for an inference", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new InferenceException("Inference failed: " + e.getCause(), e.getCause());
        }
    }

    /** One forward pass on one borrowed predictor. */
    private List<FloatTensor> infer(FloatTensor input) {
        if (closed) {
            throw new IllegalStateException("Network " + name + " is closed");
        }
        permits.acquireUninterruptibly();
        Predictor<FloatTensor, List<FloatTensor>> predictor = idle.poll();
        try {
            if (predictor == null) {
                predictor = model.newPredictor();
            }
            return predictor.predict(input);
        } catch (TranslateException | RuntimeException e) {
            throw new InferenceException("Network " + name + " failed on input " + input + ": " + e.getMessage(), e);
        } finally {
            if (predictor != null) {
                idle.add(predictor);
            }
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Predictor<FloatTensor, List<FloatTensor>> p;
        while ((p = idle.poll()) != null) {
            p.close();
        }
        model.close();
    }
}
