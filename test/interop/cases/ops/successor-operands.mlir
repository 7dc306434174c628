// Pins: branch operands of an unregistered op stay in the operand list.
"x.r"() ({
  %0 = "x.v"() : () -> i32
  "x.br"(%0)[^bb1] : (i32) -> ()
^bb1(%a: i32):
  "x.use"(%a) : (i32) -> ()
}) : () -> ()
