using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>The user functions policies may call, read from their definitions (pg_get_functiondef), so a call can be
/// judged by what its body returns.</summary>
internal sealed class PolicyFunctions
{
    public static readonly PolicyFunctions None = new([]);

    private readonly ILookup<string, SqlFunctionDefinition> _byName;

    /// <param name="definitions">Each function's CREATE FUNCTION text as pg_get_functiondef prints it.</param>
    public PolicyFunctions(IEnumerable<string> definitions)
    {
        _byName = definitions
            .Select(SqlFunctionDefinitionReader.Read)
            .OfType<SqlFunctionDefinition>()
            .ToLookup(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>The function a call runs: same name (and schema when the call names one) and enough parameters for the
    /// arguments, preferring an exact parameter count, then the public schema (the search_path is not known here). Null
    /// for built-ins and functions the catalog does not hold.</summary>
    public SqlFunctionDefinition? Resolve(FunctionCallExpression call)
    {
        var candidates = _byName[call.Name]
            .Where(d => call.Schema is null || d.Schema == call.Schema)
            .Where(d => d.InputParameters.Count >= call.Arguments.Count)
            .ToList();
        return candidates
            .OrderBy(d => d.InputParameters.Count == call.Arguments.Count ? 0 : 1)
            .ThenBy(d => d.Schema == "public" ? 0 : 1)
            .ThenBy(d => d.Schema, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
