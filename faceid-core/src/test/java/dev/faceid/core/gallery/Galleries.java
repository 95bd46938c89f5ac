package dev.faceid.core.gallery;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.gallery.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the gallery tests. */
final class Galleries {
    private Galleries() {
    }

    /** A unit 2-D vector at {@code degrees}. */
    static float[] deg(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    static Embedding emb(String model, float... v) {
        return Embedding.of(model, v);
    }

    /**
     * Everything observable about a database's content, including the next id, as the bytes of its saved file.
     * Two databases with equal fingerprints hold the same model, persons, sample ids, vectors and next id.
     */
    static byte[] fingerprint(InMemoryFaceDatabase db, Path scratchDir) {
        try {
            Path f = Files.createTempFile(scratchDir, "fingerprint", ".fidg");
            db.save(f);
            byte[] b = Files.readAllBytes(f);
            Files.delete(f);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample as "id person v0,v1,..." lines, in person order then sample order. */
    static List<String> describe(InMemoryFaceDatabase db) {
        List<String> out = new ArrayList<>();
        out.add(db.modelId() + " " + db.dimension() + "-d " + db.personCount() + " persons " + db.sampleCount()
                + " samples");
        for (String p : db.persons()) {
            for (Sample s : db.samples(p)) {
                StringBuilder sb = new StringBuilder().append(s.id()).append(' ').append(s.person());
                for (float v : s.embedding().toArray()) {
                    sb.append(' ').append(Float.floatToIntBits(v));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
