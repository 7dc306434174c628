// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Each core waits for a signal the other raises only after its own wait.
module {
  "queue.program"() <{block_dim = 1 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_w", type = memref<1x16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_a", type = memref<16x8xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_h", type = memref<16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_x", type = memref<16x16xbf16>}> : () -> ()
    "queue.event"() <{core = 0 : i64, id = 0 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "x", threshold = 1 : i64}> : () -> ()
    "queue.event"() <{core = 0 : i64, id = 1 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "y", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      // expected-error @+1 {{deadlock: cyclic wait: rank 0 aic core 0 waits on @x, then rank 0 aiv core 0 sub 0 waits on @y, which is signalled only after the first wait passes}}
      "aic.wait"() <{event = @x}> : () -> ()
      "aic.gemm"() <{reads = [[@t_x, array<i64: 0, 0>, array<i64: 8, 16>], [@t_w, array<i64: 0, 0, 0>, array<i64: 1, 16, 16>]], stage = 1 : i64, task = 0 : i64, writes = [[@t_h, array<i64: 0, 0>, array<i64: 8, 16>]]}> : () -> ()
      "aic.signal"() <{event = @y}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.wait"() <{event = @y}> : () -> ()
      "aiv.swiglu"() <{reads = [[@t_h, array<i64: 0, 0>, array<i64: 8, 16>]], stage = 2 : i64, task = 1 : i64, writes = [[@t_a, array<i64: 0, 0>, array<i64: 8, 8>]]}> : () -> ()
      "aiv.signal"() <{event = @x}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
