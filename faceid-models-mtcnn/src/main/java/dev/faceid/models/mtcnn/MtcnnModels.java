package dev.faceid.models.mtcnn;

import dev.faceid.api.backend.BundledModel;

/**
 * The three MTCNN networks of this artifact. Their conventions (input, outputs, normalisation, the folded image
 * transposition) are in {@code manifest.json} beside the files and in MODELS.md. Stateless.
 */
public final class MtcnnModels {
    private static final String ARTIFACT = "dev.faceid:faceid-models-mtcnn";
    private static final String FOLDER = "/dev/faceid/models/mtcnn";

    /** Proposals on 12x12 cells over an image pyramid; any batch, any H, W of at least 12. */
    public static final BundledModel PNET = new BundledModel("pnet", ARTIFACT, MtcnnModels.class, FOLDER);
    /** Refines proposals on 24x24 crops. */
    public static final BundledModel RNET = new BundledModel("rnet", ARTIFACT, MtcnnModels.class, FOLDER);
    /** Final boxes and five landmarks on 48x48 crops. */
    public static final BundledModel ONET = new BundledModel("onet", ARTIFACT, MtcnnModels.class, FOLDER);

    private MtcnnModels() {
    }
}
