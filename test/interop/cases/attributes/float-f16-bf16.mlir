// Pins: half-precision values, including the f16 maximum.
"x.a"() {a = 65504.0 : f16, b = 1.5 : bf16, c = 0.1 : bf16, d = 0.1 : f16} : () -> ()
