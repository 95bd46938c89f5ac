package dev.faceid.backend.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BundledModel;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.api.error.ModelException;
import dev.faceid.api.error.SelfTestFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An {@link InferenceBackend} on one DJL engine. Bundled models are copied once from the backend jar into a private
 * temporary folder (DJL engines load from files) and shared by every caller; the folder is deleted on close.
 *
 * <p>A bundled network that comes with a known answer ({@code pnet.kat} beside {@code pnet.onnx} in its model
 * artifact) must reproduce it
 * when it loads, unless {@link BackendOptions#selfTest()} is off: an engine that computes wrong numbers on this CPU
 * is refused with a {@link SelfTestFailedException}, never used.
 *
 * <p>Thread-safe.
 */
final class DjlBackend implements InferenceBackend {
    private final String name;
    private final Engine engine;
    private final BundledModels bundled;
    private final String extension;
    private final Device device;
    private final BackendOptions options;
    private final Map<String, String> engineOptions;
    private final Map<ModelSource, DjlNetwork> networks = new ConcurrentHashMap<>();
    private final Path workDir;
    /**
     * Runs the shares of split batches. Unbounded on purpose: how many inferences run at once is bounded by each
     * network's predictor pool, and a bounded pool here could starve callers waiting on their shares.
     */
    private final ExecutorService helpers = Executors.newCachedThreadPool(daemonThreads());

    /**
     * @param name          the faceid provider name, e.g. {@code "onnx"}
     * @param engine        the started DJL engine
     * @param bundled       where the bundled models and their known answers are
     * @param extension     the model file extension, e.g. {@code ".onnx"}
     * @param device        where networks run
     * @param engineOptions passed to DJL's {@code Criteria.optOption}
     */
    DjlBackend(String name, Engine engine, BundledModels bundled, String extension, Device device,
                      BackendOptions options, Map<String, String> engineOptions) {
        this.name = name;
        this.engine = engine;
        this.bundled = bundled;
        this.extension = extension;
        this.device = device;
        this.options = options;
        this.engineOptions = Map.copyOf(engineOptions);
        try {
            this.workDir = Files.createTempDirectory("faceid-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the bundled models", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    @Override
    public Network load(ModelSource source) {
        return networks.computeIfAbsent(source, this::open);
    }

    private DjlNetwork open(ModelSource source) {
        if (source instanceof ModelSource.Bundled b) {
            DjlNetwork network = open(extract(b.model()), b.model().name());
            try {
                if (options.selfTest()) {
                    knownAnswer(b.model()).ifPresent(k -> selfTest(network, k));
                }
            } catch (RuntimeException e) {
                network.close();
                throw e;
            }
            return network;
        }
        Path file = ((ModelSource.File) source).path();
        if (!Files.isRegularFile(file)) {
            throw new ModelException("Model file not found: " + file);
        }
        return open(file, file.toString());
    }

    private Optional<KnownAnswer> knownAnswer(BundledModel model) {
        String fileName = model.name() + ".kat";
        try {
            Optional<InputStream> in = bundled.open(model, ".kat");
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream s = in.get()) {
                return Optional.of(KnownAnswer.read(s, name + " " + fileName));
            }
        } catch (IOException e) {
            throw new ModelException("Cannot read known answer " + fileName + " of " + model + ": " + e.getMessage(),
                    e);
        }
    }

    private void selfTest(DjlNetwork network, KnownAnswer known) {
        KnownAnswer.Deviation d = known.check(network);
        if (Double.isNaN(d.maxError()) || d.maxError() > known.tolerance()) {
            String message = String.format(Locale.ROOT,
                    "Self-test failed: network %s, output %d, on a batch of %d, differs from its known answer by %s"
                            + " (tolerance %.1g) on %s %s (DJL %s), device %s, CPU %s. This engine computes wrong"
                            + " numbers on this machine, so the %s backend refuses to run; use another backend"
                            + " (for example faceid-backend-onnx) and report the CPU.",
                    network.name(), d.output(), known.input().shape()[0],
                    Double.isNaN(d.maxError()) ? "NaN" : String.format(Locale.ROOT, "%.3g", d.maxError()),
                    known.tolerance(), engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), device(),
                    CpuDescription.describe(), name);
            throw new SelfTestFailedException(message, network.name(), d.maxError(), known.tolerance());
        }
    }

    private DjlNetwork open(Path file, String label) {
        Criteria.Builder<FloatTensor, List<FloatTensor>> criteria = Criteria.builder()
                .setTypes(FloatTensor.class, (Class<List<FloatTensor>>) (Class<?>) List.class)
                // A folder plus a model name, because DJL treats a bare file path as an archive to unpack.
                .optModelPath(file.toAbsolutePath().getParent())
                .optModelName(modelName(file))
                .optEngine(engine.getEngineName())
                .optDevice(device)
                .optTranslator(new TensorTranslator());
        engineOptions.forEach(criteria::optOption);
        try {
            ZooModel<FloatTensor, List<FloatTensor>> model = criteria.build().loadModel();
            return new DjlNetwork(label, model, options.poolSize(), helpers);
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelException("Cannot load model " + label + " on " + engine.getEngineName() + ": "
                    + e.getMessage() + ". Check that the file is a valid " + extension + " model for this backend.", e);
        }
    }

    private String modelName(Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(extension)) {
            throw new ModelException("The " + name + " backend loads " + extension + " files, not " + file);
        }
        return fileName.substring(0, fileName.length() - extension.length());
    }

    private Path extract(BundledModel model) {
        String fileName = model.name() + extension;
        try {
            Optional<InputStream> found = bundled.open(model, extension);
            if (found.isEmpty()) {
                throw new ModelException("Model " + model + " has no " + extension + " file for the " + name
                        + " backend (expected " + fileName + "). Check that " + model.artifact()
                        + " is on the class path and of this faceid version.");
            }
            try (InputStream in = found.get()) {
                Path file = workDir.resolve(fileName);
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            }
        } catch (IOException e) {
            throw new ModelException("Cannot extract bundled model " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "faceid-inference-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        helpers.shutdownNow();
        networks.values().forEach(DjlNetwork::close);
        networks.clear();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless.
        }
    }

    @Override
    public String toString() {
        return "DjlBackend[" + name + ", " + engine.getEngineName() + ", " + device() + "]";
    }
}
