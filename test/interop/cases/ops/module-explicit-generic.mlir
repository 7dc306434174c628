// Pins: a single explicit builtin.module is the root.
"builtin.module"() ({
  "x.a"() : () -> ()
}) : () -> ()
