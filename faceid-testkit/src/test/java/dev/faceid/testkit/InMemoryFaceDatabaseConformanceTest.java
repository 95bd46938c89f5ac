package dev.faceid.testkit;

import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.core.gallery.GalleryOptions;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import org.junit.jupiter.api.Nested;

/** The built-in in-memory gallery passes the gallery conformance suite, with float and with int8 storage. */
class InMemoryFaceDatabaseConformanceTest extends FaceDatabaseConformanceSuite {
    @Override
    protected FaceDatabase create(String modelId, int dimension) {
        return new InMemoryFaceDatabaseProvider().create(modelId, dimension);
    }

    /** The same contract when an int8 copy is searched first and re-ranked exactly. */
    @Nested
    class Int8Storage extends FaceDatabaseConformanceSuite {
        @Override
        protected FaceDatabase create(String modelId, int dimension) {
            return new InMemoryFaceDatabaseProvider().create(modelId, dimension,
                    GalleryOptions.builder().optStorage(GalleryOptions.Storage.INT8).build());
        }
    }
}
