using TenantGuard.Harness.Reports;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Finds the migration line that created a finding's object (its table, view, function, policy or role), or for a
/// finding about a privilege the GRANT that gave it, so reports point at the SQL to change; code-scanning dashboards
/// need a file and a line to show a SARIF result at all.
/// </summary>
internal sealed class MigrationLocator
{
    /// <summary>Rules about a privilege on a table, located at the GRANT of that privilege when there is one.</summary>
    private static readonly Dictionary<string, string[]> GrantRules = new(StringComparer.Ordinal)
    {
        ["TG1011"] = ["truncate", "all"],
    };

    private readonly Dictionary<string, string> _created = new(StringComparer.Ordinal);
    private readonly List<(string Table, IReadOnlyList<string> Privileges, string Location)> _grants = [];

    private MigrationLocator(IEnumerable<MigrationFile> files)
    {
        foreach (var file in files)
        {
            var path = RelativeToWorkingDirectory(file.FullPath);
            foreach (var created in MigrationObjectReader.Read(file.Text))
            {
                var location = $"{path}:{file.LineInFile(created.Line)}";
                if (created.Kind == "grant")
                {
                    _grants.Add((created.Name.ToString(), created.Privileges, location));
                    continue;
                }

                // The first CREATE wins: later migrations alter what the first one created.
                _created.TryAdd(created.Name.ToString(), location);
                _created.TryAdd(created.Name.Name, location);
            }
        }
    }

    /// <summary>Reads the migrations as they run (the same files and parts), so lines point where the runner would.</summary>
    public static MigrationLocator For(MigrationSet migrations) => new(migrations.Files);

    /// <summary>The report with each finding's <see cref="Finding.Location"/> filled in where the migrations create its object.</summary>
    public Report Annotate(Report report) => new(
        report.Findings.Select(Annotate).ToList(),
        report.Waived.Select(w => w with { Finding = Annotate(w.Finding) }).ToList(),
        report.UnmatchedWaivers,
        report.Facts,
        report.Rules);

    private Finding Annotate(Finding finding) =>
        finding.Location is null && (LocateGrant(finding) ?? Locate(finding)) is { } location ? finding with { Location = location } : finding;

    private string? LocateGrant(Finding finding)
    {
        if (finding.Table is null || !GrantRules.TryGetValue(finding.Rule, out var privileges))
            return null;
        var table = QualifiedName.Parse(finding.Table);
        return _grants
            .Where(g => g.Table == table.ToString() || g.Table == table.Name || g.Table == $"{table.Schema ?? "public"}.*")
            .Where(g => g.Privileges.Any(privileges.Contains))
            .Select(g => g.Location)
            .FirstOrDefault();
    }

    private string? Locate(Finding finding)
    {
        // "policy on public.orders", "public.f(uuid)", "public.orders.tenant_id": the object's own name first, then its table.
        var own = finding.Object.Split(' ')[0].Split('(')[0];
        var ownTable = own.Count(c => c == '.') == 2 ? own[..own.LastIndexOf('.')] : null;
        string?[] candidates = [own, ownTable, finding.Table];
        return candidates
            .OfType<string>()
            .Select(QualifiedName.Parse)
            .Select(name => _created.GetValueOrDefault(name.ToString()) ?? _created.GetValueOrDefault(name.Name))
            .FirstOrDefault(location => location is not null);
    }

    private static string RelativeToWorkingDirectory(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
