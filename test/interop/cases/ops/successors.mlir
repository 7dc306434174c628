// Pins: successor lists and // pred: comments.
"x.r"() ({
  "x.br"()[^bb1, ^bb2] : () -> ()
^bb1:
  "x.br"()[^bb2] : () -> ()
^bb2:
  "x.ret"() : () -> ()
}) : () -> ()
