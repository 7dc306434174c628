// ARGS: --allow-unregistered-dialect
// ERROR: 4:20: expected operation name in quotes
// an error at the start of a line is reported at the end of the previous line, before any '//' on it, even one inside a string (mlir-opt's emitWrongTokenError)
"x.a"() {s = "http://example.com"} : () -> ()
]
