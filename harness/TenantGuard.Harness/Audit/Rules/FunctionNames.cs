using System.Text.RegularExpressions;
using TenantGuard.Harness.Catalog;

namespace TenantGuard.Harness.Audit.Rules;

internal static class FunctionNames
{
    /// <summary>The signature with its schema, e.g. public.get_docs(uuid), as ALTER FUNCTION accepts it.</summary>
    public static string Qualified(FunctionInfo function) =>
        function.Signature.Contains('.', StringComparison.Ordinal) ? function.Signature : $"{Sql.Ident(function.Schema)}.{function.Signature}";

    /// <summary>Tenant tables whose names appear in the function's definition (bodies are not tracked as dependencies,
    /// so the text is the evidence).</summary>
    public static IReadOnlyList<TableInfo> TenantTablesTouched(AuditContext context, FunctionInfo function) =>
        context.TopLevelTenantTables
            .Where(t => Regex.IsMatch(function.Definition, $@"(?<![\w$""]){Regex.Escape(t.Name)}(?![\w$""])", RegexOptions.IgnoreCase))
            .ToList();
}
