// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// A wait on a GM counter nothing signals can never pass.
module {
  "queue.program"() <{block_dim = 2 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_w", type = memref<1x16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_a", type = memref<16x8xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_h", type = memref<16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_x", type = memref<16x16xbf16>}> : () -> ()
    "queue.event"() <{id = 0 : i64, kind = 1 : i64, sym_name = "g", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.gemm"() <{reads = [[@t_x, array<i64: 0, 0>, array<i64: 8, 16>], [@t_w, array<i64: 0, 0, 0>, array<i64: 1, 16, 16>]], stage = 1 : i64, task = 0 : i64, writes = [[@t_h, array<i64: 0, 0>, array<i64: 8, 16>]]}> : () -> ()
    }) : () -> ()
    "aic.queue"() <{core = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 1 : i64, sub = 0 : i64}> ({
      // expected-error @+1 {{'aiv.wait' on rank 0 aiv core 1 sub 0 waits on @g (gm_counter) of rank 0, which nothing signals: the wait can never be satisfied}}
      "aiv.wait"() <{event = @g}> : () -> ()
      "aiv.swiglu"() <{reads = [[@t_h, array<i64: 0, 0>, array<i64: 8, 16>]], stage = 2 : i64, task = 1 : i64, writes = [[@t_a, array<i64: 0, 0>, array<i64: 8, 8>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 1 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
