// Verifier diagnostics of the moe ops: dtypes, ranks, static or dynamic
// rows, sizes that must agree (each message names the limit), routing
// attributes, and checks against the op that made the route.
// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics

// dispatch x dtype
func.func @f(%x: tensor<16x32xf32>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op operand #0 must be 2D statically shaped tensor of bfloat16 type values, but got 'tensor<16x32xf32>'}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xf32>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch x dynamic
func.func @f(%x: tensor<?x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op operand #0 must be 2D statically shaped tensor of bfloat16 type values, but got 'tensor<?x32xbf16>'}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<?x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch ids dtype
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi64>) {
  // expected-error@+1 {{'moe.dispatch' op operand #1 must be 2D statically shaped tensor of 32-bit signless integer values, but got 'tensor<16x2xi64>'}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi64> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch ids rank
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<32xi32>) {
  // expected-error@+1 {{'moe.dispatch' op operand #1 must be 2D statically shaped tensor of 32-bit signless integer values, but got 'tensor<32xi32>'}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<32xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch recv static
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op result #0 must be 2D tensor with dynamic rows of bfloat16 type values, but got 'tensor<32x32xbf16>'}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<32x32xbf16>
  return
}

// -----

// dispatch ids rows
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<15x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op ids rows (15) must equal the tokens of x (16)}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<15x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch recv cols
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op recv columns (64) must equal the hidden size of x (32)}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x64xbf16>
  return
}

// -----

// dispatch experts multiple
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op experts (6) must be a multiple of ep (4)}}
  %r, %route = moe.dispatch %x, %ids {experts = 6, ep = 4, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch ep zero
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op ep (0) must be positive}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 0, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch rank range
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op rank (2) must be in [0, ep) with ep = 2}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 2} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch rank negative
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op rank (-1) must be in [0, ep) with ep = 2}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = -1} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch topk experts
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x5xi32>) {
  // expected-error@+1 {{'moe.dispatch' op top-k of ids (5) must not exceed experts (4)}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x5xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch topk zero
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x0xi32>) {
  // expected-error@+1 {{'moe.dispatch' op top-k of ids (0) must be positive}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x0xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch missing experts
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op requires attribute 'experts'}}
  %r, %route = moe.dispatch %x, %ids {ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch experts i32
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op attribute 'experts' failed to satisfy constraint: 64-bit signless integer attribute}}
  %r, %route = moe.dispatch %x, %ids {experts = 4 : i32, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch counts shape
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op counts must be a dense tensor<2x4xi32> (ep x experts) attribute, but got dense<8> : tensor<4x2xi32>}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<8> : tensor<4x2xi32>} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch counts kind
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op counts must be a dense tensor<2x4xi32> (ep x experts) attribute, but got [8, 8]}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = [8, 8]} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch counts negative
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op counts[1][1] (-4) must be non-negative}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<[[8, 8, 8, 8], [20, -4, 8, 8]]> : tensor<2x4xi32>} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch counts sum
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op counts of source rank 1 sum to 31 rows, but must equal tokens x top-k = 16 x 2 = 32}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<[[8, 8, 8, 8], [8, 8, 8, 7]]> : tensor<2x4xi32>} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// gmm lhs cols
func.func @f(%rows: tensor<?x32xbf16>, %w: tensor<2x16x24xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm' op lhs columns (32) must equal w dim 1 (16)}}
  %h = moe.gmm %rows, %w, %route : tensor<?x32xbf16>, tensor<2x16x24xbf16> -> tensor<?x24xbf16>
  return
}

// -----

// gmm out cols
func.func @f(%rows: tensor<?x32xbf16>, %w: tensor<2x32x24xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm' op result columns (12) must equal w dim 2 (24)}}
  %h = moe.gmm %rows, %w, %route : tensor<?x32xbf16>, tensor<2x32x24xbf16> -> tensor<?x12xbf16>
  return
}

// -----

// gmm w dtype
func.func @f(%rows: tensor<?x32xbf16>, %w: tensor<2x32x24xf32>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm' op operand #1 must be 3D statically shaped tensor of bfloat16 type values, but got 'tensor<2x32x24xf32>'}}
  %h = moe.gmm %rows, %w, %route : tensor<?x32xbf16>, tensor<2x32x24xf32> -> tensor<?x24xbf16>
  return
}

// -----

// gmm w rank
func.func @f(%rows: tensor<?x32xbf16>, %w: tensor<32x24xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm' op operand #1 must be 3D statically shaped tensor of bfloat16 type values, but got 'tensor<32x24xbf16>'}}
  %h = moe.gmm %rows, %w, %route : tensor<?x32xbf16>, tensor<32x24xbf16> -> tensor<?x24xbf16>
  return
}

// -----

// gmm local experts
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %w: tensor<4x32x24xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  // expected-error@+1 {{'moe.gmm' op w dim 0 (4) must equal the local experts of the route's moe.dispatch, experts / ep = 4 / 2 (2)}}
  %h = moe.gmm %r, %w, %route : tensor<?x32xbf16>, tensor<4x32x24xbf16> -> tensor<?x24xbf16>
  return
}

// -----

// swiglu odd
func.func @f(%h: tensor<?x25xbf16>) {
  // expected-error@+1 {{'moe.swiglu' op h columns (25) must be even (2 x moe_intermediate: gate and up halves)}}
  %a = moe.swiglu %h : tensor<?x25xbf16> -> tensor<?x12xbf16>
  return
}

// -----

// swiglu half
func.func @f(%h: tensor<?x24xbf16>) {
  // expected-error@+1 {{'moe.swiglu' op result columns (24) must equal half the h columns (12)}}
  %a = moe.swiglu %h : tensor<?x24xbf16> -> tensor<?x24xbf16>
  return
}

// -----

// swiglu static rows
func.func @f(%h: tensor<8x24xbf16>) {
  // expected-error@+1 {{'moe.swiglu' op operand #0 must be 2D tensor with dynamic rows of bfloat16 type values, but got 'tensor<8x24xbf16>'}}
  %a = moe.swiglu %h : tensor<8x24xbf16> -> tensor<?x12xbf16>
  return
}

// -----

// combine p rows
func.func @f(%y: tensor<?x32xbf16>, %route: !moe.route, %p: tensor<8x2xf32>) {
  // expected-error@+1 {{'moe.combine' op result rows (16) must equal p rows (8)}}
  %o = moe.combine %y, %route, %p : tensor<?x32xbf16>, tensor<8x2xf32> -> tensor<16x32xbf16>
  return
}

// -----

// combine cols
func.func @f(%y: tensor<?x32xbf16>, %route: !moe.route, %p: tensor<16x2xf32>) {
  // expected-error@+1 {{'moe.combine' op result columns (64) must equal y columns (32)}}
  %o = moe.combine %y, %route, %p : tensor<?x32xbf16>, tensor<16x2xf32> -> tensor<16x64xbf16>
  return
}

// -----

// combine p dtype
func.func @f(%y: tensor<?x32xbf16>, %route: !moe.route, %p: tensor<16x2xbf16>) {
  // expected-error@+1 {{'moe.combine' op operand #2 must be 2D statically shaped tensor of 32-bit float values, but got 'tensor<16x2xbf16>'}}
  %o = moe.combine %y, %route, %p : tensor<?x32xbf16>, tensor<16x2xbf16> -> tensor<16x32xbf16>
  return
}

// -----

// combine sender tokens
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<8x2xf32>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  // expected-error@+1 {{'moe.combine' op result rows (8) must equal the tokens of the route's moe.dispatch (16)}}
  %o = moe.combine %r, %route, %p : tensor<?x32xbf16>, tensor<8x2xf32> -> tensor<8x32xbf16>
  return
}

// -----

// combine sender topk
func.func @f(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<16x3xf32>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  // expected-error@+1 {{'moe.combine' op p columns (3) must equal the top-k of the route's moe.dispatch (2)}}
  %o = moe.combine %r, %route, %p : tensor<?x32xbf16>, tensor<16x3xf32> -> tensor<16x32xbf16>
  return
}

// -----

// combine grad p
func.func @f(%d: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<16x3xf32>) {
  // expected-error@+1 {{'moe.combine_grad' op p columns (3) must equal the top-k of ids (2)}}
  %dy, %route = moe.combine_grad %d, %ids, %p {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32>, tensor<16x3xf32> -> tensor<?x32xbf16>
  return
}

// -----

// combine grad dout
func.func @f(%d: tensor<16x32xf32>, %ids: tensor<16x2xi32>, %p: tensor<16x2xf32>) {
  // expected-error@+1 {{'moe.combine_grad' op operand #0 must be 2D statically shaped tensor of bfloat16 type values, but got 'tensor<16x32xf32>'}}
  %dy, %route = moe.combine_grad %d, %ids, %p {experts = 4, ep = 2, rank = 0} : tensor<16x32xf32>, tensor<16x2xi32>, tensor<16x2xf32> -> tensor<?x32xbf16>
  return
}

// -----

// gmm grad lhs dy
func.func @f(%dy: tensor<?x16xbf16>, %w: tensor<2x12x32xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm_grad_lhs' op dy columns (16) must equal w dim 2 (32)}}
  %da = moe.gmm_grad_lhs %dy, %w, %route : tensor<?x16xbf16>, tensor<2x12x32xbf16> -> tensor<?x12xbf16>
  return
}

// -----

// gmm grad lhs out
func.func @f(%dy: tensor<?x32xbf16>, %w: tensor<2x12x32xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm_grad_lhs' op result columns (32) must equal w dim 1 (12)}}
  %da = moe.gmm_grad_lhs %dy, %w, %route : tensor<?x32xbf16>, tensor<2x12x32xbf16> -> tensor<?x32xbf16>
  return
}

// -----

// gmm grad weight dtype
func.func @f(%a: tensor<?x12xbf16>, %dy: tensor<?x32xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm_grad_weight' op result #0 must be 3D statically shaped tensor of 32-bit float values, but got 'tensor<2x12x32xbf16>'}}
  %dw = moe.gmm_grad_weight %a, %dy, %route : tensor<?x12xbf16>, tensor<?x32xbf16> -> tensor<2x12x32xbf16>
  return
}

// -----

// gmm grad weight dims
func.func @f(%a: tensor<?x12xbf16>, %dy: tensor<?x32xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.gmm_grad_weight' op result dim 1 (32) must equal x columns (12)}}
  %dw = moe.gmm_grad_weight %a, %dy, %route : tensor<?x12xbf16>, tensor<?x32xbf16> -> tensor<2x32x12xf32>
  return
}

// -----

// gmm grad weight experts
func.func @f(%d: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<16x2xf32>, %a: tensor<?x12xbf16>) {
  %dy, %route = moe.combine_grad %d, %ids, %p {experts = 8, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32>, tensor<16x2xf32> -> tensor<?x32xbf16>
  // expected-error@+1 {{'moe.gmm_grad_weight' op result dim 0 (2) must equal the local experts of the route's moe.combine_grad, experts / ep = 8 / 2 (4)}}
  %dw = moe.gmm_grad_weight %a, %dy, %route : tensor<?x12xbf16>, tensor<?x32xbf16> -> tensor<2x12x32xf32>
  return
}

// -----

// swiglu grad da
func.func @f(%h: tensor<?x24xbf16>, %da: tensor<?x24xbf16>) {
  // expected-error@+1 {{'moe.swiglu_grad' op da columns (24) must equal half the h columns (12)}}
  %dh = moe.swiglu_grad %h, %da : tensor<?x24xbf16>, tensor<?x24xbf16>
  return
}

// -----

// swiglu grad result
func.func @f(%h: tensor<?x24xbf16>, %da: tensor<?x12xbf16>) {
  // expected-error@+1 {{'moe.swiglu_grad' op failed to verify that all of {h, dh} have same type}}
  %dh = "moe.swiglu_grad"(%h, %da) : (tensor<?x24xbf16>, tensor<?x12xbf16>) -> tensor<?x12xbf16>
  return
}

// -----

// dispatch grad cols
func.func @f(%dx: tensor<?x32xbf16>, %route: !moe.route) {
  // expected-error@+1 {{'moe.dispatch_grad' op result columns (16) must equal dx columns (32)}}
  %o = moe.dispatch_grad %dx, %route : tensor<?x32xbf16> -> tensor<16x16xbf16>
  return
}

// -----

// dispatch grad sender
func.func @f(%d: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<16x2xf32>, %dx: tensor<?x32xbf16>) {
  %dy, %route = moe.combine_grad %d, %ids, %p {experts = 4, ep = 2, rank = 0} : tensor<16x32xbf16>, tensor<16x2xi32>, tensor<16x2xf32> -> tensor<?x32xbf16>
  // expected-error@+1 {{'moe.dispatch_grad' op result rows (8) must equal the tokens of the route's moe.combine_grad (16)}}
  %o = moe.dispatch_grad %dx, %route : tensor<?x32xbf16> -> tensor<8x32xbf16>
  return
}

// -----

// route type
func.func @f(%rows: tensor<?x32xbf16>, %w: tensor<2x32x24xbf16>, %route: i32) {
  // expected-error@+1 {{'moe.gmm' op operand #2 must be the row layout of one dispatch (moe.route), but got 'i32'}}
  %h = "moe.gmm"(%rows, %w, %route) : (tensor<?x32xbf16>, tensor<2x32x24xbf16>, i32) -> tensor<?x24xbf16>
  return
}

// -----

// dispatch dedup tables without counts
func.func @f(%x: tensor<4x32xbf16>, %ids: tensor<4x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op 'unique_counts' and 'gather_rows' need 'counts' (deduplication needs known routing)}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, unique_counts = dense<4> : tensor<2x2xi32>, gather_rows = dense<0> : tensor<4xi32>} : tensor<4x32xbf16>, tensor<4x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch unique_counts shape
func.func @f(%x: tensor<4x32xbf16>, %ids: tensor<4x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op 'unique_counts' must be a dense tensor<2x2xi32> (ep x ep) attribute}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<2> : tensor<2x4xi32>, unique_counts = dense<4> : tensor<2x4xi32>, gather_rows = dense<0> : tensor<4xi32>} : tensor<4x32xbf16>, tensor<4x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch unique_counts above the tokens
func.func @f(%x: tensor<4x32xbf16>, %ids: tensor<4x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op unique_counts[0][0] (5) must be in [0, 4] (tokens per rank)}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<2> : tensor<2x4xi32>, unique_counts = dense<5> : tensor<2x2xi32>, gather_rows = dense<0> : tensor<8xi32>} : tensor<4x32xbf16>, tensor<4x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch gather_rows length
func.func @f(%x: tensor<4x32xbf16>, %ids: tensor<4x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op 'gather_rows' has 4 entries, but rank 0 receives 8 rows}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<2> : tensor<2x4xi32>, unique_counts = dense<4> : tensor<2x2xi32>, gather_rows = dense<0> : tensor<4xi32>} : tensor<4x32xbf16>, tensor<4x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch gather_rows descending within a block
func.func @f(%x: tensor<4x32xbf16>, %ids: tensor<4x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op gather_rows[1] (0) must be in [0, 4) (the tokens rank 0 sends here) and not below the previous row of its block}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<2> : tensor<2x4xi32>, unique_counts = dense<4> : tensor<2x2xi32>, gather_rows = dense<[1, 0, 0, 1, 0, 1, 0, 1]> : tensor<8xi32>} : tensor<4x32xbf16>, tensor<4x2xi32> -> tensor<?x32xbf16>
  return
}

// -----

// dispatch gather_rows kind
func.func @f(%x: tensor<4x32xbf16>, %ids: tensor<4x2xi32>) {
  // expected-error@+1 {{'moe.dispatch' op 'gather_rows' must be a dense 1-D i32 tensor attribute}}
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<2> : tensor<2x4xi32>, unique_counts = dense<4> : tensor<2x2xi32>, gather_rows = [1, 2]} : tensor<4x32xbf16>, tensor<4x2xi32> -> tensor<?x32xbf16>
  return
}
