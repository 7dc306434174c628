// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Two AIVs set the same flag id towards their AIC: the AIC cannot tell whose set it takes.
module {
  "queue.program"() <{block_dim = 1 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_w2", type = memref<1x8x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_w", type = memref<1x16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_a", type = memref<16x8xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_h", type = memref<16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_y", type = memref<16x16xbf16>}> : () -> ()
    "queue.event"() <{core = 0 : i64, id = 3 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "a", threshold = 1 : i64}> : () -> ()
    // expected-error @+1 {{id reuse while pending: @a (from rank 0 aiv core 0 sub 0) and @b (from rank 0 aiv core 0 sub 1) both use cross-core flag 3 of AI Core 0 on rank 0 towards rank 0 aic core 0; their sets could interleave}}
    "queue.event"() <{core = 0 : i64, id = 3 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "b", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.wait"() <{event = @a}> : () -> ()
      "aic.wait"() <{event = @b}> : () -> ()
      "aic.gemm"() <{reads = [[@t_a, array<i64: 0, 0>, array<i64: 16, 8>], [@t_w2, array<i64: 0, 0, 0>, array<i64: 1, 8, 16>]], stage = 1 : i64, task = 2 : i64, writes = [[@t_y, array<i64: 0, 0>, array<i64: 16, 16>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.swiglu"() <{reads = [[@t_h, array<i64: 0, 0>, array<i64: 8, 16>]], stage = 2 : i64, task = 0 : i64, writes = [[@t_a, array<i64: 0, 0>, array<i64: 8, 8>]]}> : () -> ()
      "aiv.signal"() <{event = @a}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
      "aiv.swiglu"() <{reads = [[@t_h, array<i64: 8, 0>, array<i64: 8, 16>]], stage = 2 : i64, task = 1 : i64, writes = [[@t_a, array<i64: 8, 0>, array<i64: 8, 8>]]}> : () -> ()
      "aiv.signal"() <{event = @b}> : () -> ()
    }) : () -> ()
  }) : () -> ()
}
