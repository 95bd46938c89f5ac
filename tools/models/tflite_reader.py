"""Minimal, dependency-free reader for TensorFlow Lite flatbuffer models.

Why hand-written: neither tensorflow nor the tflite python package is available
from the registries this project may use, and the converter only needs a small,
read-only slice of the TFLite schema (operators, tensors, buffers and the few
builtin option tables used by MTCNN and MobileFaceNet).  Field numbers below
follow tensorflow/lite/schema/schema.fbs.
"""

import struct

import numpy as np

# BuiltinOperator enum values (schema.fbs) for the ops these models may use.
BUILTIN_OPS = {
    0: "ADD", 1: "AVERAGE_POOL_2D", 2: "CONCATENATION", 3: "CONV_2D",
    4: "DEPTHWISE_CONV_2D", 9: "FULLY_CONNECTED", 11: "L2_NORMALIZATION",
    14: "LOGISTIC", 17: "MAX_POOL_2D", 18: "MUL", 19: "RELU", 21: "RELU6",
    22: "RESHAPE", 25: "SOFTMAX", 28: "TANH", 32: "CUSTOM", 34: "PAD",
    39: "TRANSPOSE", 40: "MEAN", 41: "SUB", 42: "DIV", 43: "SQUEEZE",
    45: "STRIDED_SLICE", 47: "EXP", 54: "PRELU", 55: "MAXIMUM", 57: "MINIMUM",
    59: "NEG", 60: "PADV2", 65: "SLICE", 74: "SUM", 76: "RSQRT",
    82: "REDUCE_MAX", 83: "PACK", 88: "UNPACK", 98: "LEAKY_RELU", 101: "ABS",
}

# TensorType enum -> numpy dtype (only the types that can occur here).
TENSOR_TYPES = {0: np.float32, 1: np.float16, 2: np.int32, 3: np.uint8,
                4: np.int64, 9: np.int8}

PADDING = {0: "SAME", 1: "VALID"}
ACTIVATION = {0: None, 1: "RELU", 2: "RELU_N1_TO_1", 3: "RELU6", 4: "TANH",
              5: "SIGN_BIT", 6: "SIGMOID"}


class _Table:
    """A flatbuffer table: resolves fields through its vtable."""

    def __init__(self, buf, pos):
        self.buf = buf
        self.pos = pos
        vtable = pos - struct.unpack_from("<i", buf, pos)[0]
        self.vt_size = struct.unpack_from("<H", buf, vtable)[0]
        self.vtable = vtable

    def _field(self, index):
        # Field slot i lives at vtable + 4 + 2*i; absent when outside the
        # vtable or zero (then the schema default applies).
        slot = 4 + 2 * index
        if slot >= self.vt_size:
            return None
        off = struct.unpack_from("<H", self.buf, self.vtable + slot)[0]
        return self.pos + off if off else None

    def scalar(self, index, fmt, default=0):
        p = self._field(index)
        return default if p is None else struct.unpack_from("<" + fmt, self.buf, p)[0]

    def _indirect(self, index):
        p = self._field(index)
        return None if p is None else p + struct.unpack_from("<I", self.buf, p)[0]

    def table(self, index):
        p = self._indirect(index)
        return None if p is None else _Table(self.buf, p)

    def string(self, index):
        p = self._indirect(index)
        if p is None:
            return None
        n = struct.unpack_from("<I", self.buf, p)[0]
        return bytes(self.buf[p + 4:p + 4 + n]).decode("utf-8")

    def vector(self, index, fmt):
        """Vector of scalars, returned as a tuple."""
        p = self._indirect(index)
        if p is None:
            return ()
        n = struct.unpack_from("<I", self.buf, p)[0]
        return struct.unpack_from("<%d%s" % (n, fmt), self.buf, p + 4)

    def raw_bytes(self, index):
        p = self._indirect(index)
        if p is None:
            return b""
        n = struct.unpack_from("<I", self.buf, p)[0]
        return bytes(self.buf[p + 4:p + 4 + n])

    def tables(self, index):
        """Vector of tables (each element is an offset relative to itself)."""
        p = self._indirect(index)
        if p is None:
            return []
        n = struct.unpack_from("<I", self.buf, p)[0]
        out = []
        for i in range(n):
            e = p + 4 + 4 * i
            out.append(_Table(self.buf, e + struct.unpack_from("<I", self.buf, e)[0]))
        return out


class Tensor:
    def __init__(self, index, name, shape, dtype, data, quantized):
        self.index = index
        self.name = name
        self.shape = tuple(shape)
        self.dtype = dtype
        self.data = data          # numpy array for constants, else None
        self.quantized = quantized

    def __repr__(self):
        kind = "const" if self.data is not None else "act"
        return "T%d(%s %s %s)" % (self.index, self.name, list(self.shape), kind)


class Operator:
    def __init__(self, index, op, inputs, outputs, options):
        self.index = index
        self.op = op              # e.g. "CONV_2D"
        self.inputs = inputs      # list of Tensor (None for optional -1 inputs)
        self.outputs = outputs
        self.options = options    # dict of decoded builtin options

    def __repr__(self):
        return "%s %s -> %s %s" % (self.op, self.inputs, self.outputs, self.options)


def _decode_options(op, t):
    """Decode the builtin option tables that matter for the conversion."""
    if t is None:
        return {}
    if op == "CONV_2D":
        return {"padding": PADDING[t.scalar(0, "b")], "stride_w": t.scalar(1, "i"),
                "stride_h": t.scalar(2, "i"), "activation": ACTIVATION[t.scalar(3, "b")],
                "dilation_w": t.scalar(4, "i", 1), "dilation_h": t.scalar(5, "i", 1)}
    if op == "DEPTHWISE_CONV_2D":
        return {"padding": PADDING[t.scalar(0, "b")], "stride_w": t.scalar(1, "i"),
                "stride_h": t.scalar(2, "i"), "depth_multiplier": t.scalar(3, "i"),
                "activation": ACTIVATION[t.scalar(4, "b")],
                "dilation_w": t.scalar(5, "i", 1), "dilation_h": t.scalar(6, "i", 1)}
    if op in ("MAX_POOL_2D", "AVERAGE_POOL_2D"):
        return {"padding": PADDING[t.scalar(0, "b")], "stride_w": t.scalar(1, "i"),
                "stride_h": t.scalar(2, "i"), "filter_w": t.scalar(3, "i"),
                "filter_h": t.scalar(4, "i"), "activation": ACTIVATION[t.scalar(5, "b")]}
    if op == "FULLY_CONNECTED":
        return {"activation": ACTIVATION[t.scalar(0, "b")],
                "weights_format": t.scalar(1, "b"), "keep_num_dims": bool(t.scalar(2, "B"))}
    if op in ("ADD", "MUL", "SUB", "DIV", "CONCATENATION"):
        if op == "CONCATENATION":
            return {"axis": t.scalar(0, "i"), "activation": ACTIVATION[t.scalar(1, "b")]}
        return {"activation": ACTIVATION[t.scalar(0, "b")]}
    if op == "SOFTMAX":
        return {"beta": t.scalar(0, "f", 0.0)}
    if op == "RESHAPE":
        return {"new_shape": t.vector(0, "i")}
    if op in ("MEAN", "SUM", "REDUCE_MAX"):
        return {"keep_dims": bool(t.scalar(0, "B"))}
    if op == "L2_NORMALIZATION":
        return {"activation": ACTIVATION[t.scalar(0, "b")]}
    return {}


class Model:
    """The first subgraph of a .tflite file, with constant tensors as numpy."""

    def __init__(self, data):
        buf = memoryview(data)
        if bytes(buf[4:8]) != b"TFL3":
            raise ValueError("not a TFLite flatbuffer (identifier %r)" % bytes(buf[4:8]))
        root = _Table(buf, struct.unpack_from("<I", buf, 0)[0])
        self.version = root.scalar(0, "I")
        self.description = root.string(3)
        opcodes = []
        for oc in root.tables(1):
            # builtin_code (field 3) superseded the deprecated int8 field 0
            # for codes > 127; take the larger of the two as the schema says.
            code = max(oc.scalar(0, "b"), oc.scalar(3, "i"))
            name = BUILTIN_OPS.get(code, "BUILTIN_%d" % code)
            if name == "CUSTOM":
                name = "CUSTOM:" + (oc.string(1) or "")
            opcodes.append(name)
        buffers = [b.raw_bytes(0) for b in root.tables(4)]
        subgraphs = root.tables(2)
        if len(subgraphs) != 1:
            raise ValueError("expected exactly one subgraph, found %d" % len(subgraphs))
        sg = subgraphs[0]
        self.tensors = []
        for i, t in enumerate(sg.tables(0)):
            shape = t.vector(0, "i")
            ttype = t.scalar(1, "b")
            if ttype not in TENSOR_TYPES:
                raise ValueError("unsupported tensor type %d" % ttype)
            dtype = TENSOR_TYPES[ttype]
            raw = buffers[t.scalar(2, "I")]
            q = t.table(4)
            # A quantization table may exist but be empty; it only matters
            # when it carries scales.
            quantized = q is not None and len(q.vector(2, "f")) > 0
            arr = None
            if raw:
                arr = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
            self.tensors.append(Tensor(i, t.string(3), shape, dtype, arr, quantized))
        self.inputs = [self.tensors[i] for i in sg.vector(1, "i")]
        self.outputs = [self.tensors[i] for i in sg.vector(2, "i")]
        self.operators = []
        for i, o in enumerate(sg.tables(3)):
            op = opcodes[o.scalar(0, "I")]
            ins = [self.tensors[j] if j >= 0 else None for j in o.vector(1, "i")]
            outs = [self.tensors[j] for j in o.vector(2, "i")]
            self.operators.append(Operator(i, op, ins, outs, _decode_options(op, o.table(4))))

    @classmethod
    def load(cls, path):
        with open(path, "rb") as f:
            return cls(f.read())

    def producer(self, tensor):
        for op in self.operators:
            if tensor in op.outputs:
                return op
        return None

    def consumers(self, tensor):
        return [op for op in self.operators if tensor in op.inputs]
