// Pins: generic scf input printed in custom form; a yield's location and an else-less if.
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
^bb0(%c: i1, %n: index):
  "scf.if"(%c) ({
    "scf.yield"() : () -> () loc("y")
  }, {
  }) : (i1) -> ()
  "scf.for"(%n, %n, %n) ({
  ^bb0(%i: index loc("iv")):
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  "func.return"() : () -> ()
}) : () -> ()
