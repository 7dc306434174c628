// Pins: NaN and hex bit patterns in small float types.
"x.a"() {a = 0x7E : f8E5M2, b = 0x7F : f8E4M3FN, c = 0x7E00 : f16, d = 0x7FC0 : bf16} : () -> ()
