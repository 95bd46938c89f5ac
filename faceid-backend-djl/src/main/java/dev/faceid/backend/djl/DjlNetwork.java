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
import java.util.function.Supplier;

/**
 * A DJL model behind a pool of predictors. DJL predictors are not thread-safe, so each concurrent call borrows one;
 * at most {@code poolSize} run at once and further callers wait. Predictors are created on demand and reused.
 *
 * <p>With one engine thread per inference (the default on small machines) a single large call would leave the other
 * cores idle, so {@link #runAll} runs its inputs concurrently: the caller takes the first and helper threads the
 * rest. An input is prepared while its permit is held, so preparation counts against the pool like inference does
 * and never oversubscribes the cores. Helper tasks only ever run a single inference, never fan out again, so they
 * cannot wait on each other.
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
    public int parallelism() {
        return poolSize;
    }

    @Override
    public List<FloatTensor> run(FloatTensor input) {
        return infer(() -> input);
    }

    @Override
    public List<List<FloatTensor>> runAll(List<? extends Supplier<FloatTensor>> inputs) {
        List<Future<List<FloatTensor>>> others = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            Supplier<FloatTensor> in = inputs.get(i);
            others.add(helpers.submit(() -> infer(in)));
        }
        List<List<FloatTensor>> out = new ArrayList<>(inputs.size());
        try {
            if (!inputs.isEmpty()) {
                out.add(infer(inputs.get(0)));
            }
        } catch (RuntimeException e) {
            others.forEach(f -> f.cancel(false));
            throw e;
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

    /** Prepares one input and runs one forward pass on it, holding one of the pool's permits throughout. */
    private List<FloatTensor> infer(Supplier<FloatTensor> prepare) {
        if (closed) {
            throw new IllegalStateException("Network " + name + " is closed");
        }
        permits.acquireUninterruptibly();
        try {
            return predict(prepare.get());
        } finally {
            permits.release();
        }
    }

    /** One forward pass on a borrowed predictor; the caller holds a permit. */
    private List<FloatTensor> predict(FloatTensor input) {
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
