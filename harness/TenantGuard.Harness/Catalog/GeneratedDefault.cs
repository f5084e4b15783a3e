using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Catalog;

/// <summary>A column default that makes a fresh unique value on its own: a sequence (serial) or a random uuid.</summary>
internal static class GeneratedDefault
{
    private static readonly HashSet<string> IdFunctions =
        ["nextval", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7"];

    public static bool MakesIds(string? defaultExpression)
    {
        if (defaultExpression is null)
            return false;
        return SqlExpressionReader.Read(defaultExpression).Expression?.WithoutCastsOrParentheses() is FunctionCallExpression call
               && IdFunctions.Contains(call.Name);
    }
}
