using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>A SECURITY DEFINER function the app role may call, owned by a role the policies do not bind, that touches
/// tenant tables without ever asking who is calling (no session setting, no current_user, no function that reads one):
/// it answers every caller alike, so any tenant reaches every tenant's rows through it. Functions that do read the
/// caller (membership checks such as has_role_on_account(account_id) built on auth.uid()) decide per caller; the
/// attacks call the set-returning ones as tenant A to prove they keep to A's rows.</summary>
public sealed class TG1010SecurityDefinerFunction : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1010;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var callerReaders = FunctionNames.CallerReaders(context);
        foreach (var function in context.Catalog.Functions.Where(f => f.SecurityDefiner && f.AppCanExecute && !callerReaders.Contains(f.Oid)))
        {
            var exposed = FunctionNames.TenantTablesTouched(context, function)
                .Where(table => context.ReadsWithoutPolicies(function.Owner, table))
                .ToList();
            if (exposed.Count == 0)
                continue;
            var signature = FunctionNames.Qualified(function);
            var tables = string.Join(", ", exposed.Select(t => t.QualifiedName));
            yield return Finding(
                signature,
                $"{context.AppRole} can execute SECURITY DEFINER function {signature}, which runs as {context.RoleName(function.Owner)}; that owner is not subject to " +
                $"the policies of {tables}, so the function reads or changes any tenant's rows there for whoever calls it.",
                $"ALTER FUNCTION {signature} SECURITY INVOKER;\n" +
                $"-- or, if it must run as its owner, filter by the tenant inside it and limit who may call it:\n" +
                $"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC, {Sql.Ident(context.AppRole)};",
                exposed[0].QualifiedName);
        }
    }
}
