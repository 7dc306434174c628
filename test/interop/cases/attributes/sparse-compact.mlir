// Pins: single-index sparse elements print in compact form.
"x.a"() {a = sparse<[[0, 1]], [2.5]> : tensor<2x2xf32>, b = sparse<[1], [7]> : tensor<4xi8>} : () -> ()
