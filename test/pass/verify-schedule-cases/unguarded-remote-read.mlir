// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Rank 1's put lands in rank 0's @xin, but rank 0 waits on an event nothing of rank 1 raises.
module {
  "queue.program"() <{block_dim = 1 : i64, ep = 2 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "queue.event"() <{id = 0 : i64, kind = 2 : i64, sym_name = "r", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.wait"() <{event = @r}> : () -> ()
      // expected-error @+1 {{unguarded read: task 1 (aic.gemm) on rank 0 aic core 0 reads @xin[0:8], written (a put from another rank) by task 0 (aiv.put) on rank 1 aiv core 0 sub 0 as @xin[0:8], with no chain of queue order and waits from the writer to the reader}}
      "aic.gemm"() <{reads = [[@xin, array<i64: 0>, array<i64: 8>]], stage = 2 : i64, task = 1 : i64, writes = [[@h, array<i64: 0>, array<i64: 8>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.signal_remote"() <{event = @r, peer = 0 : i64}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
  "queue.program"() <{block_dim = 1 : i64, ep = 2 : i64, policy = 0 : i64, rank = 1 : i64, sym_name = "fwd_rank1", target = "a3-die"}> ({
    "aic.queue"() <{core = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.put"() <{bytes = 1024 : i64, peer = 0 : i64, reads = [[@x, array<i64: 0>, array<i64: 8>]], signal = 0 : i64, stage = 1 : i64, task = 0 : i64, writes = [[@xin, array<i64: 0>, array<i64: 8>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
