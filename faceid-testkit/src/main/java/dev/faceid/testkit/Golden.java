package dev.faceid.testkit;

import dev.faceid.api.backend.FloatTensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The golden network inputs and outputs bundled in this jar: independent reference outputs of the four networks
 * (see {@code golden/README.md}). Stateless.
 */
public final class Golden {
    private Golden() {
    }

    /** Reads {@code golden/<file>.f32} as a tensor of {@code shape}. */
    public static FloatTensor read(String file, long... shape) {
        String resource = "/dev/faceid/testkit/golden/" + file + ".f32";
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing golden resource " + resource);
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] data = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(data);
            return FloatTensor.of(data, shape);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest absolute element-wise difference; the shapes must agree. */
    public static double maxAbsDiff(FloatTensor a, FloatTensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new AssertionError("Shapes differ: " + a + " vs " + b);
        }
        double max = 0;
        for (int i = 0; i < a.data().length; i++) {
            max = Math.max(max, Math.abs(a.data()[i] - b.data()[i]));
        }
        return max;
    }
}
