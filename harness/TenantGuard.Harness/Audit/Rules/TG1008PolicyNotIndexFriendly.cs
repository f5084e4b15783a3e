using Npgsql;
using TenantGuard.Harness.Audit.Policies;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Reports;
using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>Finds policies that wrap the tenant column (seed 004's <c>tenant_id::text = current_setting(…)</c>) and
/// confirms the cost with EXPLAIN as the app role, sequential scans disabled and the tenant setting set: if the planner
/// still cannot use an index on the table, the policy forces a scan of every tenant's rows.</summary>
public sealed class TG1008PolicyNotIndexFriendly : IAuditRule
{
    public RuleDescriptor Descriptor => AuditRules.TG1008;

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(AuditContext context, CancellationToken cancellationToken)
    {
        var suspects = new List<(TableInfo Table, PolicyInfo Policy, string Condition)>();
        foreach (var table in context.TenantTables.Where(t => t.RlsEnabled && t.AppPrivileges.Select))
        {
            foreach (var policy in context.PoliciesForApp(table).Where(p => p.Using is not null && p.Command is PolicyCommand.All or PolicyCommand.Select))
            {
                var wrapped = context.Policies.Verdict(table, policy.Using!).WrappedColumns;
                if (wrapped.Count > 0)
                    suspects.Add((table, policy, wrapped[0]));
            }
        }
        if (suspects.Count == 0)
            return [];

        await using var connection = new NpgsqlConnection(context.Target.AppConnectionString);
        await connection.OpenAsync(cancellationToken);

        var findings = new List<Finding>();
        foreach (var (table, policy, condition) in suspects)
        {
            var (ran, plan) = await ExplainAsync(connection, context, table, policy, cancellationToken);
            var usesIndex = ran && plan.Contains("Index", StringComparison.Ordinal) && !plan.Contains("Seq Scan", StringComparison.Ordinal);
            if (usesIndex)
                continue;
            var name = Sql.Table(table.Schema, table.Name);
            findings.Add(new Finding(
                Descriptor.Id,
                Descriptor.DefaultSeverity,
                $"{policy.Name} on {table.QualifiedName}",
                $"Policy {policy.Name} on {table.QualifiedName} compares {condition}: the tenant column is wrapped in a cast or function, so no " +
                $"index on {context.TenantColumn} can serve it and every query as {context.AppRole} scans all tenants' rows " +
                "(slow for everyone, and query time reveals the other tenants' data volume)" +
                (ran ? "; EXPLAIN as the app role confirms it." : "; EXPLAIN could not confirm it (see the evidence), so this rests on the policy's text."),
                $"ALTER POLICY {Sql.Ident(policy.Name)} ON {name} USING ({context.TenantPredicate(table)});")
            {
                Table = table.QualifiedName,
                Evidence = ran ? $"EXPLAIN as {context.AppRole} with enable_seqscan = off:\n{plan.TrimEnd()}" : plan,
            });
        }
        return findings;
    }

    /// <summary>The plan of a scan as the app role with a tenant set, or why it could not be taken.</summary>
    private static async Task<(bool Ran, string Plan)> ExplainAsync(NpgsqlConnection connection, AuditContext context, TableInfo table,
        PolicyInfo policy, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var setup = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
                await setup.ExecuteNonQueryAsync(cancellationToken);
            if (context.TenantSetting is { } setting)
            {
                await using var set = new NpgsqlCommand("SELECT set_config($1, $2, true)", connection, transaction);
                set.Parameters.Add(new NpgsqlParameter { Value = setting });
                set.Parameters.Add(new NpgsqlParameter { Value = SampleTenant(table.Column(context.TenantColumn)?.Type, policy.Using!) });
                await set.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var explain = new NpgsqlCommand($"EXPLAIN (COSTS OFF) SELECT * FROM {Sql.Table(table.Schema, table.Name)}", connection, transaction);
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            var lines = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
                lines.Add(reader.GetString(0));
            return (true, string.Join('\n', lines));
        }
        catch (PostgresException e)
        {
            return (false, $"EXPLAIN as {context.AppRole} failed: {e.SqlState} {e.MessageText}");
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    /// <summary>A tenant value the policy's casts accept: a number when the column or the setting's cast is numeric,
    /// else a uuid, which text columns hold and uuid casts accept.</summary>
    private static string SampleTenant(string? columnType, string policyExpression) =>
        columnType is "integer" or "bigint" or "smallint" or "numeric" || SettingCastTypes(policyExpression).Any(IsNumeric)
            ? "1"
            : "00000000-0000-4000-8000-000000000001";

    /// <summary>The types the policy casts current_setting(…) to, read with the SQL reader.</summary>
    private static IEnumerable<string> SettingCastTypes(string expression) =>
        SqlExpressionReader.Read(expression).Expression is { } tree
            ? SyntaxWalk.Expressions(tree).OfType<CastExpression>()
                .Where(cast => SyntaxWalk.Expressions(cast.Operand).OfType<FunctionCallExpression>().Any(f => f.Name == "current_setting"))
                .Select(cast => cast.TypeName.ToLowerInvariant())
            : [];

    private static bool IsNumeric(string type) => type is "integer" or "int" or "int4" or "bigint" or "int8" or "smallint" or "int2" or "numeric";
}
