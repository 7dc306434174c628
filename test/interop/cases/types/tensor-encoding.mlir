// Pins: tensors with an encoding attribute (string and dialect attribute).
"x.a"() : () -> (tensor<4xf32, "enc">, tensor<?x8xi8, #x.enc<1>>, tensor<4xi32, 7 : i64>)
