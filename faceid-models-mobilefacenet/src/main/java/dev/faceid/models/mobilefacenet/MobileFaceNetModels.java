package dev.faceid.models.mobilefacenet;

import dev.faceid.api.backend.BundledModel;

/**
 * MobileFaceNet of this artifact: an aligned 112x112 RGB face to a raw 192-d embedding (see {@code manifest.json}
 * beside the files and MODELS.md). Stateless.
 */
public final class MobileFaceNetModels {

    public static final BundledModel MOBILEFACENET = new BundledModel("mobilefacenet",
            "dev.faceid:faceid-models-mobilefacenet", MobileFaceNetModels.class, "/dev/faceid/models/mobilefacenet");

    private MobileFaceNetModels() {
    }
}
