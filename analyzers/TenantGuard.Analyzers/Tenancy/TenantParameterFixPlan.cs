using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers.EfCore;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// What the TG0001 fix does besides adding the tenant parameter: filter the method's one query by it — the tenant
    /// predicate in its SQL literal (with the value passed as Dapper or Npgsql pass parameters), or a Where on its EF
    /// Core query root. A parameter that nothing reads scopes nothing, so without such a plan no fix is offered.
    /// </summary>
    internal sealed class TenantParameterFixPlan
    {
        public static readonly TenantParameterFixPlan None = new TenantParameterFixPlan(ImmutableDictionary<string, string?>.Empty, null);

        private TenantParameterFixPlan(ImmutableDictionary<string, string?> properties, Location? queryLocation)
        {
            Properties = properties;
            QueryLocation = queryLocation;
        }

        public ImmutableDictionary<string, string?> Properties { get; }

        /// <summary>The SQL literal or the query root the fix changes; the diagnostic's additional location.</summary>
        public Location? QueryLocation { get; }

        public static TenantParameterFixPlan For(TenantDataAccesses accesses, TenantGuardOptions options, TenantGuardCompilation compilation, CancellationToken cancellationToken)
        {
            var sql = accesses.SingleSql;
            if (sql != null && sql.Result.Violations.Count == 1)
            {
                var properties = SqlFixPlan.For(sql, sql.Result.Violations[0]);
                return FixProperties.ReadEdits(properties).IsEmpty
                    ? None
                    : new TenantParameterFixPlan(properties, sql.Sink.SqlValue.Syntax.GetLocation());
            }

            var query = accesses.SingleQueryRoot;
            if (query == null || !(query.Value.Root.Syntax is ExpressionSyntax root) || query.Value.Root.SemanticModel is not SemanticModel model)
            {
                return None;
            }

            var member = compilation.GetEfTenancy(options, cancellationToken).TenantMember(query.Value.Entity);
            if (member == null || !EfQueryChain.From(root).IsQuery(model, compilation.EfSymbols, cancellationToken))
            {
                return None;
            }

            var parameter = options.FirstTenantParameterName;
            var lambdaParameter = LambdaParameterFor(query.Value.Entity, model, root.SpanStart, parameter);
            var efProperties = EfFixProperties.Create(member.Name, parameter, lambdaParameter).Add(FixProperties.TenantParameter, parameter);
            return new TenantParameterFixPlan(efProperties, root.GetLocation());
        }

        /// <summary>o for Order, unless a symbol of that name is in scope there.</summary>
        private static string LambdaParameterFor(ITypeSymbol entity, SemanticModel model, int position, string tenantParameter)
        {
            foreach (var candidate in new[] { char.ToLowerInvariant(entity.Name[0]).ToString(), "entity", "row" })
            {
                if (candidate != tenantParameter && model.LookupSymbols(position, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }

            return "row";
        }
    }
}
