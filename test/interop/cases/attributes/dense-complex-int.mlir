// Pins: dense complex integer elements (no space after the comma).
"x.a"() {a = dense<[(1, 2), (3, -4)]> : tensor<2xcomplex<i32>>, b = dense<(5, 6)> : tensor<3xcomplex<i8>>} : () -> ()
