// ARGS: --allow-unregistered-dialect
// ERROR: 4:32: tensor literal is invalid; ranks are not consistent between elements
// ragged nested list
"x.a"() {v = dense<[[1, 2], [3]]> : tensor<2x2xi32>} : () -> ()
