// Pins: successors referring to blocks defined later and earlier.
"x.r"() ({
  "x.br"()[^c] : () -> ()
^a:
  "x.br"()[^b] : () -> ()
^b:
  "x.br"()[^a] : () -> ()
^c:
  "x.br"()[^b] : () -> ()
}) : () -> ()
