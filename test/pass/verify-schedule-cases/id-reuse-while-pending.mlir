// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Two AIVs set the same flag id towards their AIC: the AIC cannot tell whose set it takes.
module {
  "queue.program"() <{block_dim = 1 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "queue.event"() <{core = 0 : i64, id = 3 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "a", threshold = 1 : i64}> : () -> ()
    // expected-error @+1 {{id reuse while pending: @a (from rank 0 aiv core 0 sub 0) and @b (from rank 0 aiv core 0 sub 1) both use cross-core flag 3 of AI Core 0 on rank 0 towards rank 0 aic core 0; their sets could interleave}}
    "queue.event"() <{core = 0 : i64, id = 3 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "b", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.wait"() <{event = @a}> : () -> ()
      "aic.wait"() <{event = @b}> : () -> ()
      "aic.gemm"() <{reads = [[@a, array<i64: 0>, array<i64: 16>]], stage = 2 : i64, task = 2 : i64, writes = [[@y, array<i64: 0>, array<i64: 16>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.swiglu"() <{reads = [[@h, array<i64: 0>, array<i64: 8>]], stage = 3 : i64, task = 0 : i64, writes = [[@a, array<i64: 0>, array<i64: 8>]]}> : () -> ()
      "aiv.signal"() <{event = @a}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
      "aiv.swiglu"() <{reads = [[@h, array<i64: 8>, array<i64: 8>]], stage = 3 : i64, task = 1 : i64, writes = [[@a, array<i64: 8>, array<i64: 8>]]}> : () -> ()
      "aiv.signal"() <{event = @b}> : () -> ()
    }) : () -> ()
  }) : () -> ()
}
