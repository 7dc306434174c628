// Pins: use before definition at module level (graph region).
"x.use"(%b, %a) : (i32, i32) -> ()
%a = "x.def"(%b) : (i32) -> i32
%b = "x.def"(%a) : (i32) -> i32
