using System.Text.RegularExpressions;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Finds the migration line that created a finding's object (its table, view, function or policy), so reports point
/// at the SQL to change; code-scanning dashboards need a file and a line to show a SARIF result at all.
/// </summary>
internal sealed partial class MigrationLocator
{
    private readonly Dictionary<string, string> _created = new(StringComparer.Ordinal);

    private MigrationLocator(IEnumerable<MigrationFile> files)
    {
        foreach (var file in files)
        {
            var path = RelativeToWorkingDirectory(file.FullPath);
            foreach (Match match in CreateStatement().Matches(file.Text))
            {
                var line = TextPosition.LineAndColumn(file.Text, match.Index).Line;
                var name = Normalize(match.Groups["name"].Value);
                // The first CREATE wins: later migrations alter what the first one created.
                _created.TryAdd(name, $"{path}:{line}");
                _created.TryAdd(name[(name.LastIndexOf('.') + 1)..], $"{path}:{line}");
            }
        }
    }

    public static MigrationLocator For(string migrationsFolder) => new(MigrationFolder.Load(migrationsFolder));

    /// <summary>The report with each finding's <see cref="Finding.Location"/> filled in where the migrations create its object.</summary>
    public Report Annotate(Report report) => new(
        report.Findings.Select(Annotate).ToList(),
        report.Waived.Select(w => w with { Finding = Annotate(w.Finding) }).ToList(),
        report.UnmatchedWaivers,
        report.Facts,
        report.Rules);

    private Finding Annotate(Finding finding) =>
        finding.Location is null && Locate(finding) is { } location ? finding with { Location = location } : finding;

    private string? Locate(Finding finding)
    {
        // "policy on public.orders", "public.f(uuid)", "public.orders.tenant_id": the object's own name first, then its table.
        var own = Normalize(finding.Object.Split(' ')[0].Split('(')[0]);
        var ownTable = own.Count(c => c == '.') == 2 ? own[..own.LastIndexOf('.')] : null;
        string?[] candidates = [own, ownTable, finding.Table is null ? null : Normalize(finding.Table)];
        return candidates
            .OfType<string>()
            .Select(name => _created.GetValueOrDefault(name) ?? _created.GetValueOrDefault(name[(name.LastIndexOf('.') + 1)..]))
            .FirstOrDefault(location => location is not null);
    }

    private static string Normalize(string name) =>
        string.Join('.', name.Split('.').Select(part => part.StartsWith('"') ? part.Trim('"') : part.ToLowerInvariant()));

    private static string RelativeToWorkingDirectory(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    [GeneratedRegex("""\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:UNLOGGED\s+)?(?:MATERIALIZED\s+VIEW|VIEW|TABLE|FUNCTION|POLICY|ROLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>(?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)""", RegexOptions.IgnoreCase)]
    private static partial Regex CreateStatement();
}
