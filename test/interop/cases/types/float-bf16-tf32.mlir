// Pins: the bf16 and tf32 float types.
"x.a"() : () -> (bf16, tf32)
