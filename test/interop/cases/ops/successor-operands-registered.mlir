// Pins: cf.cond_br folds successor operands into operandSegmentSizes.
"x.r"() ({
^bb0(%c: i1, %v: i32):
  "cf.cond_br"(%c, %v) [^bb1, ^bb2] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
^bb1(%a: i32):
  "x.ret"() : () -> ()
^bb2:
  "x.ret"() : () -> ()
}) : () -> ()
