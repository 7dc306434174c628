// Pins: complex types over float and integer elements.
"x.a"() : () -> (complex<f32>, complex<f64>, complex<i8>, complex<bf16>)
