// Pins: op signatures: a function-type alias, nested function types in inputs and results, function types inside encodings, a comment inside.
!sig = (i32, f32) -> tensor<2xi8>
%0:2 = "x.a"() : () -> (i32, f32)
%1 = "x.b"(%0#0, %0#1) : !sig
%2 = "x.c"(%1) : (tensor<2xi8>) -> ((i32) -> i32)
"x.d"(%2, %1) : ((i32) -> i32, tensor<2xi8>) -> ()
%3 = "x.e"() : () -> tensor<4xi32, #x.enc<(i32) -> (i32, i32)>>
%4 = "x.f"(%3) : (tensor<4xi32, #x.enc<(i32) -> (i32, i32)>>) -> tensor<4xf32, [(f32) -> f32, (i1) -> ()]>
"x.g"(%4, %2) : // a comment
  ( tensor<4xf32, [(f32) -> f32, (i1) -> ()]> , (i32) -> i32 ) -> ( )
%5:3 = "x.h"() {t = (i8) -> i8} : () -> (() -> (), i1, !sig)
