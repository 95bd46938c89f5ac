"""Rebuild a TFLite graph as a torch.nn.Module, fusing spelt-out ops back.

The TFLite files were produced by TOCO from TensorFlow graphs that had no
native PReLU or softmax, so those appear as chains of elementary ops:

* MTCNN PReLU:         relu(x) + alpha * -relu(-x)
* MobileFaceNet PReLU: relu(x) + c * (x - |x|)          (c = alpha / 2)
* softmax:             exp(x - max(x)) / sum(exp(x - max(x)))

They are matched here and replaced by torch.nn.PReLU and torch.softmax, so
the exported ONNX/TorchScript graphs use single, well-optimised operators.
PReLU must stay PReLU: MTCNN's alphas include negatives and values above 1,
which LeakyReLU (a single slope) cannot express.

Layout: the TFLite graph is NHWC; the torch module is NCHW.  The MTCNN
weights (Zhang et al., via facenet) were trained on transposed images
(width and height swapped).  With ``transposed=True`` that transposition is
folded into the weights (conv kernels get their spatial axes swapped, fully
connected weights are permuted to the new flatten order), so the module
takes images in normal orientation: torch H == graph W and torch W == graph H.
"""

import math

import numpy as np
import torch
import torch.nn as nn


class GraphModule(nn.Module):
    """Executes a fixed list of nodes; every weight lives in a submodule.

    Tracing this module yields a plain linear graph of aten ops, which is
    what both torch.onnx.export and torch.jit.trace need.
    """

    def __init__(self, nodes, input_id, output_ids):
        super().__init__()
        self.nodes = nodes                   # list of (kind, name, input ids, output id)
        self.input_id = input_id
        self.output_ids = list(output_ids)
        self.layers = nn.ModuleDict()

    def forward(self, x):
        env = {self.input_id: x}
        for kind, name, ins, out in self.nodes:
            args = [env[i] for i in ins]
            if kind == "module":
                y = self.layers[name](*args)
            elif kind == "add":
                y = args[0] + args[1]
            elif kind == "softmax":
                # Channel axis in NCHW and class axis for [N, C] alike.
                y = torch.softmax(args[0], dim=1)
            elif kind == "flatten":
                # flatten(1) keeps the batch dimension dynamic in both exports.
                y = torch.flatten(args[0], 1)
            else:
                raise AssertionError(kind)
            env[out] = y
        outs = tuple(env[o] for o in self.output_ids)
        return outs[0] if len(outs) == 1 else outs


def _tf_same_pads(n, k, s):
    """TF "SAME" padding along one axis of size n: (before, after).

    TF puts the odd pixel *after*: a stride-2 3x3 conv on an even size pads
    0 before and 1 after, which symmetric torch padding cannot express.
    """
    out = math.ceil(n / s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


class _Builder:
    def __init__(self, model, prefix, transposed, dynamic_spatial):
        self.m = model
        self.prefix = prefix       # top-level scope to drop from layer names
        self.transposed = transposed
        self.dynamic_spatial = dynamic_spatial
        self.done = set()          # operator indices already absorbed
        self.nodes = []
        self.modules = {}
        self.names = set()
        self.fused = {"prelu": 0, "softmax": 0}

    # ----------------------------------------------------------------- helpers
    # Path components of TFLite tensor names that say nothing about the layer.
    _NOISE = {"BatchNorm", "FusedBatchNorm", "BiasAdd", "add", "Relu"}

    def _name(self, tensor, kind):
        """Stable, readable module name from the TFLite tensor scope, e.g.
        "pnet/conv1/BiasAdd" -> "conv1", "rnet/conv4/conv4" -> "conv4",
        "MobileFaceNet/MobileFaceNet/Conv2d_0/add" -> "conv2d_0_prelu".
        Names end up in the ONNX initializers and TorchScript attributes, so
        they must not depend on anything but the graph."""
        parts = []
        for p in tensor.name.split("/"):
            if p and p != self.prefix and p not in self._NOISE and (not parts or parts[-1] != p):
                parts.append(p)
        base = "".join(c if c.isalnum() else "_" for c in "_".join(parts)).lower() or kind
        if kind not in base:
            base = base + "_" + kind
        name, i = base, 1
        while name in self.names:
            i += 1
            name = "%s_%d" % (base, i)
        self.names.add(name)
        return name

    def _only_consumer(self, tensor, op_name):
        cons = [o for o in self.m.consumers(tensor) if o.index not in self.done]
        if len(cons) != 1 or cons[0].op != op_name:
            return None
        return cons[0]

    def _consumer(self, tensor, op_name, exclude=()):
        for o in self.m.consumers(tensor):
            if o.op == op_name and o.index not in self.done and o not in exclude:
                return o
        return None

    def _add_module(self, name, module, ins, out):
        self.modules[name] = module
        self.nodes.append(("module", name, [t.index for t in ins], out.index))

    def _spatial_perm(self):
        # TFLite conv kernels are [O, KH, KW, I]; torch wants [O, I, KH, KW].
        # Folding the image transposition means swapping KH and KW as well.
        return (0, 3, 2, 1) if self.transposed else (0, 3, 1, 2)

    def _graph_hw(self, tensor):
        _, gh, gw, _ = tensor.shape
        return gh, gw

    def _torch_pair(self, gh_val, gw_val):
        """(graph-H value, graph-W value) -> (torch-H value, torch-W value)."""
        return (gw_val, gh_val) if self.transposed else (gh_val, gw_val)

    # -------------------------------------------------------------- op rules
    def conv(self, op):
        x, w, b = op.inputs
        opt = op.options
        if opt["activation"] is not None or opt["dilation_w"] != 1 or opt["dilation_h"] != 1:
            raise NotImplementedError("fused activation/dilation in %s" % op)
        depthwise = op.op == "DEPTHWISE_CONV_2D"
        wt = torch.from_numpy(np.ascontiguousarray(w.data.transpose(self._spatial_perm())))
        if depthwise:
            # [1, KH, KW, C*mult] became [1, C*mult, KH, KW]; torch wants
            # [C*mult, 1, KH, KW] with groups = input channels.
            wt = wt.permute(1, 0, 2, 3).contiguous()
            groups = x.shape[3]
        else:
            groups = 1
        out_c, _, kh, kw = wt.shape
        in_c = x.shape[3]
        sh, sw = self._torch_pair(opt["stride_h"], opt["stride_w"])
        pads = (0, 0, 0, 0)  # torch order: left, right, top, bottom
        if opt["padding"] == "SAME":
            gh, gw = self._graph_hw(x)
            n_h, n_w = self._torch_pair(gh, gw)
            if self.dynamic_spatial and (sh != 1 or sw != 1):
                raise NotImplementedError("SAME padding with stride > 1 depends on the input size")
            top, bottom = _tf_same_pads(n_h, kh, sh)
            left, right = _tf_same_pads(n_w, kw, sw)
            pads = (left, right, top, bottom)
        conv = GemmConv2d(in_c, out_c, (kh, kw), stride=(sh, sw), groups=groups, bias=b is not None)
        with torch.no_grad():
            conv.weight.copy_(wt)
            if b is not None:
                conv.bias.copy_(torch.from_numpy(b.data))
        name = self._name(op.outputs[0], "conv")
        if pads[0] == pads[1] and pads[2] == pads[3]:
            conv.padding = (pads[2], pads[0])
            module = conv
        else:
            # Asymmetric TF padding: explicit zero pad, then an unpadded conv.
            module = nn.Sequential(nn.ZeroPad2d(pads), conv)
        self._add_module(name, module, [x], op.outputs[0])

    def pool(self, op):
        x = op.inputs[0]
        opt = op.options
        if op.op != "MAX_POOL_2D" or opt["activation"] is not None:
            raise NotImplementedError(str(op))
        kh, kw = self._torch_pair(opt["filter_h"], opt["filter_w"])
        sh, sw = self._torch_pair(opt["stride_h"], opt["stride_w"])
        ceil_mode = False
        if opt["padding"] == "SAME":
            # TF SAME max pooling pads at most one cell *after* (ignored by the
            # max); torch's ceil_mode gives the same windows exactly when the
            # total padding is <= 1, i.e. nothing is padded *before*.
            ceil_mode = True
            if self.dynamic_spatial:
                if max(kh, kw) > 2:
                    raise NotImplementedError("SAME pool %s would need size-dependent padding" % op)
            else:
                for n, k, s in zip(self._torch_pair(*self._graph_hw(x)), (kh, kw), (sh, sw)):
                    before, after = _tf_same_pads(n, k, s)
                    if before != 0 or after > 1:
                        raise NotImplementedError("SAME pool padding (%d,%d)" % (before, after))
                    assert math.ceil((n - k) / s) + 1 == math.ceil(n / s)
        self._add_module(self._name(op.outputs[0], "pool"),
                         nn.MaxPool2d((kh, kw), (sh, sw), ceil_mode=ceil_mode), [x], op.outputs[0])

    def fully_connected(self, op):
        x, w, b = op.inputs
        if op.options["activation"] is not None or op.options["keep_num_dims"]:
            raise NotImplementedError(str(op))
        wd = w.data
        src = x
        if len(x.shape) == 4:
            # TFLite flattens NHWC in (h, w, c) order; torch flattens NCHW in
            # (c, h, w) order.  Permute the weight columns once, here, instead
            # of transposing the activation at run time.
            _, gh, gw, c = x.shape
            wd = wd.reshape(wd.shape[0], gh, gw, c).transpose(self._spatial_perm()).reshape(wd.shape[0], -1)
            flat_id = -1000 - op.index   # synthetic id for the flattened tensor
            self.nodes.append(("flatten", None, [x.index], flat_id))
            src = _Synthetic(flat_id)
        lin = RowLinear(wd.shape[1], wd.shape[0], bias=b is not None)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(np.ascontiguousarray(wd)))
            if b is not None:
                lin.bias.copy_(torch.from_numpy(b.data))
        self._add_module(self._name(op.outputs[0], "fc"), lin, [src], op.outputs[0])

    def relu_or_prelu(self, op):
        x = op.inputs[0]
        relu_out = op.outputs[0]
        neg = self._consumer(x, "NEG")
        ab = self._consumer(x, "ABS")
        if neg is not None:
            # relu(x) + alpha * -relu(-x)
            r2 = self._only_consumer(neg.outputs[0], "RELU")
            n2 = r2 and self._only_consumer(r2.outputs[0], "NEG")
            mul = n2 and self._only_consumer(n2.outputs[0], "MUL")
            alpha = mul and _const_operand(mul, n2.outputs[0])
            chain, scale = [neg, r2, n2, mul], 1.0
        elif ab is not None:
            # relu(x) + c * (x - |x|) == relu(x) + 2c * min(x, 0)
            sub = self._only_consumer(ab.outputs[0], "SUB")
            ok = sub is not None and sub.inputs[0] is x and sub.inputs[1] is ab.outputs[0]
            mul = ok and self._only_consumer(sub.outputs[0], "MUL")
            alpha = mul and _const_operand(mul, sub.outputs[0])
            chain, scale = [ab, sub, mul], 2.0
        else:
            self._add_module(self._name(relu_out, "relu"), nn.ReLU(), [x], relu_out)
            return
        if alpha is None or alpha is False:
            raise NotImplementedError("unrecognised PReLU pattern at %s" % op)
        add = self._consumer(relu_out, "ADD")
        if add is None or set(t.index for t in add.inputs) != {relu_out.index, mul.outputs[0].index}:
            raise NotImplementedError("unrecognised PReLU pattern at %s" % op)
        alpha = np.asarray(alpha, dtype=np.float32).reshape(-1) * np.float32(scale)
        prelu = nn.PReLU(num_parameters=alpha.size)
        with torch.no_grad():
            prelu.weight.copy_(torch.from_numpy(alpha))
        for o in chain + [add]:
            self.done.add(o.index)
        self.fused["prelu"] += 1
        self._add_module(self._name(add.outputs[0], "prelu"), prelu, [x], add.outputs[0])

    def softmax(self, op):
        # REDUCE_MAX(x) -> SUB(x, max) -> EXP -> SUM -> DIV(exp, sum)
        x, axis = op.inputs
        rank = len(x.shape)
        ax = int(np.asarray(axis.data).reshape(-1)[0])
        if ax % rank != rank - 1 or not op.options.get("keep_dims"):
            raise NotImplementedError("softmax over a non-channel axis")
        sub = self._only_consumer(op.outputs[0], "SUB")
        exp = sub and self._only_consumer(sub.outputs[0], "EXP")
        ssum = exp and self._consumer(exp.outputs[0], "SUM")
        div = ssum and self._only_consumer(ssum.outputs[0], "DIV")
        if not div or sub.inputs[0] is not x or div.inputs[0] is not exp.outputs[0]:
            raise NotImplementedError("unrecognised softmax pattern at %s" % op)
        for o in (sub, exp, ssum, div):
            self.done.add(o.index)
        self.fused["softmax"] += 1
        self.nodes.append(("softmax", None, [x.index], div.outputs[0].index))

    def add(self, op):
        a, b = op.inputs
        if a.data is not None or b.data is not None or op.options["activation"] is not None:
            raise NotImplementedError(str(op))
        self.nodes.append(("add", None, [a.index, b.index], op.outputs[0].index))

    def reshape(self, op):
        x = op.inputs[0]
        out = op.outputs[0]
        # Only [N, 1, 1, C] -> [N, C] occurs (MobileFaceNet's SpatialSqueeze);
        # the graph hard-codes N = 2, flatten(1) keeps the batch dynamic.
        if len(x.shape) != 4 or x.shape[1:3] != (1, 1) or out.shape != (x.shape[0], x.shape[3]):
            raise NotImplementedError(str(op))
        self.nodes.append(("flatten", None, [x.index], out.index))

    def build(self):
        rules = {"CONV_2D": self.conv, "DEPTHWISE_CONV_2D": self.conv,
                 "MAX_POOL_2D": self.pool, "FULLY_CONNECTED": self.fully_connected,
                 "RELU": self.relu_or_prelu, "REDUCE_MAX": self.softmax,
                 "ADD": self.add, "RESHAPE": self.reshape}
        for op in self.m.operators:
            if op.index in self.done:
                continue
            if op.op not in rules:
                raise NotImplementedError("no rule for %s (op %d)" % (op.op, op.index))
            self.done.add(op.index)
            rules[op.op](op)
        if len(self.m.inputs) != 1:
            raise NotImplementedError("expected a single input")
        gm = GraphModule(self.nodes, self.m.inputs[0].index, [t.index for t in self.m.outputs])
        for name, mod in self.modules.items():
            gm.layers[name] = mod
        return gm.eval()


class GemmConv2d(nn.Conv2d):
    """A convolution that TorchScript can pin to PyTorch's own im2col + GEMM kernel.

    With ``gemm`` set, tracing records ``aten::thnn_conv2d`` instead of
    ``aten::_convolution``.  libtorch sends ``_convolution`` on float CPU
    tensors with a batch above 1 (or a large image) to oneDNN, whose direct
    JIT kernels gave wrong, run-dependent MTCNN outputs on some AVX-512 CPUs
    (issue #11); ``thnn_conv2d`` never enters oneDNN and computes each image
    of a batch alone, so a crop gets the same bits whatever batch it is in.
    ONNX has no such op, so the flag is off for the ONNX export.
    """

    gemm = False

    def forward(self, x):
        if not self.gemm:
            return super().forward(x)
        return torch._C._nn.thnn_conv2d(x, self.weight, list(self.kernel_size), self.bias,
                                        list(self.stride), list(self.padding))


class RowLinear(nn.Linear):
    """A fully connected layer that TorchScript can compute one row at a time.

    With ``gemm`` set, tracing records a batched matrix product of each row
    with the weights (``aten::bmm``) instead of ``aten::linear``: one GEMM over
    the whole batch picks its kernel and summation order by batch size, so a
    crop's scores changed in the last bits with the batch it was in.  ONNX
    Runtime's Gemm is batch-invariant already, so the flag is off for ONNX.
    """

    gemm = False

    def forward(self, x):
        if not self.gemm:
            return super().forward(x)
        w = self.weight.t().unsqueeze(0).expand(x.shape[0], -1, -1)
        y = torch.bmm(x.unsqueeze(1), w).squeeze(1)
        return y if self.bias is None else y + self.bias


def set_gemm_convolutions(module, enabled):
    """Pins (or unpins) every regular convolution and fully connected layer of
    ``module`` to per-image GEMM kernels."""
    for m in module.modules():
        if isinstance(m, GemmConv2d) and m.groups == 1 or isinstance(m, RowLinear):
            m.gemm = enabled


class _Synthetic:
    """Stand-in for a tensor that only exists on the torch side."""

    def __init__(self, index):
        self.index = index


def _const_operand(op, activation):
    """The constant operand of a binary op whose other operand is given."""
    a, b = op.inputs
    other = b if a is activation else a
    return other.data if other.data is not None else None


def build_module(model, prefix="", transposed=False, dynamic_spatial=False):
    """Returns (module, fused-op counts)."""
    b = _Builder(model, prefix, transposed, dynamic_spatial)
    module = b.build()
    return module, dict(b.fused)
