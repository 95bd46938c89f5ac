package dev.faceid.backend.djl;

import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.Network;
import dev.faceid.api.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bundled network's known answer: reference images and the reference outputs for them, written by
 * {@code tools/models/convert.py} from the independent reference set. Running it proves, on this machine and this
 * engine, that the network computes what it should. Immutable and thread-safe.
 *
 * @param input     the input batch (more than one image: a batch of one takes other kernels in some engines)
 * @param outputs   the expected outputs, in the network's output order
 * @param tolerance the largest absolute difference allowed
 */
record KnownAnswer(FloatTensor input, List<FloatTensor> outputs, double tolerance) {
    private static final int MAGIC = 0x464B4154; // "FKAT"
    private static final int VERSION = 1;

    /** The largest difference of one output from its known answer, and which output it was. */
    record Deviation(int output, double maxError) {
    }

    /** Reads the little-endian layout that {@code convert.py} documents in {@code known_answer()}. */
    static KnownAnswer read(InputStream in, String label) {
        try {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() < 16 || b.order(ByteOrder.BIG_ENDIAN).getInt() != MAGIC) {
                throw new ModelException("Known answer " + label + " is not a known-answer file");
            }
            b.order(ByteOrder.LITTLE_ENDIAN);
            int version = b.getInt();
            if (version != VERSION) {
                throw new ModelException("Known answer " + label + " has version " + version + ", this build reads "
                        + VERSION);
            }
            double tolerance = b.getFloat();
            int count = b.getInt();
            List<FloatTensor> tensors = new ArrayList<>(count);
            for (int t = 0; t < count; t++) {
                long[] shape = new long[b.getInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = b.getLong();
                    size *= shape[d];
                }
                float[] data = new float[Math.toIntExact(size)];
                b.asFloatBuffer().get(data);
                b.position(b.position() + data.length * Float.BYTES);
                tensors.add(FloatTensor.of(data, shape));
            }
            if (count < 2 || b.hasRemaining()) {
                throw new ModelException("Known answer " + label + " is damaged");
            }
            return new KnownAnswer(tensors.get(0), List.copyOf(tensors.subList(1, count)), tolerance);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelException me) {
                throw me;
            }
            throw new ModelException("Cannot read known answer " + label + ": " + e, e);
        }
    }

    /** Runs the input through {@code network}; the worst output, or an error when the output count or a shape differs. */
    Deviation check(Network network) {
        List<FloatTensor> got = network.run(input);
        if (got.size() != outputs.size()) {
            throw new ModelException(network.name() + " gives " + got.size() + " outputs, its known answer "
                    + outputs.size());
        }
        Deviation worst = new Deviation(0, 0);
        for (int i = 0; i < outputs.size(); i++) {
            FloatTensor want = outputs.get(i);
            FloatTensor have = got.get(i);
            if (!Arrays.equals(want.shape(), have.shape())) {
                throw new ModelException(network.name() + " output " + i + " has shape "
                        + Arrays.toString(have.shape()) + ", its known answer " + Arrays.toString(want.shape()));
            }
            double max = maxAbsDiff(want.data(), have.data());
            // NaN compares false: a NaN anywhere must fail, not pass.
            if (Double.isNaN(max) || max > worst.maxError()) {
                worst = new Deviation(i, max);
                if (Double.isNaN(max)) {
                    break;
                }
            }
        }
        return worst;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            max = Math.max(max, d);
        }
        return max;
    }
}
