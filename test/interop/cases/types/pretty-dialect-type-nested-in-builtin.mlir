// Pins: dialect types nested inside builtin container types.
"x.a"() : () -> (tensor<4x!foo.t<1>>, tuple<!foo.u, !bar<"v">>)
