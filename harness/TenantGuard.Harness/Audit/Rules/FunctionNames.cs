using TenantGuard.Harness.Catalog;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Audit.Rules;

internal static class FunctionNames
{
    /// <summary>Names that tell who is calling: a function that reads one of them decides per caller.</summary>
    private static readonly string[] CallerNames = ["current_setting", "current_user", "session_user", "current_role"];

    /// <summary>The signature with its schema, e.g. public.get_docs(uuid), as ALTER FUNCTION accepts it.</summary>
    public static string Qualified(FunctionInfo function) =>
        function.Signature.Contains('.', StringComparison.Ordinal) ? function.Signature : $"{Sql.Ident(function.Schema)}.{function.Signature}";

    /// <summary>Tenant tables whose names the function's definition mentions in code (bodies are not tracked as
    /// dependencies, so the text read by the SQL reader is the evidence; comments and plain words do not count).</summary>
    public static IReadOnlyList<TableInfo> TenantTablesTouched(AuditContext context, FunctionInfo function)
    {
        var names = SqlNameScanner.NamesIn(function.Definition);
        return context.TopLevelTenantTables.Where(t => names.Contains(t.Name)).ToList();
    }

    /// <summary>The functions whose definitions read who the caller is: a session setting, current_user, or a call to
    /// a function that does (auth.uid(), a current-tenant helper, a membership check built on them), to any depth.</summary>
    public static IReadOnlySet<uint> CallerReaders(AuditContext context)
    {
        var functions = context.Catalog.Functions.Select(f => (f.Oid, f.Name, Names: SqlNameScanner.NamesIn(f.Definition))).ToList();
        var readers = functions.Where(f => CallerNames.Any(f.Names.Contains)).Select(f => f.Oid).ToHashSet();
        var readerNames = functions.Where(f => readers.Contains(f.Oid)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var function in functions.Where(f => !readers.Contains(f.Oid) && f.Names.Any(readerNames.Contains)))
            {
                readers.Add(function.Oid);
                readerNames.Add(function.Name);
                grew = true;
            }
        }

        return readers;
    }
}
