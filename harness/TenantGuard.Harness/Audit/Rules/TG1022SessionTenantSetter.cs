using TenantGuard.Harness.Reports;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>A function the app role can call sets a setting the policies read for the rest of the session
/// (set_config(…, false), SET without LOCAL): behind a pool, the next request on that connection — another tenant's —
/// runs with it. Read from the function's body, so it is found before any request runs (TG2007 proves it at run time).</summary>
public sealed class TG1022SessionTenantSetter : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1022;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var read = context.PolicySettings.SettingsRead.Append(context.TenantSetting).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var function in context.Catalog.Functions.Where(f => f.AppCanExecute))
        {
            var body = SqlFunctionDefinitionReader.Read(function.Definition)?.Body.Text ?? function.Definition;
            var writes = SessionSettingScanner.InFunctionBody(body).Where(w => read.Contains(w.Setting)).ToList();
            if (writes.Count == 0)
                continue;
            var signature = FunctionNames.Qualified(function);
            var settings = string.Join(", ", writes.Select(w => w.Setting).Distinct());
            yield return Finding(
                signature,
                $"{context.AppRole} can call {signature}, which sets {settings} for the whole session ({writes[0].How}): the policies read it, so " +
                "behind a connection pool the next request on that connection — another tenant's — runs as this one until something sets it again.",
                $"-- in {signature}: make the setting end with the request's transaction\n" +
                $"SELECT set_config({SqlQuoting.QuoteLiteral(writes[0].Setting)}, <value>, true);  -- instead of: {writes[0].How}",
                FunctionNames.TenantTablesTouched(context, function).FirstOrDefault()?.QualifiedName)
                with { Evidence = string.Join(Environment.NewLine, writes.Select(w => w.How)) };
        }
    }
}
