// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// The SwiGLU reads what the GEMM of another AI Core writes, with no event between them.
module {
  "queue.program"() <{block_dim = 2 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.gemm"() <{reads = [], stage = 2 : i64, task = 0 : i64, writes = [[@h, array<i64: 0>, array<i64: 8>]]}> : () -> ()
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
      // expected-error @+1 {{unguarded read: task 1 (aiv.swiglu) on rank 0 aiv core 1 sub 0 reads @h[0:8], written by task 0 (aic.gemm) on rank 0 aic core 0 as @h[0:8], with no chain of queue order and waits from the writer to the reader}}
      "aiv.swiglu"() <{reads = [[@h, array<i64: 0>, array<i64: 8>]], stage = 3 : i64, task = 1 : i64, writes = [[@a, array<i64: 0>, array<i64: 8>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 1 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
