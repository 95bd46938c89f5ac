package dev.faceid.bench;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.faceid.core.FaceId;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.Network;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Alignment;
import dev.faceid.api.embed.Embedder;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.Registries;
import dev.faceid.embed.facenet.NetworkInput;
import dev.faceid.embed.facenet.align.FaceAligner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of one embedding call goes, in milliseconds per call of {@code batch} faces: {@code preprocess}
 * (landmark warp and pixel normalisation into the network's input), {@code infer} (faceid's network call on that
 * input), {@code embed} (the whole {@code Embedder.embedAll}: both, plus L2 normalisation), and {@code raw}: the same
 * model file run by DJL directly, with no faceid code and the engine's default settings, on the same input. The
 * library overhead is {@code infer / raw - 1}; {@code BenchReport} prints it.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class EmbeddingOverheadBenchmark {

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"1", "8", "16", "32"})
    public int batch;

    private FaceId faceId;
    private Embedder embedder;
    private EmbeddingModel model;
    private FaceImage frame;
    private List<DetectedFace> faces;
    private FaceAligner aligner;
    private InferenceBackend inference;
    private Network network;
    private float[] input;
    private Path rawDir;
    private ZooModel<float[], float[]> rawModel;
    private Predictor<float[], float[]> rawPredictor;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ModelNotFoundException, MalformedModelException {
        frame = BenchFrames.frame("640x480");
        faceId = FaceId.builder().optBackend(backend).build();
        embedder = faceId.embedder();
        model = embedder.model();
        faces = Collections.nCopies(batch, faceId.largestFace(frame));
        aligner = new FaceAligner(model.inputWidth(), model.inputHeight(), model.alignmentTemplate(),
                Alignment.LANDMARKS);
        inference = Registries.backends().forName(backend).create(BackendOptions.defaults());
        network = inference.load(model.source());
        input = preprocess();
        loadRaw();
        requireSameOutput();
    }

    /** The bundled model file, copied out of the backend jar, loaded by DJL with its defaults. */
    private void loadRaw() throws IOException, ModelNotFoundException, MalformedModelException {
        String engine = backend.equals("onnx") ? "OnnxRuntime" : "PyTorch";
        String file = backend.equals("onnx") ? "mobilefacenet.onnx" : "mobilefacenet.pt";
        rawDir = Files.createTempDirectory("faceid-bench-raw-");
        try (InputStream in = EmbeddingOverheadBenchmark.class.getResourceAsStream(
                "/dev/faceid/backend/" + backend + "/models/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No bundled " + file + " on the class path");
            }
            Files.copy(in, rawDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Shape shape = new Shape(batch, 3, model.inputHeight(), model.inputWidth());
        rawModel = Criteria.builder()
                .setTypes(float[].class, float[].class)
                .optModelPath(rawDir)
                .optModelName("mobilefacenet")
                .optEngine(engine)
                .optTranslator(new NoBatchifyTranslator<float[], float[]>() {
                    @Override
                    public NDList processInput(TranslatorContext ctx, float[] in) {
                        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(in), shape));
                    }

                    @Override
                    public float[] processOutput(TranslatorContext ctx, NDList out) {
                        return out.get(0).toFloatArray();
                    }
                })
                .build()
                .loadModel();
        rawPredictor = rawModel.newPredictor();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (rawPredictor != null) {
            rawPredictor.close();
            rawModel.close();
        }
        if (inference != null) {
            inference.close();
        }
        if (faceId != null) {
            faceId.close();
        }
        if (rawDir != null) {
            try (var files = Files.list(rawDir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(rawDir);
        }
    }

    /**
     * Warp, then the network's input layout: planar float channels (RGB or BGR as the model says), normalised, as
     * the embedder prepares each slice of a batch.
     */
    @Benchmark
    public float[] preprocess() {
        return NetworkInput.pack(aligner.align(frame, faces), batch, model);
    }

    @Benchmark
    public List<FloatTensor> infer() {
        int perFace = input.length / batch;
        return network.runBatched(batch, (from, to) -> FloatTensor.of(
                Arrays.copyOfRange(input, from * perFace, to * perFace), to - from, 3, model.inputHeight(),
                model.inputWidth()));
    }

    @Benchmark
    public List<Embedding> embed() {
        return embedder.embedAll(frame, faces);
    }

    @Benchmark
    public float[] raw() throws TranslateException {
        return rawPredictor.predict(input);
    }

    /** Fails the trial early if the two calls did not run the same model on the same tensor. */
    private void requireSameOutput() {
        float[] lib = infer().get(0).data();
        float[] raw;
        try {
            raw = raw();
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < lib.length; i++) {
            if (Math.abs(lib[i] - raw[i]) > 1e-3 * (1 + Math.abs(raw[i]))) {
                throw new IllegalStateException("faceid and raw DJL disagree at " + i + ": " + lib[i] + " vs "
                        + raw[i]);
            }
        }
    }
}
