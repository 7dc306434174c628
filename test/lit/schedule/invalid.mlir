// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(list-schedule{target=a9-none})'

// An unknown target is an error located at the module.

// expected-error@+1 {{list-schedule: no hardware profile 'a9-none' (shipped: a2-910b, a3-die)}}
module {
  tile.program @fwd_rank0 rank 0 ep 1 {
    tile.buffer workspace @h : memref<8x8xbf16>
    %s = tile.swiglu @h[0:8, 0:8] -> @h[0:8, 0:4] {stage = swiglu}
    tile.terminate %s
  }
}
