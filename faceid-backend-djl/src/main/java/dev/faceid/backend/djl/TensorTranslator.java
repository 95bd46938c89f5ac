package dev.faceid.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.faceid.api.backend.FloatTensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves float tensors in and out of the engine and nothing else: no NDArray operation runs here, so no work can be
 * routed to a second engine. Outputs are copied out while the predictor context still holds them. Stateless.
 */
final class TensorTranslator implements NoBatchifyTranslator<FloatTensor, List<FloatTensor>> {

    @Override
    public NDList processInput(TranslatorContext ctx, FloatTensor input) {
        NDArray array = ctx.getNDManager().create(FloatBuffer.wrap(input.data()), new Shape(input.shape()));
        return new NDList(array);
    }

    @Override
    public List<FloatTensor> processOutput(TranslatorContext ctx, NDList list) {
        List<FloatTensor> out = new ArrayList<>(list.size());
        for (NDArray array : list) {
            out.add(FloatTensor.of(array.toFloatArray(), array.getShape().getShape()));
        }
        return out;
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
