// Pins: a block that branches to itself.
"x.r"() ({
  "x.br"()[^bb1] : () -> ()
^bb1:
  "x.br"()[^bb1] : () -> ()
}) : () -> ()
