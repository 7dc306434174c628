// ARGS: --allow-unregistered-dialect
// ERROR: 5:7: use of value '%0' expects different type than prior uses: 'i64' vs 'i32'
// use type differs from the definition's type
%0 = "x.a"() : () -> i32
"x.b"(%0) : (i64) -> ()
