using System.Text;
using System.Text.RegularExpressions;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// A <c>CREATE ROLE</c> restated for a role that already exists: roles are cluster-wide, so a second template on the same
/// server (or a second run against an existing server) finds the role its migrations create. The same intent is then
/// expressed as <c>ALTER ROLE</c> (attributes) plus <c>GRANT</c>s (memberships).
/// </summary>
internal sealed partial class CreateRoleStatement
{
    private static readonly HashSet<string> MembershipClauses = ["IN", "ROLE", "USER", "ADMIN", "SYSID"];

    private readonly IReadOnlyList<string> _attributes;

    private CreateRoleStatement(string roleName, string quotedName, IReadOnlyList<string> attributes, IReadOnlyList<string> grants)
    {
        RoleName = roleName;
        QuotedName = quotedName;
        _attributes = attributes;
        Grants = grants;
    }

    /// <summary>The role's name as stored in pg_roles.</summary>
    public string RoleName { get; }

    /// <summary>The name as written in the statement (quoted or not), for building SQL.</summary>
    public string QuotedName { get; }

    /// <summary>ALTER ROLE carrying the statement's attributes, or null when it has none.</summary>
    public string? AlterRole => Alter(_attributes);

    /// <summary>
    /// The ALTER ROLE without LOGIN/NOLOGIN and PASSWORD, for the application role: the harness gives it LOGIN and its
    /// password after the migrations anyway, and leaving them alone means connections other databases open as that
    /// role meanwhile are never refused.
    /// </summary>
    public string? AlterRoleKeepingLogin
    {
        get
        {
            var kept = new List<string>();
            for (var i = 0; i < _attributes.Count; i++)
            {
                var word = _attributes[i].ToUpperInvariant();
                if (word is "LOGIN" or "NOLOGIN" or "ENCRYPTED")
                {
                    continue;
                }

                if (word == "PASSWORD")
                {
                    i++; // and its value
                    continue;
                }

                kept.Add(_attributes[i]);
            }

            return Alter(kept);
        }
    }

    /// <summary>GRANTs equivalent to its IN ROLE / ROLE / ADMIN clauses.</summary>
    public IReadOnlyList<string> Grants { get; }

    public static CreateRoleStatement Parse(string statement)
    {
        var tokens = Tokens().Matches(statement).Select(m => m.Value).ToList();
        // tokens: CREATE ROLE|USER|GROUP name [WITH] option…
        var isUser = tokens[1].Equals("USER", StringComparison.OrdinalIgnoreCase);
        var quotedName = tokens[2];
        var roleName = quotedName.StartsWith('"')
            ? quotedName[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : quotedName.ToLowerInvariant();
        var position = 3;
        if (position < tokens.Count && tokens[position].Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            position++;
        }

        var attributes = new List<string>();
        var grants = new List<string>();
        while (position < tokens.Count)
        {
            var keyword = tokens[position].ToUpperInvariant();
            if (!MembershipClauses.Contains(keyword))
            {
                attributes.Add(tokens[position++]);
                continue;
            }

            position++;
            if (keyword is "IN" && position < tokens.Count)
            {
                position++; // IN ROLE / IN GROUP
            }

            var names = new List<string>();
            while (position < tokens.Count)
            {
                names.Add(tokens[position++]);
                if (position < tokens.Count && tokens[position] == ",")
                {
                    position++;
                    continue;
                }

                break;
            }

            var list = string.Join(", ", names);
            switch (keyword)
            {
                case "IN":
                    grants.Add($"GRANT {list} TO {quotedName}");
                    break;
                case "ROLE" or "USER":
                    grants.Add($"GRANT {quotedName} TO {list}");
                    break;
                case "ADMIN":
                    grants.Add($"GRANT {quotedName} TO {list} WITH ADMIN OPTION");
                    break;
            }
        }

        if (isUser && !attributes.Any(a => a.Equals("NOLOGIN", StringComparison.OrdinalIgnoreCase)))
        {
            attributes.Insert(0, "LOGIN"); // CREATE USER means LOGIN unless told otherwise
        }

        return new CreateRoleStatement(roleName, quotedName, attributes, grants);
    }

    /// <summary>
    /// The role's attributes back to what a bare CREATE ROLE gives, before the statement's own are applied; with
    /// <paramref name="keepLogin"/>, LOGIN and the password stay as they are (see <see cref="AlterRoleKeepingLogin"/>).
    /// </summary>
    public string ResetAttributes(bool keepLogin = false) =>
        new StringBuilder($"ALTER ROLE {QuotedName} WITH NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT ")
            .Append("NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1 VALID UNTIL 'infinity'")
            .Append(keepLogin ? "" : " NOLOGIN PASSWORD NULL")
            .ToString();

    private string? Alter(IReadOnlyList<string> attributes) =>
        attributes.Count == 0 ? null : $"ALTER ROLE {QuotedName} WITH {string.Join(' ', attributes)}";

    [GeneratedRegex(@"""(?:[^""]|"""")*""|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_$]*|-?\d+|,|\S")]
    private static partial Regex Tokens();
}
