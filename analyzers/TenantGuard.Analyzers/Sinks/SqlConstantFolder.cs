using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// Recovers the SQL text an expression evaluates to when the compiler can know it: literals of every kind,
    /// interpolated strings (holes become {n} placeholders), + and string.Concat, const and readonly fields, and locals
    /// assigned exactly once. Anything else is unknown, and unknown SQL is never reported.
    /// </summary>
    internal static class SqlConstantFolder
    {
        private const int MaxDepth = 24;

        public static FoldedSql? Fold(IOperation value)
        {
            var state = new FoldState();
            if (!Append(value, state, 0))
            {
                return null;
            }

            return new FoldedSql(state.Builder.ToString(), state.Holes > 0, SingleLiteralOf(value));
        }

        /// <summary>
        /// Like <see cref="Fold"/>, but a part that cannot be known (a variable concatenated in) becomes a hole. Such SQL
        /// is only good for finding statements whose shape does not depend on the value, such as SET app.x = '…'.
        /// </summary>
        public static FoldedSql? FoldWithUnknownParts(IOperation value)
        {
            var state = new FoldState { UnknownPartsAsHoles = true };
            if (!Append(value, state, 0) || state.UnknownParts == 0)
            {
                return null;
            }

            return new FoldedSql(state.Builder.ToString(), hasInterpolationHoles: true, singleLiteral: null, isPartial: true);
        }

        private static SyntaxNode? SingleLiteralOf(IOperation value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is ILiteralOperation || unwrapped is IInterpolatedStringOperation)
            {
                return unwrapped.Syntax;
            }

            return null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static bool Append(IOperation? operation, FoldState state, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string constant)
                {
                    state.Builder.Append(constant);
                    return true;
                }

                return false;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Append(conversion.Operand, state, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Append(parenthesized.Operand, state, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    return AppendInterpolated(interpolated, state, depth);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add &&
                                                  binary.Type?.SpecialType == SpecialType.System_String:
                    return Append(binary.LeftOperand, state, depth + 1) && Append(binary.RightOperand, state, depth + 1);
                case IInvocationOperation invocation when IsStringConcat(invocation):
                    return AppendConcat(invocation, state, depth);
                case IFieldReferenceOperation field:
                    return AppendOrUnknown(AppendField, field, state, depth);
                case ILocalReferenceOperation local:
                    return AppendOrUnknown(AppendLocal, local, state, depth);
                default:
                    return AppendUnknown(operation, state, depth);
            }
        }

        /// <summary>Folds a field or local, or failing that (and leaving nothing half-appended) writes it as an unknown part.</summary>
        private static bool AppendOrUnknown<T>(System.Func<T, FoldState, int, bool> append, T reference, FoldState state, int depth)
            where T : IOperation
        {
            var length = state.Builder.Length;
            if (append(reference, state, depth))
            {
                return true;
            }

            state.Builder.Length = length;
            return AppendUnknown(reference, state, depth);
        }

        /// <summary>A part of a concatenation that cannot be known, written as a hole when the caller accepts partial SQL.</summary>
        private static bool AppendUnknown(IOperation operation, FoldState state, int depth)
        {
            if (!state.UnknownPartsAsHoles || depth == 0 || operation.Type == null)
            {
                return false;
            }

            state.Builder.Append('{').Append(state.Holes).Append('}');
            state.Holes++;
            state.UnknownParts++;
            return true;
        }

        private static bool AppendInterpolated(IInterpolatedStringOperation interpolated, FoldState state, int depth)
        {
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        if (!Append(text.Text, state, depth + 1))
                        {
                            return false;
                        }

                        break;
                    case IInterpolationOperation _:
                        state.Builder.Append('{').Append(state.Holes).Append('}');
                        state.Holes++;
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool IsStringConcat(IInvocationOperation invocation) =>
            invocation.TargetMethod.Name == "Concat" &&
            invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String &&
            invocation.Type?.SpecialType == SpecialType.System_String;

        private static bool AppendConcat(IInvocationOperation invocation, FoldState state, int depth)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value is IArrayCreationOperation array)
                {
                    if (array.Initializer == null)
                    {
                        return false;
                    }

                    foreach (var element in array.Initializer.ElementValues)
                    {
                        if (!Append(element, state, depth + 1))
                        {
                            return false;
                        }
                    }
                }
                else if (!Append(argument.Value, state, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AppendField(IFieldReferenceOperation reference, FoldState state, int depth)
        {
            var field = reference.Field;
            if (!field.IsReadOnly || !state.Visiting.Add(field))
            {
                return false;
            }

            try
            {
                foreach (var syntaxReference in field.DeclaringSyntaxReferences)
                {
                    if (!(syntaxReference.GetSyntax() is VariableDeclaratorSyntax declarator) || declarator.Initializer == null)
                    {
                        continue;
                    }

                    var initializer = declarator.Initializer.Value;
                    var model = reference.SemanticModel;
                    if (model != null && model.SyntaxTree == initializer.SyntaxTree &&
                        model.GetOperation(initializer) is IOperation initializerOperation)
                    {
                        return Append(initializerOperation, state, depth + 1);
                    }

                    // The initializer lives in another file (a partial type): fold its literal text syntactically.
                    return AppendSyntax(initializer, state, depth + 1);
                }

                return false;
            }
            finally
            {
                state.Visiting.Remove(field);
            }
        }

        private static bool AppendSyntax(ExpressionSyntax expression, FoldState state, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    state.Builder.Append(literal.Token.ValueText);
                    return true;
                case ParenthesizedExpressionSyntax parenthesized:
                    return AppendSyntax(parenthesized.Expression, state, depth + 1);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return AppendSyntax(binary.Left, state, depth + 1) && AppendSyntax(binary.Right, state, depth + 1);
                default:
                    return false;
            }
        }

        private static bool AppendLocal(ILocalReferenceOperation reference, FoldState state, int depth)
        {
            var local = reference.Local;
            if (local.IsRef || !state.Visiting.Add(local))
            {
                return false;
            }

            try
            {
                IOperation top = reference;
                while (top.Parent != null)
                {
                    top = top.Parent;
                }

                IOperation? initializer = null;
                foreach (var descendant in top.DescendantsAndSelf())
                {
                    switch (descendant)
                    {
                        case IVariableDeclaratorOperation declarator
                            when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                            initializer = declarator.Initializer?.Value;
                            break;
                        case IAssignmentOperation assignment when IsLocal(assignment.Target, local):
                            return false;
                        case IIncrementOrDecrementOperation increment when IsLocal(increment.Target, local):
                            return false;
                        case IArgumentOperation argument
                            when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None &&
                                 argument.Parameter.RefKind != RefKind.In && IsLocal(argument.Value, local):
                            return false;
                    }
                }

                return initializer != null && Append(initializer, state, depth + 1);
            }
            finally
            {
                state.Visiting.Remove(local);
            }
        }

        private static bool IsLocal(IOperation? target, ILocalSymbol local) =>
            target is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private sealed class FoldState
        {
            public StringBuilder Builder { get; } = new StringBuilder();
            public int Holes { get; set; }
            public bool UnknownPartsAsHoles { get; set; }
            public int UnknownParts { get; set; }
            public HashSet<ISymbol> Visiting { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }
    }
}
