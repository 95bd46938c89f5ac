package dev.faceid.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.core.FaceId;
import dev.faceid.api.error.GalleryException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The facade refuses a gallery of another embedding model however it came, with a typed error. */
class FaceIdGalleryModelTest {

    @Test
    @DisplayName("A database provider that creates a gallery of the wrong model is a GalleryException naming both "
            + "models and the provider, not a NoSuchElementException")
    void wrongModelFromAProviderIsTyped() {
        GalleryException e = assertThrows(GalleryException.class,
                () -> FaceId.builder().optBackend("onnx").optDatabase(WrongModelDatabaseProvider.NAME).build());
        for (String part : new String[] {"some-other-model", "mobilefacenet", WrongModelDatabaseProvider.NAME}) {
            assertTrue(e.getMessage().contains(part), part + " missing from: " + e.getMessage());
        }
    }
}
