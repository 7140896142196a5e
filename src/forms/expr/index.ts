// XLSForm's expression language: parse once, check, evaluate, and know what depends on what.
// Pure: imports nothing from the DOM or Node, so the app, the service worker and the server share it.
export { describeProblem, isNodeSet, nodeSet, type BinaryOp, type Expr, type ExprProblem, type NodeSet, type Span, type Value } from './ast';
export { analyze, checkExpression, walk, type Analysis, type CheckOptions } from './analyze';
export type { EvalContext } from './context';
export { answerValue, equals, toBoolean, toNumber, toText } from './convert';
export { evaluate, evaluateBoolean } from './evaluate';
export { arityText, FUNCTIONS, type FunctionSpec } from './functions';
export { toDateText } from './functions-date';
export { compileForm, EXPRESSION_KINDS, type CompiledExpression, type CompileOptions, type ExprKind, type FormExpressions, type FormExprProblem, type FormNode } from './graph';
export { parseExpression, type ParseResult } from './parse';
