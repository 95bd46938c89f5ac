package dev.faceid.backend.djl;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.Network;
import dev.faceid.api.error.InferenceException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A DJL model behind a pool of predictors. DJL predictors are not thread-safe, so each concurrent call borrows one;
 * at most {@code poolSize} run at once and further callers wait. Predictors are created on demand and reused.
 *
 * <p>Thread-safe.
 */
final class DjlNetwork implements Network {
    private final String name;
    private final ZooModel<FloatTensor, List<FloatTensor>> model;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Predictor<FloatTensor, List<FloatTensor>>> idle =
            new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    DjlNetwork(String name, ZooModel<FloatTensor, List<FloatTensor>> model, int poolSize) {
        this.name = name;
        this.model = model;
        this.permits = new Semaphore(poolSize, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<FloatTensor> run(FloatTensor input) {
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
