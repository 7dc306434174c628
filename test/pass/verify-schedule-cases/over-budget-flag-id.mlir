// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Flag id 11 is outside the 0..10 generated code may use on a3-die.
module {
  "queue.program"() <{block_dim = 1 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    // expected-error @+1 {{event @f on rank 0: cross-core flag id 11 is outside the budget 0..10 of target a3-die}}
    "queue.event"() <{core = 0 : i64, id = 11 : i64, kind = 0 : i64, mode = 2 : i64, sym_name = "f", threshold = 1 : i64}> : () -> ()
    "aic.queue"() <{core = 0 : i64}> ({
      "aic.gemm"() <{reads = [], stage = 2 : i64, task = 0 : i64, writes = [[@h, array<i64: 0>, array<i64: 8>]]}> : () -> ()
      "aic.signal"() <{event = @f}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
      "aiv.wait"() <{event = @f}> : () -> ()
      "aiv.swiglu"() <{reads = [[@h, array<i64: 0>, array<i64: 8>]], stage = 3 : i64, task = 1 : i64, writes = [[@a, array<i64: 0>, array<i64: 8>]]}> : () -> ()
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
