// Pins: a registered builtin op printed in generic form.
%0 = "x.a"() : () -> i32
%1 = "builtin.unrealized_conversion_cast"(%0) : (i32) -> i64
%2:2 = builtin.unrealized_conversion_cast %1 : i64 to i8, i8
