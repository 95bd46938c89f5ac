"""Literal, op-by-op float64 execution of a TFLite graph in numpy.

Why: it gives the converter a self-check that needs no external reference
data.  It runs the *unfused* graph exactly as TFLite defines it (NHWC, TF
"SAME" padding computed per op, the spelt-out PReLU and softmax chains,
transposed input for MTCNN), so any mistake in pattern fusion, padding or
weight permutation in graph_to_torch.py shows up as a mismatch.  It is slow
and only meant for small inputs.
"""

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _same_pads(n, k, s):
    out = math.ceil(n / s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def _windows(x, kh, kw, sh, sw, padding, fill):
    """NHWC -> [N, OH, OW, C, KH, KW] windows with TF padding semantics."""
    if padding == "SAME":
        ph = _same_pads(x.shape[1], kh, sh)
        pw = _same_pads(x.shape[2], kw, sw)
        x = np.pad(x, ((0, 0), ph, pw, (0, 0)), constant_values=fill)
    win = sliding_window_view(x, (kh, kw), axis=(1, 2))
    return win[:, ::sh, ::sw]


def _conv(x, w, b, opt, depthwise):
    kh, kw = w.shape[1], w.shape[2]
    win = _windows(x, kh, kw, opt["stride_h"], opt["stride_w"], opt["padding"], 0.0)
    if depthwise:
        y = np.einsum("nhwckl,klc->nhwc", win, w[0], optimize=True)
    else:
        y = np.einsum("nhwckl,oklc->nhwo", win, w, optimize=True)
    return y + b if b is not None else y


def run(model, x):
    """x: float array in the graph's NHWC layout (any batch, any H/W the
    graph allows).  Returns the graph outputs, in graph order, as float64."""
    for op in model.operators:
        if op.options.get("activation") is not None:
            raise NotImplementedError("fused activation in %s" % op)
    env = {model.inputs[0].index: np.asarray(x, dtype=np.float64)}

    def val(t):
        return t.data.astype(np.float64) if t.data is not None else env[t.index]

    for op in model.operators:
        ins = [val(t) if t is not None else None for t in op.inputs]
        o = op.options
        if op.op in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            y = _conv(ins[0], ins[1], ins[2], o, op.op == "DEPTHWISE_CONV_2D")
        elif op.op == "MAX_POOL_2D":
            win = _windows(ins[0], o["filter_h"], o["filter_w"], o["stride_h"], o["stride_w"],
                           o["padding"], -np.inf)
            y = win.max(axis=(4, 5))
        elif op.op == "FULLY_CONNECTED":
            flat = ins[0].reshape(ins[0].shape[0], -1)
            y = flat @ ins[1].T + (ins[2] if ins[2] is not None else 0.0)
        elif op.op == "RELU":
            y = np.maximum(ins[0], 0.0)
        elif op.op == "NEG":
            y = -ins[0]
        elif op.op == "ABS":
            y = np.abs(ins[0])
        elif op.op == "EXP":
            y = np.exp(ins[0])
        elif op.op in ("ADD", "SUB", "MUL", "DIV"):
            fn = {"ADD": np.add, "SUB": np.subtract, "MUL": np.multiply, "DIV": np.divide}[op.op]
            y = fn(ins[0], ins[1])
        elif op.op in ("REDUCE_MAX", "SUM"):
            axes = tuple(int(a) for a in np.asarray(ins[1]).reshape(-1))
            fn = np.max if op.op == "REDUCE_MAX" else np.sum
            y = fn(ins[0], axis=axes, keepdims=o["keep_dims"])
        elif op.op == "RESHAPE":
            # The graph's first dimension is its fixed batch; keep ours.
            shape = list(o["new_shape"] or np.asarray(ins[1]).reshape(-1))
            y = ins[0].reshape([ins[0].shape[0]] + [int(d) for d in shape[1:]])
        else:
            raise NotImplementedError(op.op)
        env[op.outputs[0].index] = y
    return [env[t.index] for t in model.outputs]
