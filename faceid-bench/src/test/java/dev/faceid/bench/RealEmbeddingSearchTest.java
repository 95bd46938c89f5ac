package dev.faceid.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.core.FaceId;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.core.gallery.GalleryOptions;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import dev.faceid.samples.SamplePhotos;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * On real MobileFaceNet embeddings (every face of the six sample photos enrolled, every face of their mirror images
 * as queries), the scalar and vector kernels with float and int8 storage all return the same top-k, and int8 the
 * same bit for bit as float with the same kernel. Lives here because this module has a backend and the sample photos.
 */
class RealEmbeddingSearchTest {

    @AfterEach
    void clearKernel() {
        System.clearProperty("faceid.search.kernel");
    }

    @Test
    @DisplayName("Real embeddings: float and int8, scalar and vector kernels give the same top-5 for every query")
    void sameTopKOnRealEmbeddings() {
        Map<String, Embedding> enrolled = new LinkedHashMap<>();
        List<Embedding> queries = new ArrayList<>();
        try (FaceId faceId = FaceId.builder().optBackend("onnx").build()) {
            for (String name : SamplePhotos.SAMPLES) {
                FaceImage photo = faceId.read(SamplePhotos.get(name));
                List<DetectedFace> faces = faceId.detect(photo);
                List<Embedding> embeddings = faceId.embedder().embedAll(photo, faces);
                for (int i = 0; i < embeddings.size(); i++) {
                    enrolled.put(name + "#" + i, embeddings.get(i));
                }
                FaceImage mirrored = mirror(photo);
                queries.addAll(faceId.embedder().embedAll(mirrored, faceId.detect(mirrored)));
            }
        }
        assertTrue(enrolled.size() >= 20 && queries.size() >= 20, enrolled.size() + " faces, " + queries.size()
                + " queries");
        Embedding first = enrolled.values().iterator().next();
        Map<String, List<List<Candidate>>> answers = new LinkedHashMap<>();
        for (String kernel : List.of("scalar", "vector")) {
            System.setProperty("faceid.search.kernel", kernel);
            for (GalleryOptions.Storage storage : GalleryOptions.Storage.values()) {
                FaceDatabase db = new InMemoryFaceDatabaseProvider().create(first.modelId(), first.dimension(),
                        GalleryOptions.builder().optStorage(storage).build());
                enrolled.forEach(db::enroll);
                answers.put(kernel + "/" + storage, queries.stream()
                        .map(q -> db.search(q, 5, Aggregation.NEAREST, Metric.COSINE)).toList());
            }
        }
        assertEquals(answers.get("scalar/FLOAT32"), answers.get("scalar/INT8"), "int8 = float, scalar kernel");
        assertEquals(answers.get("vector/FLOAT32"), answers.get("vector/INT8"), "int8 = float, vector kernel");
        List<List<Candidate>> scalar = answers.get("scalar/FLOAT32");
        List<List<Candidate>> vector = answers.get("vector/FLOAT32");
        for (int q = 0; q < queries.size(); q++) {
            for (int r = 0; r < scalar.get(q).size(); r++) {
                Candidate s = scalar.get(q).get(r);
                Candidate v = vector.get(q).get(r);
                assertEquals(s.distance(), v.distance(), 1e-5, "query " + q + " rank " + r);
                if (r == 0) {
                    assertEquals(s.person(), v.person(), "query " + q + ": the same top-1");
                }
            }
        }
    }

    private static FaceImage mirror(FaceImage photo) {
        BufferedImage src = photo.toBufferedImage();
        AffineTransform flip = new AffineTransform(-1, 0, 0, 1, src.getWidth(), 0);
        BufferedImage out = new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(src,
                new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR));
        return FaceImage.of(out, "mirrored");
    }
}
