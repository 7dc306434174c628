// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Rank 1's put lands in rank 0's @xin, but rank 0 waits on an event nothing of rank 1 raises.
module {
  "queue.program"() <{block_dim = 1 : i64, ep = 2 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_w", type = memref<1x16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_h", type = memref<16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 3 : i64, sym_name = "t_xin", type = memref<16x16xbf16>}> : () -> ()
    "queue.event"() <{id = 0 : i64, kind = 2 : i64, sym_name = "r", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.wait"() <{event = @r}> : () -> ()
      // expected-error @+1 {{unguarded read: task 1 (aic.gemm) on rank 0 aic core 0 reads @t_xin[0:8, 0:16], written (a put from another rank) by task 0 (aiv.put) on rank 1 aiv core 0 sub 0 as @t_xin[0:8, 0:16], with no chain of queue order and waits from the writer to the reader}}
      "aic.gemm"() <{reads = [[@t_xin, array<i64: 0, 0>, array<i64: 8, 16>], [@t_w, array<i64: 0, 0, 0>, array<i64: 1, 16, 16>]], stage = 1 : i64, task = 1 : i64, writes = [[@t_h, array<i64: 0, 0>, array<i64: 8, 16>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.signal_remote"() <{event = @r, peer = 0 : i64}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
  "queue.program"() <{block_dim = 1 : i64, ep = 2 : i64, policy = 0 : i64, rank = 1 : i64, sym_name = "fwd_rank1", target = "a3-die"}> ({
    "tile.buffer"() <{kind = 0 : i64, sym_name = "t_x", type = memref<16x16xbf16>}> : () -> ()
    "tile.buffer"() <{kind = 2 : i64, sym_name = "t_xin", type = memref<16x16xbf16>}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.put"() <{bytes = 1024 : i64, peer = 0 : i64, reads = [[@t_x, array<i64: 0, 0>, array<i64: 8, 16>]], signal = 0 : i64, stage = 0 : i64, task = 0 : i64, writes = [[@t_xin, array<i64: 0, 0>, array<i64: 8, 16>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
