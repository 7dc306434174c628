// Pins: block labels are renumbered ^bbN in order.
"x.r"() ({
  "x.br"()[^exit] : () -> ()
^middle:
  "x.br"()[^exit] : () -> ()
^exit:
  "x.ret"() : () -> ()
}) : () -> ()
