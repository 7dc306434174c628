// Pins: top-level ops are wrapped in an implicit builtin.module.
"x.a"() : () -> ()
"x.b"() : () -> ()
