// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// 25 blocks do not fit the 24 AI Cores of a3-die at once.
module {
// expected-error @+1 {{rank 0 launches block_dim 25 but target a3-die has 24 AI Cores: not every queue would be resident, so a wait could block a core whose signaller never starts (co-residency)}}
  "queue.program"() <{block_dim = 25 : i64, ep = 1 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
    "aic.queue"() <{core = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 2 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 3 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 4 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 5 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 6 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 7 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 8 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 9 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 10 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 11 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 12 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 13 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 14 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 15 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 16 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 17 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 18 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 19 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 20 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 21 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 22 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 23 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aic.queue"() <{core = 24 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 1 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 1 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 2 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 2 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 3 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 3 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 4 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 4 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 5 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 5 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 6 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 6 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 7 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 7 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 8 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 8 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 9 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 9 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 10 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 10 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 11 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 11 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 12 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 12 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 13 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 13 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 14 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 14 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 15 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 15 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 16 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 16 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 17 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 17 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 18 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 18 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 19 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 19 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 20 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 20 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 21 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 21 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 22 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 22 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 23 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 23 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 24 : i64, sub = 0 : i64}> ({
    ^bb0:
    }) : () -> ()
    "aiv.queue"() <{core = 24 : i64, sub = 1 : i64}> ({
    ^bb0:
    }) : () -> ()
  }) : () -> ()
}
