// Pins: the location given on an explicit builtin.module.
"builtin.module"() ({
  "x.a"() : () -> ()
}) : () -> () loc("mod.c":9:9)
