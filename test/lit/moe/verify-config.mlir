// moe-verify-config: one function per EP rank and direction, all agreeing on
// the layer (experts, ep, signatures, routing counts); located errors.
// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics --moe-verify-config | FileCheck %s
// RUN: not hpmoe-opt %s --split-input-file --pass-pipeline='builtin.module(moe-verify-config{partial=true})' 2>&1 | FileCheck %s --check-prefix=PARTIAL

// With partial=true, missing ranks are fine; everything else is still reported.
// PARTIAL-NOT: missing
// PARTIAL: rank 0 has a second forward function @again
// PARTIAL: has type
// PARTIAL-NOT: missing

// Every rank once per direction, all agreeing: nothing to report, and the IR is unchanged.
// CHECK-LABEL: func.func @moe_ffn_fwd_rank0
// CHECK-LABEL: func.func @moe_ffn_fwd_rank1
// CHECK-LABEL: func.func @moe_ffn_bwd_rank0
// CHECK-LABEL: func.func @moe_ffn_bwd_rank1
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_fwd_rank1(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 1 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_bwd_rank0(%dout: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>, %xin: tensor<?x4xbf16>, %h: tensor<?x4xbf16>, %a: tensor<?x2xbf16>) -> (tensor<2x4xbf16>, tensor<1x4x4xf32>, tensor<1x2x4xf32>) attributes {moe.rank = 0 : i64} {
  %dy, %route = moe.combine_grad %dout, %ids, %p {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32>, tensor<2x1xf32> -> tensor<?x4xbf16>
  %da = moe.gmm_grad_lhs %dy, %w2, %route : tensor<?x4xbf16>, tensor<1x2x4xbf16> -> tensor<?x2xbf16>
  %dw2 = moe.gmm_grad_weight %a, %dy, %route : tensor<?x2xbf16>, tensor<?x4xbf16> -> tensor<1x2x4xf32>
  %dh = moe.swiglu_grad %h, %da : tensor<?x4xbf16>, tensor<?x2xbf16>
  %dxr = moe.gmm_grad_lhs %dh, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %dw13 = moe.gmm_grad_weight %xin, %dh, %route : tensor<?x4xbf16>, tensor<?x4xbf16> -> tensor<1x4x4xf32>
  %dx = moe.dispatch_grad %dxr, %route : tensor<?x4xbf16> -> tensor<2x4xbf16>
  return %dx, %dw13, %dw2 : tensor<2x4xbf16>, tensor<1x4x4xf32>, tensor<1x2x4xf32>
}
func.func @moe_ffn_bwd_rank1(%dout: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>, %xin: tensor<?x4xbf16>, %h: tensor<?x4xbf16>, %a: tensor<?x2xbf16>) -> (tensor<2x4xbf16>, tensor<1x4x4xf32>, tensor<1x2x4xf32>) attributes {moe.rank = 1 : i64} {
  %dy, %route = moe.combine_grad %dout, %ids, %p {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32>, tensor<2x1xf32> -> tensor<?x4xbf16>
  %da = moe.gmm_grad_lhs %dy, %w2, %route : tensor<?x4xbf16>, tensor<1x2x4xbf16> -> tensor<?x2xbf16>
  %dw2 = moe.gmm_grad_weight %a, %dy, %route : tensor<?x2xbf16>, tensor<?x4xbf16> -> tensor<1x2x4xf32>
  %dh = moe.swiglu_grad %h, %da : tensor<?x4xbf16>, tensor<?x2xbf16>
  %dxr = moe.gmm_grad_lhs %dh, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %dw13 = moe.gmm_grad_weight %xin, %dh, %route : tensor<?x4xbf16>, tensor<?x4xbf16> -> tensor<1x4x4xf32>
  %dx = moe.dispatch_grad %dxr, %route : tensor<?x4xbf16> -> tensor<2x4xbf16>
  return %dx, %dw13, %dw2 : tensor<2x4xbf16>, tensor<1x4x4xf32>, tensor<1x2x4xf32>
}

// -----

// A missing rank.
// expected-error@+1 {{the forward functions cover 1 of ep = 2 ranks: rank 1 missing}}
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// A rank given twice.
// expected-note@+1 {{compared with this one}}
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
// expected-error@+1 {{rank 0 has a second forward function @again}}
func.func @again(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_fwd_rank1(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 1 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// moe.rank beyond ep.
// expected-error@+1 {{function @moe_ffn_fwd_rank2: 'moe.rank' (2) must be in [0, ep) with ep = 2}}
func.func @moe_ffn_fwd_rank2(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 2 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// moe.rank not an i64.
// expected-error@+1 {{function @f: 'moe.rank' must be an i64 attribute}}
func.func @f(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = "0"} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// The sender's rank is not the function's.
// expected-note@+1 {{function here}}
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  // expected-error@+1 {{moe.dispatch rank (1) must equal its function's 'moe.rank' (0)}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// Two senders in one function.
// expected-error@+1 {{function @moe_ffn_fwd_rank0 must hold exactly one moe.dispatch or moe.combine_grad, but holds 2}}
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %recv2, %route2 = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// A sender in a function without moe.rank.
func.func @f(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> {
  // expected-error@+1 {{function @f sends moe rows but has no 'moe.rank' attribute}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// Ranks disagreeing on experts.
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  // expected-note@+1 {{compared with this one}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_fwd_rank1(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<2x4x4xbf16>, %w2: tensor<2x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 1 : i64} {
  // expected-error@+1 {{moe.dispatch of @moe_ffn_fwd_rank1 has experts = 4, ep = 2, but @moe_ffn_fwd_rank0 has experts = 2, ep = 2}}
  %recv, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<2x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<2x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// Ranks disagreeing on the routing.
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  // expected-note@+1 {{compared with this one}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0, counts = dense<[[1, 1], [2, 0]]> : tensor<2x2xi32>} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_fwd_rank1(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 1 : i64} {
  // expected-error@+1 {{moe.dispatch of @moe_ffn_fwd_rank1 has other 'counts' than @moe_ffn_fwd_rank0: every rank must see the same routing}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1, counts = dense<[[1, 1], [0, 2]]> : tensor<2x2xi32>} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// Routing known on one rank only.
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  // expected-note@+1 {{compared with this one}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0, counts = dense<1> : tensor<2x2xi32>} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_fwd_rank1(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 1 : i64} {
  // expected-error@+1 {{moe.dispatch of @moe_ffn_fwd_rank1 lacks a 'counts' attribute, but @moe_ffn_fwd_rank0 has one: the routing is known on every rank or on none}}
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}

// -----

// Ranks disagreeing on the tokens per rank.
// expected-note@+1 {{compared with this one}}
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
// expected-error@+1 {{@moe_ffn_fwd_rank1 has type (tensor<3x4xbf16>, tensor<3x1xi32>, tensor<3x1xf32>, tensor<1x4x4xbf16>, tensor<1x2x4xbf16>) -> tensor<3x4xbf16>, but the forward function @moe_ffn_fwd_rank0 of another rank has (tensor<2x4xbf16>, tensor<2x1xi32>, tensor<2x1xf32>, tensor<1x4x4xbf16>, tensor<1x2x4xbf16>) -> tensor<2x4xbf16>}}
func.func @moe_ffn_fwd_rank1(%x: tensor<3x4xbf16>, %ids: tensor<3x1xi32>, %p: tensor<3x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<3x4xbf16> attributes {moe.rank = 1 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<3x4xbf16>, tensor<3x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<3x1xf32> -> tensor<3x4xbf16>
  return %out : tensor<3x4xbf16>
}

// -----

// A backward direction missing a rank though the forward one is complete.
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
func.func @moe_ffn_fwd_rank1(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 1 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
// expected-error@+1 {{the backward functions cover 1 of ep = 2 ranks: rank 0 missing}}
func.func @moe_ffn_bwd_rank1(%dout: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>, %xin: tensor<?x4xbf16>, %h: tensor<?x4xbf16>, %a: tensor<?x2xbf16>) -> (tensor<2x4xbf16>, tensor<1x4x4xf32>, tensor<1x2x4xf32>) attributes {moe.rank = 1 : i64} {
  %dy, %route = moe.combine_grad %dout, %ids, %p {experts = 2, ep = 2, rank = 1} : tensor<2x4xbf16>, tensor<2x1xi32>, tensor<2x1xf32> -> tensor<?x4xbf16>
  %da = moe.gmm_grad_lhs %dy, %w2, %route : tensor<?x4xbf16>, tensor<1x2x4xbf16> -> tensor<?x2xbf16>
  %dw2 = moe.gmm_grad_weight %a, %dy, %route : tensor<?x2xbf16>, tensor<?x4xbf16> -> tensor<1x2x4xf32>
  %dh = moe.swiglu_grad %h, %da : tensor<?x4xbf16>, tensor<?x2xbf16>
  %dxr = moe.gmm_grad_lhs %dh, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %dw13 = moe.gmm_grad_weight %xin, %dh, %route : tensor<?x4xbf16>, tensor<?x4xbf16> -> tensor<1x4x4xf32>
  %dx = moe.dispatch_grad %dxr, %route : tensor<?x4xbf16> -> tensor<2x4xbf16>
  return %dx, %dw13, %dw2 : tensor<2x4xbf16>, tensor<1x4x4xf32>, tensor<1x2x4xf32>
}

// -----

// Backward weights of another shape than the forward ones.
// expected-note@+1 {{compared with this one}}
func.func @moe_ffn_fwd_rank0(%x: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x4xbf16>, %w2: tensor<1x2x4xbf16>) -> tensor<2x4xbf16> attributes {moe.rank = 0 : i64} {
  %recv, %route = moe.dispatch %x, %ids {experts = 1, ep = 1, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32> -> tensor<?x4xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %a = moe.swiglu %h : tensor<?x4xbf16> -> tensor<?x2xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x2xbf16>, tensor<1x2x4xbf16> -> tensor<?x4xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x4xbf16>, tensor<2x1xf32> -> tensor<2x4xbf16>
  return %out : tensor<2x4xbf16>
}
// expected-error@+1 {{backward input #3 (w13) has type tensor<1x4x8xbf16>, but the forward function's has tensor<1x4x4xbf16>}}
func.func @moe_ffn_bwd_rank0(%dout: tensor<2x4xbf16>, %ids: tensor<2x1xi32>, %p: tensor<2x1xf32>, %w13: tensor<1x4x8xbf16>, %w2: tensor<1x4x4xbf16>, %xin: tensor<?x4xbf16>, %h: tensor<?x8xbf16>, %a: tensor<?x4xbf16>) -> (tensor<2x4xbf16>, tensor<1x4x8xf32>, tensor<1x4x4xf32>) attributes {moe.rank = 0 : i64} {
  %dy, %route = moe.combine_grad %dout, %ids, %p {experts = 1, ep = 1, rank = 0} : tensor<2x4xbf16>, tensor<2x1xi32>, tensor<2x1xf32> -> tensor<?x4xbf16>
  %da = moe.gmm_grad_lhs %dy, %w2, %route : tensor<?x4xbf16>, tensor<1x4x4xbf16> -> tensor<?x4xbf16>
  %dw2 = moe.gmm_grad_weight %a, %dy, %route : tensor<?x4xbf16>, tensor<?x4xbf16> -> tensor<1x4x4xf32>
  %dh = moe.swiglu_grad %h, %da : tensor<?x8xbf16>, tensor<?x4xbf16>
  %dxr = moe.gmm_grad_lhs %dh, %w13, %route : tensor<?x8xbf16>, tensor<1x4x8xbf16> -> tensor<?x4xbf16>
  %dw13 = moe.gmm_grad_weight %xin, %dh, %route : tensor<?x4xbf16>, tensor<?x8xbf16> -> tensor<1x4x8xf32>
  %dx = moe.dispatch_grad %dxr, %route : tensor<?x4xbf16> -> tensor<2x4xbf16>
  return %dx, %dw13, %dw2 : tensor<2x4xbf16>, tensor<1x4x8xf32>, tensor<1x4x4xf32>
}
