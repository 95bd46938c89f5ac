package dev.faceid.backend.pytorch.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import dev.faceid.models.mtcnn.MtcnnModels;
import dev.faceid.testkit.Golden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * This artifact pins DJL 0.33 (the newest with CUDA natives for PyTorch) nearest to the user, so a user who adds the
 * ONNX backend beside it runs DJL 0.36's ONNX Runtime engine on DJL 0.33's api: the class path this module's tests
 * resolve, as a user's build would.
 */
class MixedDjlVersionsTest {

    @Test
    @DisplayName("With faceid-backend-onnx beside this artifact, both backends start, pass their self-tests and agree")
    void bothBackendsRunSideBySide() {
        FloatTensor crops = Golden.read("rnet_33x3x24x24_in", 33, 3, 24, 24);
        try (InferenceBackend onnx = Registries.backends().forName("onnx").create(BackendOptions.defaults());
             InferenceBackend torch = Registries.backends().forName("pytorch-gpu").create(BackendOptions.defaults())) {
            float[] a = onnx.load(ModelSource.bundled(MtcnnModels.RNET)).run(crops).get(0).data();
            float[] b = torch.load(ModelSource.bundled(MtcnnModels.RNET)).run(crops).get(0).data();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-5, "rnet prob " + i);
            }
        }
    }
}
