using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit;

/// <summary>Every database audit rule ID, title and default severity, in one place. IDs are never reused.</summary>
public static class AuditRules
{
    public static readonly RuleDescriptor TG1001 = new("TG1001", "Tenant table without row-level security", Severity.Error,
        "A table with the tenant column has RLS disabled, so every tenant's rows are visible to the application role.");

    public static readonly RuleDescriptor TG1002 = new("TG1002", "RLS not forced on a table the app role owns", Severity.Error,
        "Table owners bypass RLS unless it is FORCEd; the application role owns the table, so its policies never apply.");

    public static readonly RuleDescriptor TG1003 = new("TG1003", "Command not restricted to the current tenant", Severity.Error,
        "The effective policies for a command do not tie the tenant column to the tenant (no policy, USING (true), an unbound permissive branch or WITH CHECK, or a sharing pattern to waive with a reason).");

    public static readonly RuleDescriptor TG1004 = new("TG1004", "App role bypasses RLS", Severity.Error,
        "The application role is a superuser or has BYPASSRLS, so no policy applies to it.");

    public static readonly RuleDescriptor TG1005 = new("TG1005", "App role owns a tenant table", Severity.Error,
        "The owner can disable RLS, drop policies and (without FORCE) bypass them; the application must not own tenant tables.");

    public static readonly RuleDescriptor TG1006 = new("TG1006", "Nullable tenant column", Severity.Warning,
        "Rows with a NULL tenant belong to no tenant: policies never match them, and code paths that 'fix' them assign them to whoever asks.");

    public static readonly RuleDescriptor TG1007 = new("TG1007", "No index leads with the tenant column", Severity.Warning,
        "Every RLS query filters by the tenant column; without an index that starts with it each query scans all tenants' rows.");

    public static readonly RuleDescriptor TG1008 = new("TG1008", "Policy is not index-friendly", Severity.Warning,
        "The policy wraps the tenant column in a cast or function, so an index on the column cannot serve it (confirmed with EXPLAIN as the app role whenever the plan can be taken).");

    public static readonly RuleDescriptor TG1009 = new("TG1009", "View runs with its owner's rights over a tenant table", Severity.Error,
        "A view without security_invoker reads its tables as its owner; when the owner bypasses RLS the view shows every tenant's rows.");

    public static readonly RuleDescriptor TG1010 = new("TG1010", "SECURITY DEFINER function reaches tenant tables", Severity.Error,
        "The app role can execute a SECURITY DEFINER function owned by a role that bypasses RLS and that touches tenant tables.");

    public static readonly RuleDescriptor TG1011 = new("TG1011", "App role can TRUNCATE a tenant table", Severity.Error,
        "TRUNCATE ignores row-level security: one tenant's request can delete every tenant's rows.");

    public static readonly RuleDescriptor TG1012 = new("TG1012", "Materialized view over a tenant table", Severity.Error,
        "Materialized views have no row-level security; the app role can read every tenant's rows from it.");

    public static readonly RuleDescriptor TG1013 = new("TG1013", "Foreign key between tenant tables without the tenant column", Severity.Warning,
        "A row can point at another tenant's row: the key checks existence across tenants and lets a tenant probe or attach to foreign rows.");

    public static readonly RuleDescriptor TG1014 = new("TG1014", "Unique constraint without the tenant column", Severity.Warning,
        "Uniqueness across all tenants reveals other tenants' values (a duplicate-key error confirms they exist) and stops tenants using the same value.");

    public static readonly RuleDescriptor TG1015 = new("TG1015", "Child table of a tenant table readable without RLS", Severity.Error,
        "A table without the tenant column references a tenant table and is readable by the app role without RLS: other tenants' child rows are reachable.");

    public static readonly RuleDescriptor TG1016 = new("TG1016", "LEAKPROOF function callable by the app role", Severity.Warning,
        "The planner runs LEAKPROOF functions before RLS filters; a user-defined LEAKPROOF function that can raise or log its arguments leaks other tenants' values.");

    public static readonly RuleDescriptor TG1017 = new("TG1017", "Policy falls back when the tenant setting is missing", Severity.Error,
        "The policy substitutes a default (COALESCE) when the tenant setting is unset, so a connection without a tenant sees the default tenant's rows.");

    public static readonly RuleDescriptor TG1018 = new("TG1018", "Partition of a tenant table readable directly without RLS", Severity.Error,
        "Policies on a partitioned table apply only when querying through the parent; a partition without its own RLS is readable directly.");

    public static readonly RuleDescriptor TG1019 = new("TG1019", "SECURITY DEFINER function without a fixed search_path", Severity.Warning,
        "A caller can put objects earlier on search_path and make the function run them with its owner's rights.");

    public static readonly RuleDescriptor TG1020 = new("TG1020", "App role can become a role that bypasses RLS", Severity.Error,
        "The app role is a member of a role that is a superuser, has BYPASSRLS or owns tenant tables: one SET ROLE escapes every policy.");

    public static readonly RuleDescriptor TG1021 = new("TG1021", "Policy opened by a session setting switch", Severity.Error,
        "A policy branch admits every tenant's rows when a session setting has a chosen value (app.bypass_rls = 'on'); any role can SET a custom setting, so any session can open the table.");

    public static readonly RuleDescriptor TG1022 = new("TG1022", "Function sets the tenant setting for the whole session", Severity.Error,
        "A function the app role can call sets a setting the policies read with set_config(…, false) or SET without LOCAL: behind a pool the next request on that connection runs as this tenant.");

    public static readonly IReadOnlyList<RuleDescriptor> All =
    [
        TG1001, TG1002, TG1003, TG1004, TG1005, TG1006, TG1007, TG1008, TG1009, TG1010,
        TG1011, TG1012, TG1013, TG1014, TG1015, TG1016, TG1017, TG1018, TG1019, TG1020,
        TG1021, TG1022,
    ];
}
