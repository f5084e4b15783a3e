using TenantGuard.Sql;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Which roles a migration set creates and which it only relies on. A role the migrations grant to but never create
/// exists in production before they run (made by hand or by infrastructure code), so it must exist here too; a role
/// they create, even inside a guarded DO block, must not, or their own definition would never run.
/// </summary>
internal sealed class MigrationRolePlan
{
    private readonly Dictionary<string, string> _created;
    private readonly Dictionary<string, string> _referenced;

    private MigrationRolePlan(Dictionary<string, string> created, Dictionary<string, string> referenced)
    {
        _created = created;
        _referenced = referenced;
    }

    public static MigrationRolePlan Read(IReadOnlyList<MigrationFile> files)
    {
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var referenced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var roles = MigrationRoleReader.Read(file.Text);
            foreach (var role in roles.Created)
                created.TryAdd(role.Name, $"{file.DisplayPath}:{file.LineInFile(role.Line)}");
            foreach (var role in roles.Referenced)
                referenced.TryAdd(role.Name, $"{file.DisplayPath}:{file.LineInFile(role.Line)}");
        }

        return new MigrationRolePlan(created, referenced);
    }

    /// <summary>Where the migrations create the role (file:line), or null when they never do.</summary>
    public string? CreatedAt(string role) => _created.GetValueOrDefault(role);

    /// <summary>Roles the migrations rely on without creating them, with the first place that names each.</summary>
    public IEnumerable<(string Role, string Location)> External =>
        _referenced.Where(r => !_created.ContainsKey(r.Key)).Select(r => (r.Key, r.Value));
}
