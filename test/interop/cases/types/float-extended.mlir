// Pins: the extended float types f80 and f128.
"x.a"() : () -> (f80, f128)
