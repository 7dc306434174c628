// ARGS: --allow-unregistered-dialect
// ERROR: 4:21: unbalanced '(' character in pretty dialect name
// unclosed '(' in a pretty dialect type body
"x.a"() : () -> !x.t<a(b>
