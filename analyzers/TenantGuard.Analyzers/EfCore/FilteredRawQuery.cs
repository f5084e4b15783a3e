using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// <c>db.Orders.FromSql(…)</c> on an entity whose DbContext filters it by tenant: EF Core composes the query filter
    /// over the raw SQL (<c>SELECT … FROM (raw) WHERE TenantId = …</c>), so the SQL needs no tenant predicate of its own.
    /// ExecuteSql and SqlQuery are not composed, and stay checked.
    /// </summary>
    internal static class FilteredRawQuery
    {
        public static bool Is(SqlSink sink, TenantGuardCompilation compilation, TenantGuardOptions options)
        {
            if ((sink.Kind != SinkKind.EfCoreRaw && sink.Kind != SinkKind.EfCoreInterpolated) ||
                sink.Wrapper != null ||
                !(sink.Call is IInvocationOperation call) ||
                !call.TargetMethod.Name.StartsWith("FromSql", StringComparison.Ordinal))
            {
                return false;
            }

            var receiver = call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            var symbols = compilation.EfSymbols;
            if (receiver == null || !(QueryRoots.EntityOf(receiver, symbols) is ITypeSymbol entity))
            {
                return false;
            }

            var context = QueryRoots.ContextOf(receiver, symbols);
            return compilation.GetEfTenancy(options, default).FindFilter(entity, context) != null;
        }
    }
}
