// Pins: values in the 8-bit float types.
"x.a"() {a = 1.5 : f8E5M2, b = 1.5 : f8E4M3FN, c = 2.0 : f8E4M3FNUZ, d = 0.5 : f8E4M3B11FNUZ, e = 1.25 : f8E3M4, f = 4.0 : f8E8M0FNU, g = 3.0 : f8E4M3, h = 1.0 : f8E5M2FNUZ} : () -> ()
