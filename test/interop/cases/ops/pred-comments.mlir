// Pins: 1 pred, N preds (sorted, with duplicates) and no predecessors.
"x.r"() ({
  "x.br"()[^bb2, ^bb1] : () -> ()
^bb1:
  "x.br"()[^bb2, ^bb2] : () -> ()
^bb2:
  "x.ret"() : () -> ()
^bb3:
  "x.ret"() : () -> ()
}) : () -> ()
