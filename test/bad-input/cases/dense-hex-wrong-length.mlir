// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: elements hex data size is invalid for provided type: 'tensor<4xi32>'
// hex data of 2 bytes for tensor<4xi32>
"x.a"() {v = dense<"0x0102"> : tensor<4xi32>} : () -> ()
