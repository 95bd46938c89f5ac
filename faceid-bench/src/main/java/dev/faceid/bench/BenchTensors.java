package dev.faceid.bench;

import dev.faceid.api.backend.FloatTensor;
import java.util.Random;

/** Network inputs for benchmarks that time networks alone: seeded uniform values in [-1, 1). Stateless. */
final class BenchTensors {
    private BenchTensors() {
    }

    static FloatTensor random(long seed, long... shape) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        float[] data = new float[Math.toIntExact(size)];
        Random random = new Random(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 2 - 1;
        }
        return FloatTensor.of(data, shape);
    }
}
