using TenantGuard.Sql;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// A <c>CREATE ROLE</c> restated for a role that already exists: roles are cluster-wide, so a second template on the same
/// server (or a second run against an existing server) finds the role its migrations create. The same intent is then
/// expressed as <c>ALTER ROLE</c> (attributes) plus <c>GRANT</c>s (memberships).
/// </summary>
internal sealed class CreateRoleStatement
{
    private static readonly HashSet<string> MembershipClauses = ["in", "role", "user", "admin", "sysid"];

    private readonly IReadOnlyList<string> _attributes;

    private CreateRoleStatement(string roleName, IReadOnlyList<string> attributes, IReadOnlyList<string> grants)
    {
        RoleName = roleName;
        _attributes = attributes;
        Grants = grants;
    }

    /// <summary>The role's name as stored in pg_roles.</summary>
    public string RoleName { get; }

    private string Quoted => SqlQuoting.QuoteIdentifier(RoleName);

    /// <summary>ALTER ROLE carrying the statement's attributes, or null when it has none.</summary>
    public string? AlterRole => _attributes.Count == 0 ? null : $"ALTER ROLE {Quoted} WITH {string.Join(' ', _attributes)}";

    /// <summary>GRANTs equivalent to its IN ROLE / ROLE / ADMIN clauses.</summary>
    public IReadOnlyList<string> Grants { get; }

    /// <summary>Reads CREATE ROLE|USER|GROUP name [WITH] option… from a statement the classifier called a CreateRole.</summary>
    public static CreateRoleStatement Parse(SqlScriptStatement statement)
    {
        var words = statement.Words;
        var isUser = words[1].Is("user");
        var roleName = words[2].Value;
        var position = words.Count > 3 && words[3].Is("with") ? 4 : 3;

        var attributes = new List<string>();
        var grants = new List<string>();
        var quoted = SqlQuoting.QuoteIdentifier(roleName);
        while (position < words.Count)
        {
            var word = words[position];
            if (word.Kind != SqlWordKind.Word || !MembershipClauses.Contains(word.Value))
            {
                attributes.Add(word.Text);
                position++;
                continue;
            }

            position++;
            if (word.Is("in") && position < words.Count)
                position++; // IN ROLE / IN GROUP

            var names = new List<string>();
            while (position < words.Count)
            {
                names.Add(SqlQuoting.QuoteIdentifier(words[position++].Value));
                if (position < words.Count && words[position].Text == ",")
                {
                    position++;
                    continue;
                }

                break;
            }

            var list = string.Join(", ", names);
            if (word.Is("in"))
                grants.Add($"GRANT {list} TO {quoted}");
            else if (word.Is("role") || word.Is("user"))
                grants.Add($"GRANT {quoted} TO {list}");
            else if (word.Is("admin"))
                grants.Add($"GRANT {quoted} TO {list} WITH ADMIN OPTION");
        }

        if (isUser && !attributes.Any(a => a.Equals("NOLOGIN", StringComparison.OrdinalIgnoreCase)))
            attributes.Insert(0, "LOGIN"); // CREATE USER means LOGIN unless told otherwise

        return new CreateRoleStatement(roleName, attributes, grants);
    }

    /// <summary>The role's attributes back to what a bare CREATE ROLE gives, before the statement's own are applied.</summary>
    public string ResetAttributes() =>
        $"ALTER ROLE {Quoted} WITH NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOREPLICATION NOBYPASSRLS " +
        "CONNECTION LIMIT -1 VALID UNTIL 'infinity' NOLOGIN PASSWORD NULL";
}
