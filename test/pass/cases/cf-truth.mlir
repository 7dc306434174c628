// FLAGS: --canonicalize=region-simplify=aggressive
// cf.cond_br truth propagation feeding constant conditions, a repeated condition, and identical
// successors becoming arith.select, which then folds.
func.func @same_cond(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.t"() : () -> ()
  cf.cond_br %c, ^bb3, ^bb4
^bb2:
  "x.f"() : () -> ()
  "x.ret"() : () -> ()
^bb3:
  "x.tt"() : () -> ()
  "x.ret"() : () -> ()
^bb4:
  "x.tf"() : () -> ()
  "x.ret"() : () -> ()
}
func.func @truth(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.use"(%c) : (i1) -> ()
  "x.ret"() : () -> ()
^bb2:
  "x.use"(%c) : (i1) -> ()
  "x.ret"() : () -> ()
}
