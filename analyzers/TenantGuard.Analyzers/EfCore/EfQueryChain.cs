using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// One LINQ query as written: its root (db.Orders, db.Set&lt;Order&gt;(), or whatever the chain starts from), the
    /// operator calls chained on it (root.Where(...).IgnoreQueryFilters().ToListAsync()), and a query expression it
    /// is the source of. Syntax only: a query is one expression, read without binding.
    /// </summary>
    internal sealed class EfQueryChain
    {
        private EfQueryChain(ExpressionSyntax root, ImmutableArray<InvocationExpressionSyntax> calls, QueryExpressionSyntax? query)
        {
            Root = root;
            Calls = calls;
            Query = query;
        }

        public ExpressionSyntax Root { get; }

        /// <summary>The calls chained on the root, innermost first.</summary>
        public ImmutableArray<InvocationExpressionSyntax> Calls { get; }

        /// <summary>from o in root where ... select o.</summary>
        public QueryExpressionSyntax? Query { get; }

        /// <summary>The whole chained expression (the outermost call, or the root).</summary>
        public ExpressionSyntax Top => Calls.IsEmpty ? Root : Calls[Calls.Length - 1];

        /// <summary>The chain that starts at <paramref name="root"/>.</summary>
        public static EfQueryChain From(ExpressionSyntax root)
        {
            var calls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            ExpressionSyntax current = root;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current &&
                   access.Parent is InvocationExpressionSyntax call && call.Expression == access)
            {
                calls.Add(call);
                current = call;
            }

            var query = current.Parent is FromClauseSyntax from && from.Expression == current && from.Parent is QueryExpressionSyntax q ? q : null;
            return new EfQueryChain(root, calls.ToImmutable(), query);
        }

        /// <summary>The chain a call belongs to: walks down receivers to the root, then up again.</summary>
        public static EfQueryChain Containing(InvocationExpressionSyntax call)
        {
            ExpressionSyntax current = call;
            while (current is InvocationExpressionSyntax invocation &&
                   invocation.Expression is MemberAccessExpressionSyntax access)
            {
                current = access.Expression;
            }

            // current is the root: an invocation without a receiver chain ends the walk at itself.
            return From(StripParentheses(current));
        }

        /// <summary>
        /// A query: the root is enumerated, is the source of a query expression, or its first chained call is a LINQ or
        /// EF Core query operator. db.Orders.Add(order) or Find(id) is not.
        /// </summary>
        public bool IsQuery(SemanticModel model, EfSymbols symbols, CancellationToken cancellationToken)
        {
            if (Query != null || (Root.Parent is ForEachStatementSyntax forEach && forEach.Expression == Root))
            {
                return true;
            }

            return !Calls.IsEmpty &&
                   model.GetSymbolInfo(Calls[0], cancellationToken).Symbol is IMethodSymbol method &&
                   symbols.IsQueryOperator(method.ReducedFrom ?? method);
        }

        /// <summary>
        /// A Where / First / Any / Count ... lambda or a query where clause that compares the tenant property, in the
        /// chain itself or where the query, kept in a local, is narrowed later in the same body.
        /// </summary>
        public bool HasTenantPredicate(TenantGuardOptions options) =>
            HasTenantPredicateInChain(options) || HasTenantPredicateThroughLocal(options);

        private bool HasTenantPredicateInChain(TenantGuardOptions options)
        {
            foreach (var call in Calls)
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (TenantComparisons.IsTenantPredicate(argument.Expression, options))
                    {
                        return true;
                    }
                }
            }

            if (Query != null)
            {
                var rangeVariable = Query.FromClause.Identifier.ValueText;
                foreach (var clause in Query.Body.Clauses)
                {
                    if (clause is WhereClauseSyntax where && TenantComparisons.ComparesTenantMember(where.Condition, rangeVariable, options))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>var query = db.Orders.IgnoreQueryFilters(); ... query = query.Where(o => o.TenantId == tenantId);</summary>
        private bool HasTenantPredicateThroughLocal(TenantGuardOptions options)
        {
            var local = AssignedLocal();
            var body = Top.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax || n is LocalFunctionStatementSyntax);
            if (local == null || body == null)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local &&
                    From(identifier).HasTenantPredicateInChain(options))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The local the whole query is stored in: var q = ...; or q = ...;</summary>
        private string? AssignedLocal()
        {
            SyntaxNode top = Top;
            while (top.Parent is ParenthesizedExpressionSyntax || top.Parent is AwaitExpressionSyntax)
            {
                top = top.Parent;
            }

            if (top.Parent is EqualsValueClauseSyntax equals && equals.Parent is VariableDeclaratorSyntax declarator)
            {
                return declarator.Identifier.ValueText;
            }

            return top.Parent is AssignmentExpressionSyntax assignment && assignment.Right == top &&
                   assignment.Left is IdentifierNameSyntax target
                ? target.Identifier.ValueText
                : null;
        }

        private static ExpressionSyntax StripParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }
    }
}
