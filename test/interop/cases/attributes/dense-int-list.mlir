// Pins: dense integer elements as nested lists.
"x.a"() {a = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, b = dense<[-1, 0, 1]> : vector<3xi8>} : () -> ()
