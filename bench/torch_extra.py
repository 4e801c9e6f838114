"""PyTorch side of nabla's own bench rows that the shared anchor script (bench_torch.py) lacks.

  /usr/bin/python3 bench/torch_extra.py mlp_bn [--threads N] [--variant NAME]

mlp_bn: the MNIST MLP 784-256-BN-ReLU-Dropout(0.2)-128-BN-ReLU-10, Adam lr 1e-3, batch 128, one
epoch, written as the anchor's mlp loop (randperm batches, forward, cross-entropy, zero_grad,
backward, step). Prints `RESULT {json}` lines in the anchor's format. MNIST from $MNIST_DIR.
"""
import argparse
import json
import os
import resource
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(name):
    with open(os.path.join(os.environ["MNIST_DIR"], name), "rb") as f:
        buf = f.read()
    ndim = buf[3]
    dims = [int.from_bytes(buf[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(split):
    pre = "train" if split == "train" else "t10k"
    x = read_idx(f"{pre}-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255.0
    y = read_idx(f"{pre}-labels-idx1-ubyte").astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def emit(args, bench, metric, value, unit):
    rec = {"peer": "torch", "variant": args.variant, "threads": torch.get_num_threads(), "bench": bench,
           "metric": metric, "value": value, "unit": unit}
    print("RESULT " + json.dumps(rec), flush=True)


def bench_mlp_bn(args):
    torch.manual_seed(0)
    xtr, ytr = load("train")
    xte, yte = load("test")
    model = nn.Sequential(
        nn.Linear(784, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(256, 128), nn.BatchNorm1d(128), nn.ReLU(),
        nn.Linear(128, 10),
    )
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    bs, n = 128, xtr.shape[0]
    model.train()
    t0 = time.perf_counter()
    perm = torch.randperm(n)
    for i in range(0, n, bs):
        idx = perm[i:i + bs]
        loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    dt = time.perf_counter() - t0
    model.eval()
    with torch.no_grad():
        acc = sum((model(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum().item() for i in range(0, xte.shape[0], 1000)) / xte.shape[0]
    emit(args, "mlp_bn", "epoch1_s", dt, "s")
    emit(args, "mlp_bn", "test_acc_1ep", acc, "fraction")
    emit(args, "mlp_bn", "peak_rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, "MB")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("bench", choices=["mlp_bn"])
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--variant", default="debian")
    p.add_argument("--epochs", type=int, default=1)
    args = p.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    globals()["bench_" + args.bench](args)


if __name__ == "__main__":
    main()
