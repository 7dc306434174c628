// Pins: i1 hex input is bit-packed; 0x00/0xFF are splats, 0x01 is not.
"x.a"() {a = dense<"0x0D"> : tensor<4xi1>, b = dense<"0xFF"> : tensor<8xi1>, c = dense<"0x01"> : tensor<4xi1>, d = dense<"0x00"> : tensor<3xi1>} : () -> ()
